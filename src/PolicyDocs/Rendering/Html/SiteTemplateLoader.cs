using PolicyDocs.Templates;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>Resolves <c>include "header"</c> in site layouts to <c>templates/site/partials/header.sbn</c>.</summary>
internal sealed class SiteTemplateLoader(TemplateStore store) : ITemplateLoader
{
    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var rel = "site/partials/" + (templateName.EndsWith(".sbn", StringComparison.Ordinal) ? templateName : templateName + ".sbn");
        if (!TemplateStore.IsSafe(templateName) || store.ReadBytes(rel) is null)
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"No partial named '{templateName}' in templates/site/partials/.");
        return rel;
    }

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        store.ReadText(templatePath) ?? throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"Cannot read {templatePath}");

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new((string?)Load(context, callerSpan, templatePath));
}
