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

    private static string Key(TextBlock b) => ((int)b.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + b.Text.Replace(Separator, ' ')
                                               + Separator2 + b.Written.Replace(Separator, ' ');

    // Between a block's text and its markup in its key, so that blocks differing in markup alone differ.
    private const char Separator2 = '\u0002';

    // How many blocks a paragraph may be split into (or joined from) and still be recognised as the same words.
    private const int MaxSplit = 8;

    private static void Replace(List<TextBlock> olds, List<TextBlock> news, List<(TextBlock, BlockChange?)> layout, List<BlockChange> changes)
    {
        var i = 0;
        var j = 0;
        while (i < olds.Count || j < news.Count)
        {
            if (i < olds.Count && j < news.Count && Split(olds, i, news, j) is var split and > 1)
            {
                // One block became several with the same words: the first pairs with it, the rest are inserted; editorial.
                Pair(olds[i], news[j], ChangeClass.Editorial);
                for (var k = 1; k < split; k++) Insert(news[j + k], ChangeClass.Editorial);
                i++;
                j += split;
                continue;
            }
            if (i < olds.Count && j < news.Count && Split(news, j, olds, i) is var join and > 1)
            {
                // Several blocks joined into one with the same words.
                Pair(olds[i], news[j], ChangeClass.Editorial);
                for (var k = 1; k < join; k++) Delete(olds[i + k], ChangeClass.Editorial);
                i += join;
                j++;
                continue;
            }
            if (i < olds.Count && j < news.Count)
            {
                var spans = TextDiff.Words(olds[i].Text, news[j].Text);
                if (TextDiff.Similarity(spans) >= PairThreshold || (olds.Count == 1 && news.Count == 1 && olds[i].Kind == news[j].Kind))
                {
                    var cells = olds[i].Kind == BlockKind.TableRow && news[j].Kind == BlockKind.TableRow && olds[i].Cells.Length == news[j].Cells.Length
                        ? olds[i].Cells.Zip(news[j].Cells, (o, n) => TextDiff.Words(o, n)).ToImmutableArray()
                        : ImmutableArray<IReadOnlyList<DiffSpan>>.Empty;
                    var change = new BlockChange(null, news[j].Kind, olds[i], news[j], spans, cells, ChangeClassifier.Classify(olds[i].Text, news[j].Text));
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

        void Pair(TextBlock old, TextBlock block, ChangeClass cls)
        {
            var change = new BlockChange(null, block.Kind, old, block, TextDiff.Words(old.Text, block.Text), [], cls);
            changes.Add(change);
            layout.Add((block, change));
        }

        void Delete(TextBlock old, ChangeClass cls = ChangeClass.Normative)
        {
            var change = new BlockChange(DiffOp.Deleted, old.Kind, old, null, [new DiffSpan(DiffOp.Deleted, old.Text)], [], cls);
            changes.Add(change);
            layout.Add((old, change));
        }

        void Insert(TextBlock block, ChangeClass cls = ChangeClass.Normative)
        {
            var change = new BlockChange(DiffOp.Inserted, block.Kind, null, block, [new DiffSpan(DiffOp.Inserted, block.Text)], [], cls);
            changes.Add(change);
            layout.Add((block, change));
        }
    }

    /// <summary>How many blocks from <paramref name="parts"/>[<paramref name="j"/>] on, two or more, hold exactly the words of
    /// <paramref name="whole"/>[<paramref name="i"/>] (a paragraph split, or read the other way, joined); 0 when none do.
    /// Only paragraphs of one kind count, not table rows or code.</summary>
    private static int Split(List<TextBlock> whole, int i, List<TextBlock> parts, int j)
    {
        var target = whole[i];
        if (target.Kind is BlockKind.TableRow or BlockKind.Code or BlockKind.Heading) return 0;
        var letters = ChangeClassifier.Letters(target.Text);
        var joined = new StringBuilder();
        for (var k = 0; k < MaxSplit && j + k < parts.Count; k++)
        {
            var part = parts[j + k];
            if (part.Kind != target.Kind) return 0;
            joined.Append(ChangeClassifier.Letters(part.Text));
            if (joined.Length > letters.Length || !letters.StartsWith(joined.ToString(), StringComparison.Ordinal)) return 0;
            if (k > 0 && joined.Length == letters.Length) return k + 1;
        }
        return 0;
    }

    /// <summary>Editorial or normative (<see cref="ChangeClassifier"/>).</summary>
    public static ChangeClass Classify(string oldText, string newText) => ChangeClassifier.Classify(oldText, newText);
}
