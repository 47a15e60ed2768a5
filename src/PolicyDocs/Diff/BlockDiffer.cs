using System.Collections.Immutable;
using System.Text;
using DiffPlex;

namespace PolicyDocs.Diff;

/// <summary>
/// Compares two block sequences: whole blocks are matched by text first; within each replaced region,
/// blocks are paired in order when similar enough and diffed word by word (table rows cell by cell);
/// the rest are whole insertions and deletions.
/// </summary>
internal static class BlockDiffer
{
    private const char Separator = '\u0001';
    private const double PairThreshold = 0.4;

    /// <summary>Compares <paramref name="oldBlocks"/> with <paramref name="newBlocks"/>; returns the new layout with changes and the changes alone.</summary>
    public static (IReadOnlyList<(TextBlock Block, BlockChange? Change)> Layout, IReadOnlyList<BlockChange> Changes) Compare(
        IReadOnlyList<TextBlock> oldBlocks, IReadOnlyList<TextBlock> newBlocks)
    {
        var layout = new List<(TextBlock, BlockChange?)>();
        var changes = new List<BlockChange>();
        var oldKeys = string.Join(Separator, oldBlocks.Select(Key));
        var newKeys = string.Join(Separator, newBlocks.Select(Key));
        var diff = Differ.Instance.CreateDiffs(oldKeys, newKeys, false, false, new SeparatorChunker(Separator));
        var a = 0;
        var b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (a < block.DeleteStartA) { layout.Add((newBlocks[b], null)); a++; b++; }
            Replace(oldBlocks.Skip(block.DeleteStartA).Take(block.DeleteCountA).ToList(),
                    newBlocks.Skip(block.InsertStartB).Take(block.InsertCountB).ToList(), layout, changes);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        while (b < newBlocks.Count) { layout.Add((newBlocks[b], null)); b++; }
        return (layout, changes);
    }

    private static string Key(TextBlock b) => ((int)b.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + b.Text.Replace(Separator, ' ');

    private static void Replace(List<TextBlock> olds, List<TextBlock> news, List<(TextBlock, BlockChange?)> layout, List<BlockChange> changes)
    {
        var i = 0;
        var j = 0;
        while (i < olds.Count || j < news.Count)
        {
            if (i < olds.Count && j < news.Count)
            {
                var spans = TextDiff.Words(olds[i].Text, news[j].Text);
                if (TextDiff.Similarity(spans) >= PairThreshold || (olds.Count == 1 && news.Count == 1 && olds[i].Kind == news[j].Kind))
                {
                    var cells = olds[i].Kind == BlockKind.TableRow && news[j].Kind == BlockKind.TableRow && olds[i].Cells.Length == news[j].Cells.Length
                        ? olds[i].Cells.Zip(news[j].Cells, (o, n) => TextDiff.Words(o, n)).ToImmutableArray()
                        : ImmutableArray<IReadOnlyList<DiffSpan>>.Empty;
                    var change = new BlockChange(null, news[j].Kind, olds[i], news[j], spans, cells, Classify(olds[i].Text, news[j].Text));
                    changes.Add(change);
                    layout.Add((news[j], change));
                    i++;
                    j++;
                    continue;
                }
                // Not similar: emit whichever comes first as a whole deletion, keep the other for later pairing.
                if (olds.Count - i >= news.Count - j) Delete(olds[i++]);
                else Insert(news[j++]);
                continue;
            }
            if (i < olds.Count) Delete(olds[i++]);
            else Insert(news[j++]);
        }

        void Delete(TextBlock old)
        {
            var change = new BlockChange(DiffOp.Deleted, old.Kind, old, null, [new DiffSpan(DiffOp.Deleted, old.Text)], [], ChangeClass.Normative);
            changes.Add(change);
            layout.Add((old, change));
        }

        void Insert(TextBlock block)
        {
            var change = new BlockChange(DiffOp.Inserted, block.Kind, null, block, [new DiffSpan(DiffOp.Inserted, block.Text)], [], ChangeClass.Normative);
            changes.Add(change);
            layout.Add((block, change));
        }
    }

    /// <summary>Editorial when the texts differ only in whitespace, punctuation or casing.</summary>
    public static ChangeClass Classify(string oldText, string newText) =>
        Letters(oldText) == Letters(newText) ? ChangeClass.Editorial : ChangeClass.Normative;

    private static string Letters(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }
}
