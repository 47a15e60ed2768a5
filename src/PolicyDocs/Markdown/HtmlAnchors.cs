using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Text;

namespace PolicyDocs.Markdown;

/// <summary>The bare HTML anchors (<see cref="HtmlAnchor"/>) of a parsed body: where each is and the id it defines.</summary>
internal static class HtmlAnchors
{
    /// <summary>Every bare anchor in <paramref name="body"/> in document order: its inline start tag or its HTML block, and its id.</summary>
    public static IEnumerable<(MarkdownObject Node, string Id)> In(MarkdownObject body) =>
        (body is LeafBlock { Inline: { } inline } ? inline.Descendants() : body.Descendants())
            .Prepend(body).SelectMany(node => Of(node).Select(id => (node, id)));

    /// <summary>The ids of the bare anchors <paramref name="node"/> itself defines: an anchor's start tag defines one, an
    /// HTML block as many as it holds.</summary>
    public static IEnumerable<string> Of(MarkdownObject node) => node switch
    {
        HtmlInline inline when HtmlAnchor.IdOf(inline.Tag) is { } id => [id],
        HtmlBlock { Type: not HtmlBlockType.Comment } block => HtmlAnchor.IdsIn(block.Lines.ToString()),
        _ => [],
    };

    /// <summary>True for the end tag of a bare anchor: <c>&lt;/a&gt;</c> right after one.</summary>
    public static bool IsEnd(HtmlInline inline) =>
        HtmlAnchor.IsEnd(inline.Tag) && inline.PreviousSibling is HtmlInline start && HtmlAnchor.IdOf(start.Tag) is not null;

    /// <summary>True for a bare anchor's start or end tag.</summary>
    public static bool IsPart(HtmlInline inline) => HtmlAnchor.IdOf(inline.Tag) is not null || IsEnd(inline);

    /// <summary>True for an HTML block that holds bare anchors and nothing else.</summary>
    public static bool IsOnly(HtmlBlock block) =>
        block.Type != HtmlBlockType.Comment && block.Lines.ToString() is var text && text.Contains("<a", StringComparison.OrdinalIgnoreCase)
        && string.IsNullOrWhiteSpace(HtmlAnchor.Strip(text));

    /// <summary>True for a paragraph that holds bare anchors and nothing else (GitHub shows nothing for it).</summary>
    public static bool IsOnly(LeafBlock block)
    {
        if (block.Inline?.FirstChild is null) return false;
        for (var child = block.Inline.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case HtmlInline html when IsPart(html):
                case LineBreakInline:
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }
}
