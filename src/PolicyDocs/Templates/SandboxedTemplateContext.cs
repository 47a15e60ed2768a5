using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PolicyDocs.Templates;

/// <summary>
/// The Scriban context every PolicyDocs template runs in. Strict variables; loop, recursion and regex-time limits
/// that fail with an error instead of cutting output; no output cap (a page or a section is never truncated); no
/// random or clock functions; and every value a template writes is escaped by <see cref="Escape"/> unless it is
/// trusted output of a template (an include, a capture) or a value of the trusted type of the subclass.
/// </summary>
internal abstract class SandboxedTemplateContext : TemplateContext
{
    /// <summary>How long one regex.* call may run before the template fails.</summary>
    public static readonly TimeSpan RegexTime = TimeSpan.FromMilliseconds(200);

    /// <summary>The largest single string a template may build (a guard against runaway string.repeat and the like);
    /// exceeding it is an error, never a cut.</summary>
    public const int StringLimit = 64 * 1024 * 1024;

    /// <summary>Sets the limits and replaces the functions that would make output vary.</summary>
    protected SandboxedTemplateContext(int loopLimit, int recursiveLimit)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = loopLimit;
        RecursiveLimit = recursiveLimit;
        LimitToString = StringLimit;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = 0;
        RegexTimeOut = RegexTime;
        foreach (var (obj, name) in (ReadOnlySpan<(string, string)>)[("math", "random"), ("math", "uuid")])
            if (BuiltinObject.TryGetValue(obj, out var o) && o is ScriptObject functions)
                functions.SetValue(name, new UnavailableFunction($"{obj}.{name}"), true);
        BuiltinObject.SetValue("date", new ReproducibleDateFunctions(), true);
        WrapTrusted("include");
        WrapTrusted("include_join");
    }

    /// <summary>Escapes a value's text for the language of the output.</summary>
    protected abstract string Escape(string text);

    /// <summary>Wraps template output that is already in the language of the output, so it is written as is.</summary>
    protected abstract object Trusted(string text);

    /// <summary>True for a value written as is: an include's or capture's output, or the subclass's trusted type.</summary>
    protected virtual bool IsTrusted(object value) => value is IScriptOutput;

    /// <inheritdoc />
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        if (IsTrusted(textAsObject))
        {
            Write(textAsObject.ToString());
            return this;
        }
        string? text;
        try
        {
            text = ObjectToString(textAsObject);
        }
        catch (InvalidOperationException ex)
        {
            throw new ScriptRuntimeException(span, ex.Message);
        }
        if (text is not null) Write(Escape(text));
        return this;
    }

    private void WrapTrusted(string name)
    {
        if (BuiltinObject.TryGetValue(name, out var f) && f is IScriptCustomFunction inner)
            BuiltinObject.SetValue(name, new TrustedResultFunction(inner, Trusted), true);
    }

    /// <summary>Calls a built-in and marks its result as trusted output.</summary>
    private sealed class TrustedResultFunction(IScriptCustomFunction inner, Func<string, object> trusted) : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            inner.Invoke(context, callerContext, arguments, blockStatement) is { } r ? trusted(r.ToString() ?? "") : null;
        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
        public int RequiredParameterCount => inner.RequiredParameterCount;
        public int ParameterCount => inner.ParameterCount;
        public ScriptVarParamKind VarParamKind => inner.VarParamKind;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);
    }
}

/// <summary>A template failure that is a PolicyDocs rule of its own (limit, read-only data, reproducibility).</summary>
internal sealed class TemplateRuleException(SourceSpan span, TemplateFailureKind kind, string message) : ScriptRuntimeException(span, message)
{
    /// <summary>What went wrong.</summary>
    public TemplateFailureKind Kind { get; } = kind;
}

/// <summary>Why a template failed.</summary>
internal enum TemplateFailureKind
{
    /// <summary>Any other template error.</summary>
    Error,
    /// <summary>A loop, recursion, regex-time or string-size limit was exceeded.</summary>
    Limit,
    /// <summary>An assignment to shared data.</summary>
    ReadOnly,
    /// <summary>A random or clock function.</summary>
    NonReproducible,
    /// <summary>A URL that the link policy refuses.</summary>
    UnsafeUrl,
}

/// <summary>Sorts a Scriban failure into a <see cref="TemplateFailureKind"/> with a message that says what to do.</summary>
internal static class TemplateFailure
{
    /// <summary>The kind and message of <paramref name="ex"/>.</summary>
    public static (TemplateFailureKind Kind, string Message) Of(ScriptRuntimeException ex)
    {
        if (ex is TemplateRuleException r) return (r.Kind, r.OriginalMessage);
        var m = ex.OriginalMessage;
        if (ex.InnerException is RegexMatchTimeoutException || FindInner<RegexMatchTimeoutException>(ex) is not null)
            return (TemplateFailureKind.Limit, $"A regular expression ran longer than {SandboxedTemplateContext.RegexTime.TotalMilliseconds:0} ms and was stopped; avoid nested repetition such as (a+)+.");
        if (ex.InnerException is InvalidOperationException { Message: "The object is readonly" } || m.Contains("readonly", StringComparison.Ordinal))
            return (TemplateFailureKind.ReadOnly, $"Data is read-only in templates ({m}); copy the value into a variable of your own and change that.");
        if (m.Contains("limit", StringComparison.OrdinalIgnoreCase) || m.Contains("too deeply nested", StringComparison.Ordinal))
            return (TemplateFailureKind.Limit, m);
        return (TemplateFailureKind.Error, m);
    }

    private static T? FindInner<T>(Exception ex) where T : Exception
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }
}

/// <summary>Stands in for a built-in that would make output vary from run to run.</summary>
internal sealed class UnavailableFunction(string name) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        throw new TemplateRuleException(callerContext?.Span ?? context.CurrentSpan, TemplateFailureKind.NonReproducible,
            $"{name} is not available: the same content must give the same output on any machine and date; write the value into the content.");
    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));
    public int RequiredParameterCount => 0;
    public int ParameterCount => 0;
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
    public Type ReturnType => typeof(object);
    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");
}
