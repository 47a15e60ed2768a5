namespace PolicyDocs.Binding;

/// <summary>Markdown produced by a template (an included block, a checked link): written into prose as is, while
/// every other value is escaped to plain text.</summary>
internal sealed record MarkdownText(string Markdown)
{
    /// <inheritdoc />
    public override string ToString() => Markdown;
}
