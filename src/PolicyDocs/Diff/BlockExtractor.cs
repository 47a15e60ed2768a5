using System.Collections.Immutable;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Diff;

/// <summary>Flattens a section body into text blocks for diffing: paragraphs, list items, table rows, code, quotes.
/// References contribute the text they render as, so a retitled target shows up as a change where it is cited.</summary>
internal static class BlockExtractor
{
    /// <summary>The blocks of <paramref name="body"/> in document order.</summary>
    public static ImmutableArray<TextBlock> Extract(MarkdownDocument? body, XrefIndex? xrefs)
    {
        if (body is null) return [];
        var result = ImmutableArray.CreateBuilder<TextBlock>();
        foreach (var block in body) Walk(block, BlockKind.Paragraph, xrefs, result);
        return result.ToImmutable();
    }

    /// <summary>The plain text of <paramref name="body"/>: its blocks' text (a table row's cells) joined by single spaces,
    /// white space collapsed. What the search index holds.</summary>
    public static string PlainText(MarkdownDocument? body, XrefIndex? xrefs)
    {
        var parts = Extract(body, xrefs).SelectMany(block => block.Kind == BlockKind.TableRow ? (IEnumerable<string>)block.Cells : [block.Text]);
        return CollapseWhitespace(string.Join(" ", parts));
    }

    private static void Walk(Block block, BlockKind context, XrefIndex? xrefs, ImmutableArray<TextBlock>.Builder into, string marker = "")
    {
        switch (block)
        {
            case HeadingBlock h:
                into.Add(new TextBlock(BlockKind.Heading, InlineText.Of(h.Inline, xrefs), []) { Node = h, MarkupOf = () => new string('#', h.Level) + " " + Markup(h.Inline) });
                break;
            case ParagraphBlock p:
                into.Add(new TextBlock(context, InlineText.Of(p.Inline, xrefs), []) { Node = p, MarkupOf = () => marker + Markup(p.Inline) });
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var paragraphs = row.OfType<TableCell>().Select(c => c.OfType<ParagraphBlock>().ToList()).ToList();
                    var cells = paragraphs.Select(c => string.Join(" ", c.Select(p => InlineText.Of(p.Inline, xrefs)))).ToImmutableArray();
                    into.Add(new TextBlock(BlockKind.TableRow, string.Join(" | ", cells), cells)
                    {
                        Node = row, Table = table, Header = row.IsHeader, MarkupOf = () => string.Join(" | ", paragraphs.Select(c => string.Join(" ", c.Select(p => Markup(p.Inline))))),
                    });
                }
                break;
            case CodeBlock code:
                into.Add(new TextBlock(BlockKind.Code, code.Lines.ToString(), []) { Node = code });
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Walk(child, BlockKind.Quote, xrefs, into, marker);
                break;
            case ListBlock list:
                foreach (var item in list)
                {
                    if (item is not ContainerBlock c) continue;
                    // The item's marker goes with its first block: "- ", "* ", "3. ", "b) ", two spaces before it for each
                    // list it is nested in, so that an item moved a level up or down differs in markup.
                    var first = new string(' ', 2 * Depth(list)) + (list.IsOrdered ? $"{(item as ListItemBlock)?.Order ?? 0}{list.OrderedDelimiter} " : $"{list.BulletType} ");
                    foreach (var child in c)
                    {
                        Walk(child, BlockKind.ListItem, xrefs, into, marker + first);
                        first = "";
                    }
                }
                break;
            case ContainerBlock container:
                foreach (var child in container) Walk(child, context, xrefs, into, marker);
                break;
            case LeafBlock leaf when leaf is not ThematicBreakBlock && leaf.Lines.Count > 0:
                into.Add(new TextBlock(context, leaf.Lines.ToString(), []) { Node = leaf });
                break;
        }
    }

    private static int Depth(ListBlock list)
    {
        var depth = 0;
        for (var b = list.Parent; b is not null; b = b.Parent)
            if (b is ListBlock) depth++;
        return depth;
    }

    /// <summary>The inlines as Markdown would write them, white space collapsed: emphasis with its delimiters, links
    /// with their targets, code in backticks, references and note references as written.</summary>
    internal static string Markup(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        AppendMarkup(inline?.FirstChild, sb);
        return CollapseWhitespace(sb.ToString());
    }

    private static void AppendMarkup(Inline? inline, StringBuilder sb)
    {
        for (var node = inline; node is not null; node = node.NextSibling)
        {
            switch (node)
            {
                case LiteralInline l: sb.Append(l.Content.AsSpan()); break;
                case CodeInline c: sb.Append('`').Append(c.Content).Append('`'); break;
                case LineBreakInline br: sb.Append(br.IsHard ? "\\ " : " "); break; // a hard break as Markdown's backslash
                case XrefInline x: sb.Append("[[").Append(x.Raw).Append("]]"); break;
                case AutolinkInline a: sb.Append('<').Append(a.Url).Append('>'); break;
                case HtmlEntityInline e: sb.Append(e.Transcoded.AsSpan()); break;
                case HtmlInline h: sb.Append(h.Tag); break;
                case Markdig.Extensions.Footnotes.FootnoteLink { IsBackLink: false } f: sb.Append("[^").Append(f.Footnote.Label).Append(']'); break;
                case EmphasisInline e:
                    var delimiter = new string(e.DelimiterChar, e.DelimiterCount);
                    sb.Append(delimiter);
                    AppendMarkup(e.FirstChild, sb);
                    sb.Append(delimiter);
                    break;
                case LinkInline link:
                    sb.Append(link.IsImage ? "![" : "[");
                    AppendMarkup(link.FirstChild, sb);
                    sb.Append("](").Append(link.Url).Append(string.IsNullOrEmpty(link.Title) ? "" : " \"" + link.Title + "\"").Append(')');
                    break;
                case ContainerInline container: AppendMarkup(container.FirstChild, sb); break;
            }
        }
    }

    private static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
