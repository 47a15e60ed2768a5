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

    /// <summary>Parses a section body whose nesting is known to be within the parser's limit.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Parses a section body. Markdown nested deeper than the parser allows (block quotes, lists, emphasis, brackets)
    /// cannot be parsed: the result is then an empty document and <paramref name="tooDeepLine"/> the 0-based line
    /// where the nesting first goes too deep; otherwise it is -1.
    /// </summary>
    public static MarkdownDocument Parse(string markdown, out int tooDeepLine)
    {
        tooDeepLine = -1;
        if (TryParse(markdown, out var document)) return document;
        tooDeepLine = FirstTooDeepLine(markdown);
        return new MarkdownDocument();
    }

    private static bool TryParse(string markdown, out MarkdownDocument document)
    {
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
            return true;
        }
        catch (Exception ex) when (IsDepthLimit(ex))
        {
            document = new MarkdownDocument();
            return false;
        }
    }

    private static bool IsDepthLimit(Exception ex) =>
        ex is ArgumentException or InvalidOperationException && ex.Message.Contains("too deeply nested", StringComparison.Ordinal);

    /// <summary>The first line whose prefix of the text no longer parses: a binary search over line ends.</summary>
    private static int FirstTooDeepLine(string markdown)
    {
        var ends = new List<int>();
        for (var i = 0; i < markdown.Length; i++) if (markdown[i] == '\n') ends.Add(i + 1);
        ends.Add(markdown.Length);
        int lo = 0, hi = ends.Count - 1; // the prefix up to ends[hi] fails
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (TryParse(markdown[..ends[mid]], out _)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

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
