using System.Collections.Immutable;
using System.Text;
using DiffPlex;

namespace PolicyDocs.Diff;

/// <summary>
/// Compares two block sequences: whole blocks (a table as a whole) are matched by text first; within each replaced region,
/// tables are paired with tables (<see cref="TableDiffer"/>: rows by key and similarity, columns by header) or, when
/// restructured, deleted and inserted whole; other blocks are paired in order when similar enough and diffed word by
/// word; the rest are whole insertions and deletions. Rows of one table never pair with rows of another or with paragraphs.
/// </summary>
internal static class BlockDiffer
{
    private const char Separator = '\u0001';
    private const char RowSeparator = '\u0003';
    private const double PairThreshold = 0.4;

    /// <summary>A block, or the rows of one table.</summary>
    private sealed record Unit(List<TextBlock> Blocks)
    {
        public bool IsTable => Blocks[0].Kind == BlockKind.TableRow;
        public TextBlock Head => Blocks[0];
        public string Key => IsTable ? "T" + string.Join(RowSeparator, Blocks.Select(BlockDiffer.Key)) : BlockDiffer.Key(Head);
    }

    /// <summary>Compares <paramref name="oldBlocks"/> with <paramref name="newBlocks"/>; returns the new layout with changes and the changes alone.</summary>
    public static (IReadOnlyList<(TextBlock Block, BlockChange? Change)> Layout, IReadOnlyList<BlockChange> Changes) Compare(
        IReadOnlyList<TextBlock> oldBlocks, IReadOnlyList<TextBlock> newBlocks)
    {
        var layout = new List<(TextBlock, BlockChange?)>();
        var changes = new List<BlockChange>();
        var olds = Units(oldBlocks);
        var news = Units(newBlocks);
        var oldKeys = string.Join(Separator, olds.Select(u => u.Key.Replace(Separator, ' ')));
        var newKeys = string.Join(Separator, news.Select(u => u.Key.Replace(Separator, ' ')));
        var diff = Differ.Instance.CreateDiffs(oldKeys, newKeys, false, false, new SeparatorChunker(Separator));
        var a = 0;
        var b = 0;
        void Same(Unit u) { foreach (var block in u.Blocks) layout.Add((block, null)); }
        foreach (var block in diff.DiffBlocks)
        {
            while (a < block.DeleteStartA) { Same(news[b]); a++; b++; }
            Replace(olds.GetRange(block.DeleteStartA, block.DeleteCountA), news.GetRange(block.InsertStartB, block.InsertCountB), layout, changes);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        while (b < news.Count) { Same(news[b]); b++; }
        return (layout, changes);
    }

    /// <summary>Compares the rows of one table with the rows of another, always row by row (never as a restructured
    /// table): the cover and the document history.</summary>
    public static (IReadOnlyList<(TextBlock Block, BlockChange? Change)> Layout, IReadOnlyList<BlockChange> Changes) CompareRows(
        IReadOnlyList<TextBlock> oldRows, IReadOnlyList<TextBlock> newRows)
    {
        var layout = new List<(TextBlock, BlockChange?)>();
        var changes = new List<BlockChange>();
        Rows(TableDiffer.Align(oldRows, newRows, force: true)!, layout, changes);
        return (layout, changes);
    }

    private static List<Unit> Units(IReadOnlyList<TextBlock> blocks)
    {
        var units = new List<Unit>();
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.TableRow && units.Count > 0 && units[^1].IsTable && ReferenceEquals(units[^1].Head.Table, block.Table))
                units[^1].Blocks.Add(block);
            else units.Add(new Unit([block]));
        }
        return units;
    }

    internal static string Key(TextBlock b) => ((int)b.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + b.Text.Replace(Separator, ' ')
                                               + Separator2 + b.Written.Replace(Separator, ' ');

    // Between a block's text and its markup in its key, so that blocks differing in markup alone differ.
    private const char Separator2 = '\u0002';

    // How many blocks a paragraph may be split into (or joined from) and still be recognised as the same words.
    private const int MaxSplit = 8;

    /// <summary>A replaced region: tables that compare row by row split it; between them, blocks pair by similarity.</summary>
    private static void Replace(List<Unit> olds, List<Unit> news, List<(TextBlock, BlockChange?)> layout, List<BlockChange> changes)
    {
        var i = 0;
        var j = 0;
        foreach (var (oi, nj, alignment) in MatchTables(olds, news))
        {
            Loose(olds.GetRange(i, oi - i), news.GetRange(j, nj - j), layout, changes);
            Rows(alignment, layout, changes);
            i = oi + 1;
            j = nj + 1;
        }
        Loose(olds.GetRange(i, olds.Count - i), news.GetRange(j, news.Count - j), layout, changes);
    }

    /// <summary>The old and new tables of a region that compare row by row, in order, the best-matching set.</summary>
    private static List<(int Old, int New, TableDiffer.Alignment Alignment)> MatchTables(List<Unit> olds, List<Unit> news)
    {
        var ot = Enumerable.Range(0, olds.Count).Where(k => olds[k].IsTable).ToList();
        var nt = Enumerable.Range(0, news.Count).Where(k => news[k].IsTable).ToList();
        var result = new List<(int, int, TableDiffer.Alignment)>();
        if (ot.Count == 0 || nt.Count == 0) return result;
        var align = new TableDiffer.Alignment?[ot.Count, nt.Count];
        for (var x = 0; x < ot.Count; x++)
            for (var y = 0; y < nt.Count; y++)
                align[x, y] = TableDiffer.Align(olds[ot[x]].Blocks, news[nt[y]].Blocks);
        var best = new double[ot.Count + 1, nt.Count + 1];
        for (var x = 1; x <= ot.Count; x++)
            for (var y = 1; y <= nt.Count; y++)
            {
                var v = Math.Max(best[x - 1, y], best[x, y - 1]);
                if (align[x - 1, y - 1] is { } al) v = Math.Max(v, best[x - 1, y - 1] + al.Score);
                best[x, y] = v;
            }
        for (int x = ot.Count, y = nt.Count; x > 0 && y > 0;)
        {
            if (align[x - 1, y - 1] is { } al && best[x, y] == best[x - 1, y - 1] + al.Score) { result.Add((ot[x - 1], nt[y - 1], al)); x--; y--; }
            else if (best[x, y] == best[x - 1, y]) x--;
            else y--;
        }
        result.Reverse();
        return result;
    }

    /// <summary>The rows of two tables compared row by row.</summary>
    private static void Rows(TableDiffer.Alignment alignment, List<(TextBlock, BlockChange?)> layout, List<BlockChange> changes)
    {
        var columns = alignment.Columns;
        foreach (var (old, block) in alignment.Rows)
        {
            BlockChange? change;
            if (old is not null && block is not null)
            {
                if (columns.IsEmpty && old.Equals(block)) { layout.Add((block, null)); continue; }
                var cells = columns.IsEmpty
                    ? old.Cells.Length == block.Cells.Length ? old.Cells.Zip(block.Cells, (o, n) => TextDiff.Words(o, n)).ToImmutableArray() : []
                    : columns.Select(c => TextDiff.Words(TableDiffer.Cell(old, c.Old), TableDiffer.Cell(block, c.New))).ToImmutableArray();
                change = new BlockChange(null, block.Kind, old, block, TextDiff.Words(old.Text, block.Text), cells, ChangeClassifier.Classify(old.Text, block.Text)) { Columns = columns };
            }
            else if (old is not null)
                change = new BlockChange(DiffOp.Deleted, old.Kind, old, null, [new DiffSpan(DiffOp.Deleted, old.Text)], [], ChangeClass.Normative) { Columns = columns };
            else
                change = new BlockChange(DiffOp.Inserted, block!.Kind, null, block, [new DiffSpan(DiffOp.Inserted, block.Text)], [], ChangeClass.Normative) { Columns = columns };
            changes.Add(change);
            layout.Add((change.Op == DiffOp.Deleted ? old! : block!, change));
        }
    }

    /// <summary>A stretch of a replaced region with no tables that compare row by row: tables are deleted and inserted
    /// whole; other blocks pair in order when similar, split or joined.</summary>
    private static void Loose(List<Unit> oldUnits, List<Unit> newUnits, List<(TextBlock, BlockChange?)> layout, List<BlockChange> changes)
    {
        var olds = oldUnits.Select(u => u.Head).ToList();
        var news = newUnits.Select(u => u.Head).ToList();
        var i = 0;
        var j = 0;
        while (i < olds.Count || j < news.Count)
        {
            // Old content before new: a table that is not compared row by row goes first, unless the new table comes
            // before a paragraph that pairs with the old one.
            if (i < olds.Count && oldUnits[i].IsTable) { DeleteTable(oldUnits[i++]); continue; }
            if (j < news.Count && newUnits[j].IsTable)
            {
                if (i < olds.Count && !(j + 1 < news.Count && !newUnits[j + 1].IsTable && Similar(olds[i], news[j + 1]))) Delete(olds[i++]);
                else InsertTable(newUnits[j++]);
                continue;
            }
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
                    var change = new BlockChange(null, news[j].Kind, olds[i], news[j], spans, [], ChangeClassifier.Classify(olds[i].Text, news[j].Text));
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

        void Delete(TextBlock old, ChangeClass cls = ChangeClass.Normative, bool whole = false)
        {
            var change = new BlockChange(DiffOp.Deleted, old.Kind, old, null, [new DiffSpan(DiffOp.Deleted, old.Text)], [], cls) { WholeTable = whole };
            changes.Add(change);
            layout.Add((old, change));
        }

        void Insert(TextBlock block, ChangeClass cls = ChangeClass.Normative, bool whole = false)
        {
            var change = new BlockChange(DiffOp.Inserted, block.Kind, null, block, [new DiffSpan(DiffOp.Inserted, block.Text)], [], cls) { WholeTable = whole };
            changes.Add(change);
            layout.Add((block, change));
        }

        void DeleteTable(Unit table) { foreach (var row in table.Blocks) Delete(row, whole: true); }

        void InsertTable(Unit table) { foreach (var row in table.Blocks) Insert(row, whole: true); }
    }

    private static bool Similar(TextBlock a, TextBlock b) => TextDiff.Similarity(TextDiff.Words(a.Text, b.Text)) >= PairThreshold;

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
