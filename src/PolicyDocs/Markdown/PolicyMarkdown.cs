using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;

namespace PolicyDocs.Markdown;

/// <summary>The one Markdig pipeline used for all policy prose: GFM tables, autolinks, task lists, footnotes,
/// strikethrough, attributes, plus <c>[[...]]</c> cross-references. Immutable and shared.</summary>
public static class PolicyMarkdown
{
    /// <summary>The shared pipeline.</summary>
    public static MarkdownPipeline Pipeline { get; } = Build();

    /// <summary>Parses a section body.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseAutoLinks()
            .UseTaskLists()
            .UseFootnotes()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
            .UseGenericAttributes();
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new XrefInlineParser());
        return builder.Build();
    }
}
