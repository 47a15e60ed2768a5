using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;

namespace PolicyDocs.Markdown;

/// <summary>The one Markdig pipeline used for all policy prose: GFM tables, autolinks, task lists, footnotes,
/// strikethrough, attributes, pandoc's lettered and roman lists and table captions, plus <c>[[...]]</c> cross-references
/// and footnotes referred to across a document's sections. Immutable and shared.</summary>
internal static class PolicyMarkdown
{
    /// <summary>The shared pipeline.</summary>
    public static MarkdownPipeline Pipeline { get; } = Build();

    /// <summary>Parses a section body whose nesting is known to be within the parser's limit.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Parses a section body. Markdown beyond the parser's limits cannot be parsed: nested deeper than
    /// <see cref="MaxDepth"/> (block quotes, lists, emphasis, brackets) or a table of more than
    /// <see cref="MaxTableRows"/> rows (the parser's table work grows with the square of its rows). The result is then
    /// an empty document and <paramref name="limit"/> says where and which; otherwise it is null.
    /// </summary>
    /// <param name="markdown">The body.</param>
    /// <param name="limit">Where the body goes beyond the parser's limits, or null.</param>
    /// <param name="context">What the parser knows beyond the body (the document's footnotes, <see cref="DocumentFootnotes"/>).</param>
    public static MarkdownDocument Parse(string markdown, out MarkdownLimit? limit, MarkdownParserContext? context = null)
    {
        limit = LongTable(markdown);
        if (limit is not null) return new MarkdownDocument();
        if (TryParse(markdown, out var document, context))
        {
            if (TooDeep(document) is not { } deep) return document;
            limit = new MarkdownLimit(deep.Line, $"nesting more than {MaxDepth} levels deep");
            return new MarkdownDocument();
        }
        limit = new MarkdownLimit(FirstTooDeepLine(markdown), $"nesting more than {MaxDepth} levels deep");
        return new MarkdownDocument();
    }

    /// <summary>The most rows a table may have.</summary>
    public const int MaxTableRows = 5_000;

    /// <summary>A run of more than <see cref="MaxTableRows"/> consecutive lines with a pipe: a table too long to parse.</summary>
    private static MarkdownLimit? LongTable(string markdown)
    {
        var line = 0;
        var runStart = 0;
        var run = 0;
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            var text = markdown.AsSpan(range);
            if (text.Contains('|'))
            {
                if (run == 0) runStart = line;
                if (++run > MaxTableRows + 2) // the header and its separator do not count
                    return new MarkdownLimit(runStart, $"a table of more than {MaxTableRows:N0} rows");
            }
            else run = 0;
            line++;
        }
        return null;
    }

    /// <summary>How deep the tree may nest, blocks and inlines together, so that every renderer's walk stays shallow.</summary>
    public const int MaxDepth = 100;

    /// <summary>The first node nested deeper than <see cref="MaxDepth"/>, found without recursion; null when none is.</summary>
    private static MarkdownObject? TooDeep(MarkdownDocument document)
    {
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxDepth) return node;
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) stack.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push((inline, depth + 1));
                    break;
                case Markdig.Syntax.Inlines.ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling) stack.Push((child, depth + 1));
                    break;
            }
        }
        return null;
    }

    private static bool TryParse(string markdown, out MarkdownDocument document, MarkdownParserContext? context = null)
    {
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline, context);
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

    /// <summary>The first line whose prefix of the text no longer parses: a binary search over line ends (for texts of
    /// up to 1 MB; beyond that the search would cost more than it tells, and the answer is the first line).</summary>
    private static int FirstTooDeepLine(string markdown)
    {
        if (markdown.Length > 1_000_000) return 0;
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
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new DocumentFootnotes.ReferenceParser());
        builder.InlineParsers.Insert(0, new LeadingSpaceParser());
        builder.BlockParsers.InsertBefore<Markdig.Parsers.ParagraphBlockParser>(new LinkDefinitionLineParser());
        builder.DocumentProcessed += TableCaption.Attach;
        builder.BlockParsers.Find<Markdig.Parsers.ListBlockParser>()!.ItemParsers.Add(new PandocListItemParser());
        builder.BlockParsers.InsertBefore<Markdig.Parsers.ParagraphBlockParser>(new KramdownAttributeLineParser());
        return builder.Build();
    }
}

/// <summary>Where a section body goes beyond what the Markdown parser can take: its 0-based line and what it is.</summary>
internal sealed record MarkdownLimit(int Line, string What);
