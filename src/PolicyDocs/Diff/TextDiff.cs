using DiffPlex;

namespace PolicyDocs.Diff;

/// <summary>What a piece of a word-level diff is.</summary>
internal enum DiffOp
{
    /// <summary>In both texts.</summary>
    Equal,
    /// <summary>Only in the new text.</summary>
    Inserted,
    /// <summary>Only in the old text.</summary>
    Deleted,
}

/// <summary>A run of tokens with the same operation.</summary>
internal sealed record DiffSpan(DiffOp Op, string Text);

/// <summary>Word-level differences between two texts (tokens: words, numbers, punctuation, whitespace).</summary>
internal static class TextDiff
{
    /// <summary>The most tokens, old and new together, that the changed middle of two texts may have for a word-level
    /// diff; the diff's work grows with the square of it. Beyond, the middle is shown as replaced whole.</summary>
    public const int MaxDiffTokens = 20_000;

    /// <summary>
    /// Diffs <paramref name="oldText"/> against <paramref name="newText"/>. Concatenating the Equal and Deleted
    /// spans gives the old text; Equal and Inserted give the new text. Deletions come before insertions at each change.
    /// The tokens both texts start and end with are equal without diffing, so the work is linear in the unchanged text.
    /// </summary>
    public static IReadOnlyList<DiffSpan> Words(string oldText, string newText)
    {
        if (oldText == newText) return oldText.Length == 0 ? [] : [new DiffSpan(DiffOp.Equal, oldText)];
        var oldTokens = WordTokenizer.Instance.Chunk(oldText);
        var newTokens = WordTokenizer.Instance.Chunk(newText);
        var prefix = 0;
        while (prefix < oldTokens.Count && prefix < newTokens.Count && oldTokens[prefix] == newTokens[prefix]) prefix++;
        var suffix = 0;
        while (suffix < oldTokens.Count - prefix && suffix < newTokens.Count - prefix
               && oldTokens[oldTokens.Count - 1 - suffix] == newTokens[newTokens.Count - 1 - suffix]) suffix++;
        var spans = new List<DiffSpan>();
        Add(spans, DiffOp.Equal, oldTokens, 0, prefix);
        var oldCount = oldTokens.Count - prefix - suffix;
        var newCount = newTokens.Count - prefix - suffix;
        if (oldCount == 0 || newCount == 0 || oldCount + newCount > MaxDiffTokens)
        {
            Add(spans, DiffOp.Deleted, oldTokens, prefix, oldCount);
            Add(spans, DiffOp.Inserted, newTokens, prefix, newCount);
        }
        else
        {
            var oldMiddle = string.Concat(oldTokens.Skip(prefix).Take(oldCount));
            var newMiddle = string.Concat(newTokens.Skip(prefix).Take(newCount));
            var result = Differ.Instance.CreateDiffs(oldMiddle, newMiddle, false, false, WordTokenizer.Instance);
            var a = 0;
            foreach (var block in result.DiffBlocks)
            {
                Add(spans, DiffOp.Equal, result.PiecesOld, a, block.DeleteStartA - a);
                Add(spans, DiffOp.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
                Add(spans, DiffOp.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
                a = block.DeleteStartA + block.DeleteCountA;
            }
            Add(spans, DiffOp.Equal, result.PiecesOld, a, result.PiecesOld.Count - a);
        }
        Add(spans, DiffOp.Equal, oldTokens, oldTokens.Count - suffix, suffix);
        return MoveSharedWhitespace(spans);
    }

    /// <summary>
    /// Tokens carry their trailing whitespace, so "24 " → "12 " is a change of "24" to "12" followed by an unchanged
    /// space: whitespace that a deletion and the insertion after it both end with moves into the equal text that follows.
    /// </summary>
    private static List<DiffSpan> MoveSharedWhitespace(List<DiffSpan> spans)
    {
        for (var i = 0; i + 1 < spans.Count; i++)
        {
            if (spans[i].Op != DiffOp.Deleted || spans[i + 1].Op != DiffOp.Inserted) continue;
            var del = spans[i].Text;
            var ins = spans[i + 1].Text;
            var n = 0;
            while (n < del.Length - 1 && n < ins.Length - 1 && char.IsWhiteSpace(del[^(n + 1)]) && del[^(n + 1)] == ins[^(n + 1)]) n++;
            if (n == 0) continue;
            var shared = del[^n..];
            spans[i] = spans[i] with { Text = del[..^n] };
            spans[i + 1] = spans[i + 1] with { Text = ins[..^n] };
            if (i + 2 < spans.Count && spans[i + 2].Op == DiffOp.Equal) spans[i + 2] = spans[i + 2] with { Text = shared + spans[i + 2].Text };
            else spans.Insert(i + 2, new DiffSpan(DiffOp.Equal, shared));
        }
        return spans;
    }

    /// <summary>The model's spans when they describe exactly these two texts (as a renderer shows them); otherwise the
    /// word diff of the two texts. Redlines place changes on rendered text with it.</summary>
    public static IReadOnlyList<DiffSpan> Fit(IReadOnlyList<DiffSpan>? model, string oldText, string newText) =>
        model is not null && model.Count > 0 && Old(model) == oldText && New(model) == newText ? model : Words(oldText, newText);

    /// <summary>The old text of a diff.</summary>
    public static string Old(IEnumerable<DiffSpan> spans) => string.Concat(spans.Where(s => s.Op != DiffOp.Inserted).Select(s => s.Text));

    /// <summary>The new text of a diff.</summary>
    public static string New(IEnumerable<DiffSpan> spans) => string.Concat(spans.Where(s => s.Op != DiffOp.Deleted).Select(s => s.Text));

    /// <summary>Share of the longer text's tokens that are equal: 1 for identical texts, 0 for nothing in common.</summary>
    public static double Similarity(IReadOnlyList<DiffSpan> spans)
    {
        int equal = 0, old = 0, @new = 0;
        foreach (var s in spans)
        {
            var n = s.Text.Length;
            if (s.Op == DiffOp.Equal) { equal += n; old += n; @new += n; }
            else if (s.Op == DiffOp.Deleted) old += n;
            else @new += n;
        }
        var max = Math.Max(old, @new);
        return max == 0 ? 1 : (double)equal / max;
    }

    private static void Add(List<DiffSpan> spans, DiffOp op, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0) return;
        var sb = new System.Text.StringBuilder();
        for (var i = start; i < start + count; i++) sb.Append(pieces[i]);
        var text = sb.ToString();
        if (spans.Count > 0 && spans[^1].Op == op) spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
        else spans.Add(new DiffSpan(op, text));
    }
}
