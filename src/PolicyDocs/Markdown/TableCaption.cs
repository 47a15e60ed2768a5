using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PolicyDocs.Markdown;

/// <summary>
/// Pandoc's table captions: a paragraph "Table: text" right before a pipe table, or else right after it, is that
/// table's caption. The paragraph stays in the tree, where it was written, marked as the caption (and the table points to it),
/// its "Table:" left out of its text: the site shows it as the table's &lt;caption&gt;, Word as a Caption paragraph
/// with the table, the combined Markdown writes "Table: text" back.
/// </summary>
internal static class TableCaption
{
    /// <summary>What starts a caption paragraph.</summary>
    public const string Prefix = "Table:";

    private static readonly object Key = typeof(TableCaption);

    /// <summary>The caption of <paramref name="table"/>, if it has one.</summary>
    public static ParagraphBlock? Of(Table table) => table.GetData(Key) as ParagraphBlock;

    /// <summary>Whether <paramref name="block"/> is the caption of a table (shown with it, not where it stands).</summary>
    public static bool IsCaption(Block block) => block is ParagraphBlock && block.GetData(Key) is Table;

    /// <summary>Marks the captions of the tables in <paramref name="document"/> (run once, when it is parsed).</summary>
    public static void Attach(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>().ToList())
        {
            if (table.Parent is not { } container) continue;
            var at = container.IndexOf(table);
            // As pandoc reads it: a caption before the table first, else one after it.
            var caption = Candidate(container, at - 1) ?? Candidate(container, at + 1);
            if (caption is null) continue;
            Strip(caption);
            caption.SetData(Key, table);
            table.SetData(Key, caption);
        }
    }

    /// <summary>The paragraph at <paramref name="index"/> when it reads "Table: text" and is no other table's caption.</summary>
    private static ParagraphBlock? Candidate(ContainerBlock container, int index)
    {
        if (index < 0 || index >= container.Count || container[index] is not ParagraphBlock { Inline.FirstChild: LiteralInline first } p) return null;
        if (p.GetData(Key) is not null) return null;
        var text = first.Content.AsSpan();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = text[Prefix.Length..];
        // "Table:" alone, or followed by nothing but a line break, captions nothing.
        return rest.Trim().Length == 0 && first.NextSibling is null or LineBreakInline ? null : p;
    }

    private static void Strip(ParagraphBlock caption)
    {
        var first = (LiteralInline)caption.Inline!.FirstChild!;
        var content = first.Content;
        var start = content.Start + Prefix.Length;
        while (start <= content.End && content.Text[start] is ' ' or '\t') start++;
        if (start > content.End) first.Remove();
        else first.Content = new StringSlice(content.Text, start, content.End);
    }
}
