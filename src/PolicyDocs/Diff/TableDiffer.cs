using System.Collections.Immutable;
using DiffPlex;

namespace PolicyDocs.Diff;

/// <summary>
/// Compares the rows of one table with the rows of another: columns are matched by header and content (so an inserted
/// or deleted column is a cell change in every row, not a new row); header rows pair with header rows; body rows pair
/// when they are equal, equal in the shared columns, have the same key (first shared cell) or are similar enough, in
/// order. A table whose rows mostly find no partner is not comparable: it is restructured, shown deleted and inserted whole.
/// </summary>
internal static class TableDiffer
{
    /// <summary>How similar two rows with different keys must be to pair.</summary>
    private const double RowThreshold = 0.4;

    /// <summary>How well a column must match another (header or cell contents) to be the same column.</summary>
    private const double ColumnThreshold = 0.5;

    /// <summary>The share of body rows (of the longer table) that must find a partner, weighted by similarity, for two
    /// tables to be compared row by row.</summary>
    private const double TableThreshold = 0.5;

    /// <summary>The same share for two tables with the same header row: the same table with rows changed.</summary>
    private const double SameHeaderThreshold = 0.25;

    /// <summary>Past this many candidate pairs in one unmatched stretch, only rows with the same key are compared.</summary>
    private const int MaxCandidates = 4000;

    private const char Separator = '\u0001';

    /// <summary>Two tables compared: the columns (empty when the same), the rows in order (old, new or both) and how
    /// well the rows matched (1 for the same rows).</summary>
    internal sealed record Alignment(ImmutableArray<(int Old, int New)> Columns, List<(TextBlock? Old, TextBlock? New)> Rows, double Score);

    /// <summary>
    /// Aligns <paramref name="olds"/> with <paramref name="news"/>; null when the tables are not comparable (different
    /// columns with none in common, or too few rows that match), unless <paramref name="force"/>.
    /// </summary>
    public static Alignment? Align(IReadOnlyList<TextBlock> olds, IReadOnlyList<TextBlock> news, bool force = false)
    {
        int oc = ColumnCount(olds), nc = ColumnCount(news);
        var mapped = oc == nc ? [] : MapColumns(olds, news, oc, nc);
        if (mapped is null && !force) return null;
        var columns = mapped ?? [];
        var shared = columns.IsEmpty ? Enumerable.Range(0, oc).Select(c => (c, c)).ToList() : columns.Where(c => c.Old >= 0 && c.New >= 0).ToList();
        string Projected(TextBlock row, bool old) => columns.IsEmpty ? row.Text
            : string.Join(" | ", shared.Select(c => Cell(row, old ? c.Item1 : c.Item2)));
        string KeyOf(TextBlock row, bool old) => shared.Count == 0 ? "" : Normal(Cell(row, old ? shared[0].Item1 : shared[0].Item2));

        var rows = new List<(TextBlock?, TextBlock?)>();
        var (oi, ni) = (0, 0);
        var score = 0.0;
        var sameHeader = false;
        if (olds.Count > 0 && news.Count > 0 && olds[0].Header && news[0].Header)
        {
            sameHeader = olds[0].Text == news[0].Text;
            rows.Add((olds[0], news[0]));
            oi = ni = 1;
        }
        else if (!force && (olds.Count > 0 && olds[0].Header || news.Count > 0 && news[0].Header)) return null;

        // Equal rows first, then rows equal in the shared columns, then by key and similarity.
        var ob = olds.Skip(oi).ToList();
        var nb = news.Skip(ni).ToList();
        var exact = Lcs(ob, nb, 0, ob.Count, 0, nb.Count, r => BlockDiffer.Key(r), r => BlockDiffer.Key(r));
        var a = 0;
        var b = 0;
        foreach (var (x, y) in exact.Append((ob.Count, nb.Count)))
        {
            var projected = Lcs(ob, nb, a, x, b, y, r => Projected(r, true), r => Projected(r, false));
            var (pa, pb) = (a, b);
            foreach (var (px, py) in projected.Append((x, y)))
            {
                score += Similar(ob, nb, pa, px, pb, py, rows, KeyOf, sameHeader);
                if (px < x)
                {
                    rows.Add((ob[px], nb[py]));
                    score += 1;
                }
                (pa, pb) = (px + 1, py + 1);
            }
            if (x < ob.Count)
            {
                rows.Add((ob[x], nb[y]));
                score += 1;
            }
            (a, b) = (x + 1, y + 1);
        }
        var longer = Math.Max(ob.Count, nb.Count);
        var quality = longer == 0 ? (rows.Count > 0 && rows[0] is ({ } h1, { } h2) ? TextDiff.Similarity(TextDiff.Words(h1.Text, h2.Text)) : 1) : score / longer;
        if (!force && quality < (sameHeader ? SameHeaderThreshold : TableThreshold)) return null;
        return new Alignment(columns, rows, quality);
    }

