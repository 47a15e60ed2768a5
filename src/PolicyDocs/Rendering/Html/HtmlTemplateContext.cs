using System.Net;
using PolicyDocs.Templates;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// The context site templates run in: every value is HTML-escaped (quotes too, so it is safe in attributes) unless it
/// is <see cref="TrustedHtml"/> or a partial's output. <c>html.escape</c> returns escaped, trusted text, so templates
/// written to escape by hand are not escaped twice; <c>html.newline_to_br</c> escapes, then adds the breaks.
/// </summary>
internal sealed class HtmlTemplateContext : SandboxedTemplateContext
{
    /// <summary>Creates a context with the site limits and the partials loader.</summary>
    public HtmlTemplateContext(ITemplateLoader loader, int loopLimit, int recursiveLimit) : base(loopLimit, recursiveLimit)
    {
        TemplateLoader = loader;
        if (BuiltinObject.TryGetValue("html", out var h) && h is ScriptObject html)
        {
            html.SetValue("escape", new HtmlFunction(v => v), true);
            html.SetValue("newline_to_br", new HtmlFunction(v => v.ReplaceLineEndings("<br />\n")), true);
        }
    }

    /// <summary>The HTML that shows <paramref name="text"/> literally, in text or in a quoted attribute.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <inheritdoc />
    protected override string Escape(string text) => Encode(text);

    /// <inheritdoc />
    protected override object Trusted(string text) => new TrustedHtml(text);

    /// <inheritdoc />
    protected override bool IsTrusted(object value) => value is TrustedHtml || base.IsTrusted(value);

    /// <summary>An html.* function: escapes its argument (unless trusted), applies <c>then</c>, returns trusted HTML.</summary>
    private sealed class HtmlFunction(Func<string, string> then) : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var value = arguments.Count > 0 ? arguments[0] : null;
            if (value is null) return null;
            var text = context.ObjectToString(value) ?? "";
            return new TrustedHtml(then(value is TrustedHtml t ? t.Html : Encode(text)));
        }
        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "text");
    }
}
