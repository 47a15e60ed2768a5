using PolicyDocs.Templates;
using PolicyDocs.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PolicyDocs.Binding;

/// <summary>
/// <c>{{ link url "text" }}</c>: a Markdown link to a URL from the data, written only when the URL passes
/// <see cref="UrlPolicy"/>; any other URL stops the template with a diagnostic at its line. The text (default: the
/// URL) is escaped like every value.
/// </summary>
internal sealed class LinkFunction : IScriptCustomFunction
{
    /// <inheritdoc />
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? context.CurrentSpan;
        var url = arguments.Count > 0 ? context.ObjectToString(arguments[0])?.Trim() : null;
        if (string.IsNullOrEmpty(url)) return null;
        if (!UrlPolicy.IsAllowed(url) || url.AsSpan().IndexOfAny("<> \t\r\n") >= 0)
            throw new TemplateRuleException(span, TemplateFailureKind.UnsafeUrl, $"'{url}' is not a link target ({UrlPolicy.Description}); the link is left out.");
        var text = arguments.Count > 1 ? context.ObjectToString(arguments[1]) ?? url : url;
        return new MarkdownText($"[{MarkdownEscape.Text(text)}](<{url.Replace("|", "%7C", StringComparison.Ordinal)}>)");
    }

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    /// <inheritdoc />
    public int RequiredParameterCount => 1;
    /// <inheritdoc />
    public int ParameterCount => 2;
    /// <inheritdoc />
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
    /// <inheritdoc />
    public Type ReturnType => typeof(object);
    /// <inheritdoc />
    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), index == 0 ? "url" : "text");
}