    /// <summary>The cell <paramref name="column"/> of a row, or empty when the row has fewer cells.</summary>
    public static string Cell(TextBlock row, int column) => column >= 0 && column < row.Cells.Length ? row.Cells[column] : "";

    private static int ColumnCount(IReadOnlyList<TextBlock> rows) => rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Length);

    private static string Normal(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>Pairs the rows of the stretch olds[a, x) and news[b, y) by key and similarity, in order; adds them (deleted
    /// before inserted between pairs) to <paramref name="rows"/>; returns the score of the pairs. Under the same header,
    /// a stretch of as many old as new rows, none with the same key, pairs row for row (a column written another way).</summary>
    private static double Similar(List<TextBlock> olds, List<TextBlock> news, int a, int x, int b, int y,
        List<(TextBlock?, TextBlock?)> rows, Func<TextBlock, bool, string> keyOf, bool sameHeader)
    {
        int n = x - a, m = y - b;
        if (n == 0 || m == 0)
        {
            for (var i = a; i < x; i++) rows.Add((olds[i], null));
            for (var j = b; j < y; j++) rows.Add((null, news[j]));
            return 0;
        }
        var onlyKeys = (long)n * m > MaxCandidates;
        var pair = new double[n, m];
        for (var i = 0; i < n; i++)
        {
            var key = keyOf(olds[a + i], true);
            for (var j = 0; j < m; j++)
            {
                var sameKey = key.Length > 0 && key == keyOf(news[b + j], false);
                if (onlyKeys && !sameKey) { pair[i, j] = -1; continue; }
                var sim = TextDiff.Similarity(TextDiff.Words(olds[a + i].Text, news[b + j].Text));
                pair[i, j] = sameKey ? Math.Max(sim, 0.5) + 1 : sim >= RowThreshold ? sim : -1;
            }
        }
        var best = new double[n + 1, m + 1];
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= m; j++)
            {
                var v = Math.Max(best[i - 1, j], best[i, j - 1]);
                if (pair[i - 1, j - 1] >= 0) v = Math.Max(v, best[i - 1, j - 1] + pair[i - 1, j - 1]);
                best[i, j] = v;
            }
        var pairs = new List<(int, int)>();
        for (int i = n, j = m; i > 0 && j > 0;)
        {
            if (pair[i - 1, j - 1] >= 0 && best[i, j] == best[i - 1, j - 1] + pair[i - 1, j - 1]) { pairs.Add((i - 1, j - 1)); i--; j--; }
            else if (best[i, j] == best[i - 1, j]) i--;
            else j--;
        }
        pairs.Reverse();
        if (sameHeader && n == m && (long)n * m <= MaxCandidates && pairs.Count < n && pairs.All(p => pair[p.Item1, p.Item2] < 1))
        {
            pairs.Clear();
            for (var i = 0; i < n; i++)
            {
                pairs.Add((i, i));
                pair[i, i] = Math.Max(0, TextDiff.Similarity(TextDiff.Words(olds[a + i].Text, news[b + i].Text)));
            }
        }
        var score = 0.0;
        var (pi, pj) = (0, 0);
        foreach (var (i, j) in pairs.Append((n, m)))
        {
            for (; pi < i; pi++) rows.Add((olds[a + pi], null));
            for (; pj < j; pj++) rows.Add((null, news[b + pj]));
            if (i == n) break;
            rows.Add((olds[a + i], news[b + j]));
            score += pair[i, j] >= 1 ? pair[i, j] - 1 : pair[i, j];
            (pi, pj) = (i + 1, j + 1);
        }
        return score;
    }

    /// <summary>The pairs (old index, new index) of equal keys in olds[a, x) and news[b, y), in order.</summary>
    private static List<(int, int)> Lcs(List<TextBlock> olds, List<TextBlock> news, int a, int x, int b, int y,
        Func<TextBlock, string> oldKey, Func<TextBlock, string> newKey)
    {
        var result = new List<(int, int)>();
        if (x <= a || y <= b) return result;
        var ok = string.Join(Separator, olds.Skip(a).Take(x - a).Select(r => oldKey(r).Replace(Separator, ' ')));
        var nk = string.Join(Separator, news.Skip(b).Take(y - b).Select(r => newKey(r).Replace(Separator, ' ')));
        var diff = Differ.Instance.CreateDiffs(ok, nk, false, false, new SeparatorChunker(Separator));
        var (i, j) = (0, 0);
        foreach (var block in diff.DiffBlocks)
        {
            while (i < block.DeleteStartA) result.Add((a + i++, b + j++));
            i = block.DeleteStartA + block.DeleteCountA;
            j = block.InsertStartB + block.InsertCountB;
        }
        while (i < x - a && j < y - b) result.Add((a + i++, b + j++));
        return result;
    }

    /// <summary>
    /// Matches the columns of two tables with different numbers of columns, in order: by header text, else by the share
    /// of cell texts they have in common. Null when no column matches.
    /// </summary>
    private static ImmutableArray<(int Old, int New)>? MapColumns(IReadOnlyList<TextBlock> olds, IReadOnlyList<TextBlock> news, int oc, int nc)
    {
        var oh = olds.FirstOrDefault(r => r.Header);
        var nh = news.FirstOrDefault(r => r.Header);
        HashSet<string> Contents(IReadOnlyList<TextBlock> rows, int c) =>
            rows.Where(r => !r.Header).Select(r => Normal(Cell(r, c))).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var oldContents = Enumerable.Range(0, oc).Select(c => Contents(olds, c)).ToList();
        var newContents = Enumerable.Range(0, nc).Select(c => Contents(news, c)).ToList();
        var score = new double[oc, nc];
        for (var i = 0; i < oc; i++)
            for (var j = 0; j < nc; j++)
            {
                var header = 0.0;
                if (oh is not null && nh is not null)
                {
                    var (h1, h2) = (Normal(Cell(oh, i)), Normal(Cell(nh, j)));
                    header = h1 == h2 ? 1 : TextDiff.Similarity(TextDiff.Words(h1, h2));
                }
                var (o, n) = (oldContents[i], newContents[j]);
                var content = o.Count == 0 || n.Count == 0 ? 0 : (double)o.Count(n.Contains) / Math.Max(o.Count, n.Count);
                var s = Math.Max(header, content);
                score[i, j] = s >= ColumnThreshold ? s : -1;
            }
        var best = new double[oc + 1, nc + 1];
        for (var i = 1; i <= oc; i++)
            for (var j = 1; j <= nc; j++)
            {
                var v = Math.Max(best[i - 1, j], best[i, j - 1]);
                if (score[i - 1, j - 1] >= 0) v = Math.Max(v, best[i - 1, j - 1] + score[i - 1, j - 1]);
                best[i, j] = v;
            }
        var pairs = new List<(int, int)>();
        for (int i = oc, j = nc; i > 0 && j > 0;)
        {
            if (score[i - 1, j - 1] >= 0 && best[i, j] == best[i - 1, j - 1] + score[i - 1, j - 1]) { pairs.Add((i - 1, j - 1)); i--; j--; }
            else if (best[i, j] == best[i - 1, j]) i--;
            else j--;
        }
        if (pairs.Count == 0) return null;
        pairs.Reverse();
        var result = ImmutableArray.CreateBuilder<(int, int)>();
        var (pi, pj) = (0, 0);
        foreach (var (i, j) in pairs.Append((oc, nc)))
        {
            for (; pi < i; pi++) result.Add((pi, -1));
            for (; pj < j; pj++) result.Add((-1, pj));
            if (i == oc) break;
            result.Add((i, j));
            (pi, pj) = (i + 1, j + 1);
        }
        return result.ToImmutable();
    }
}
