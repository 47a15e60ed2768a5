using PolicyDocs.Templates;
using Scriban.Runtime;

namespace PolicyDocs.Binding;

/// <summary>The context prose templates run in: every value is written as literal Markdown text
/// (<see cref="MarkdownEscape"/>); included blocks and <see cref="MarkdownText"/> values are written as is.</summary>
internal sealed class MarkdownTemplateContext : SandboxedTemplateContext
{
    /// <summary>Creates a context with the prose limits and the given loader.</summary>
    public MarkdownTemplateContext(ITemplateLoader loader, int loopLimit, int recursiveLimit) : base(loopLimit, recursiveLimit)
    {
        TemplateLoader = loader;
    }

    /// <inheritdoc />
    protected override string Escape(string text) => MarkdownEscape.Text(text);

    /// <inheritdoc />
    protected override object Trusted(string text) => new MarkdownText(text);

    /// <inheritdoc />
    protected override bool IsTrusted(object value) => value is MarkdownText || base.IsTrusted(value);
}
