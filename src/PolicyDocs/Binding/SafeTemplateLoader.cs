using PolicyDocs.Templates;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PolicyDocs.Binding;

/// <summary>
/// Resolves <c>include "name"</c> in prose to <c>templates/markdown/name.sbn</c> of the policy set or the
/// built-in defaults. Names cannot leave the templates folder.
/// </summary>
internal sealed class SafeTemplateLoader(TemplateStore store) : ITemplateLoader
{
    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var rel = "markdown/" + (templateName.EndsWith(".sbn", StringComparison.Ordinal) ? templateName : templateName + ".sbn");
        if (!TemplateStore.IsSafe(templateName) || store.ReadBytes(rel) is null)
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan,
                $"No block named '{templateName}'; blocks live in templates/markdown/ (document-identification, ca-list, definitions, trusted-roles, persons-per-task, separation-of-duties).");
        return rel;
    }

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        store.ReadText(templatePath) ?? throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"Cannot read {templatePath}");

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new((string?)Load(context, callerSpan, templatePath));
}
