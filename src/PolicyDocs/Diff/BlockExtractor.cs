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
        var sb = new StringBuilder();
        var space = false;
        foreach (var block in Extract(body, xrefs))
        {
            IEnumerable<string> parts = block.Kind == BlockKind.TableRow ? block.Cells : [block.Text];
            foreach (var part in parts)
            {
                foreach (var ch in part)
                {
                    if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
                    if (space) sb.Append(' ');
                    space = false;
                    sb.Append(ch);
                }
                space = sb.Length > 0;
            }
        }
        return sb.ToString();
    }

    private static void Walk(Block block, BlockKind context, XrefIndex? xrefs, ImmutableArray<TextBlock>.Builder into)
    {
        switch (block)
        {
            case HeadingBlock h:
                into.Add(new TextBlock(BlockKind.Heading, InlineText.Of(h.Inline, xrefs), []) { Node = h });
                break;
            case ParagraphBlock p:
                into.Add(new TextBlock(context, InlineText.Of(p.Inline, xrefs), []) { Node = p });
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>()
                        .Select(c => string.Join(" ", c.OfType<ParagraphBlock>().Select(p => InlineText.Of(p.Inline, xrefs))))
                        .ToImmutableArray();
                    into.Add(new TextBlock(BlockKind.TableRow, string.Join(" | ", cells), cells) { Node = row });
                }
                break;
            case CodeBlock code:
                into.Add(new TextBlock(BlockKind.Code, code.Lines.ToString(), []) { Node = code });
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Walk(child, BlockKind.Quote, xrefs, into);
                break;
            case ListBlock list:
                foreach (var item in list)
                    if (item is ContainerBlock c)
                        foreach (var child in c) Walk(child, BlockKind.ListItem, xrefs, into);
                break;
            case ContainerBlock container:
                foreach (var child in container) Walk(child, context, xrefs, into);
                break;
            case LeafBlock leaf when leaf is not ThematicBreakBlock && leaf.Lines.Count > 0:
                into.Add(new TextBlock(context, leaf.Lines.ToString(), []) { Node = leaf });
                break;
        }
    }
}
