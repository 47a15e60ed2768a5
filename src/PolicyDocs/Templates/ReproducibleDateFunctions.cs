using System.Globalization;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PolicyDocs.Templates;

/// <summary>
/// Scriban's <c>date</c> object without the clock: <c>date.parse</c> (and <c>date "…"</c>) read only a complete
/// ISO date (<c>2026-01-31</c>, optionally with a time), as UTC, so no part of a date comes from today or from the
/// machine's time zone.
/// </summary>
internal sealed class ReproducibleDateFunctions : DateTimeFunctions
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ"];

    /// <summary>Creates the object with the clock functions replaced.</summary>
    public ReproducibleDateFunctions()
    {
        SetValue("parse", new ParseFunction(), true);
        foreach (var name in (ReadOnlySpan<string>)["now", "utc_now", "parse_to_string"])
            SetValue(name, new UnavailableFunction("date." + name), true);
    }

    /// <inheritdoc />
    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        arguments.Count == 1 ? Parse(context, callerContext, context.ObjectToString(arguments[0])) : base.Invoke(context, callerContext, arguments, blockStatement);

    /// <inheritdoc />
    public override IScriptObject Clone(bool deep) => new ReproducibleDateFunctions();

    private static DateTime? Parse(TemplateContext context, ScriptNode? caller, string? text)
    {
        if (text is null) return null;
        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
            return DateTime.SpecifyKind(d, DateTimeKind.Utc);
        throw new ScriptRuntimeException(caller?.Span ?? context.CurrentSpan, $"'{text}' is not a date of the form 2026-01-31 (optionally with a time, 2026-01-31T09:30:00).");
    }

    private sealed class ParseFunction : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            arguments.Count >= 1 && arguments.Skip(1).All(a => a is null) ? Parse(context, callerContext, context.ObjectToString(arguments[0]))
            : throw new ScriptRuntimeException(callerContext?.Span ?? context.CurrentSpan, "date.parse takes one ISO date (2026-01-31); patterns and cultures are not supported, so no part of a date comes from today.");
        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
        public int RequiredParameterCount => 1;
        public int ParameterCount => 3;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), index == 0 ? "text" : "pattern");
    }
}
