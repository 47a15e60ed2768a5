using System.Text.RegularExpressions;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>One edit of a Markdown file: what, where (an index into the candidate lines) and which word.</summary>
internal sealed record MarkdownEdit(int Kind, int Line, int Word, int Vocabulary);

/// <summary>Applies word, paragraph, table-row and table-column edits to the prose of a section file, leaving headings, data and references intact.</summary>
internal static partial class MarkdownEdits
{
    public const int Kinds = 11;

    private static readonly string[] Vocabulary = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];

    public static string Apply(string markdown, IEnumerable<MarkdownEdit> edits)
    {
        var lines = markdown.Split('\n').ToList();
        foreach (var e in edits) Apply(lines, e);
        return string.Join('\n', lines);
    }

    private static bool Plain(string line) => !line.Contains("[[", StringComparison.Ordinal) && !line.Contains("{{", StringComparison.Ordinal)
        && !line.Contains("](", StringComparison.Ordinal) && !line.Contains('<') && !line.Contains('`');

    private static bool Prose(List<string> lines, int i) => lines[i].Length > 20 && !lines[i].StartsWith('#') && !lines[i].StartsWith('|') && Plain(lines[i]);

    private static bool BodyRow(List<string> lines, int i) => lines[i].StartsWith('|') && !lines[i].Contains("---", StringComparison.Ordinal)
        && i > 0 && lines[i - 1].StartsWith('|') && Plain(lines[i]);

    private static void Apply(List<string> lines, MarkdownEdit e)
    {
        var word = Vocabulary[e.Vocabulary % Vocabulary.Length];
        var rows = e.Kind is >= 5 and <= 8;
        if (e.Kind is 9 or 10)
        {
            Column(lines, e, word);
            return;
        }
        var candidates = Enumerable.Range(0, lines.Count).Where(i => rows ? BodyRow(lines, i) : Prose(lines, i)).ToList();
        if (candidates.Count == 0) return;
        var i = candidates[e.Line % candidates.Count];
        var words = Word().Matches(lines[i]);
        switch (e.Kind)
        {
            case 0 or 5 when words.Count > 0: // replace a word (in prose or in a table cell)
                var m = words[e.Word % words.Count];
                lines[i] = lines[i][..m.Index] + word + lines[i][(m.Index + m.Length)..];
                break;
            case 1 when words.Count > 0: // insert a word
                m = words[e.Word % words.Count];
                lines[i] = lines[i][..m.Index] + word + " " + lines[i][m.Index..];
                break;
            case 2 when words.Count > 1: // delete a word
                m = words[e.Word % words.Count];
                var end = m.Index + m.Length < lines[i].Length && lines[i][m.Index + m.Length] == ' ' ? m.Index + m.Length + 1 : m.Index + m.Length;
                lines[i] = lines[i][..m.Index] + lines[i][end..];
                break;
            case 3: // insert a paragraph after a prose paragraph
                if (i + 1 < lines.Count && lines[i + 1].Length == 0 && !lines[i].StartsWith('-') && !char.IsDigit(lines[i][0]))
                    lines.InsertRange(i + 1, ["", $"The {word} paragraph is new and says {Vocabulary[(e.Word + 1) % Vocabulary.Length]}."]);
                break;
            case 4: // delete a paragraph or list item
                if ((i + 1 >= lines.Count || lines[i + 1].Length == 0 || lines[i].StartsWith('-')) && !lines[i].EndsWith(':'))
                    lines.RemoveAt(i);
                break;
            case 6: // insert a row
                lines.Insert(i + 1, "| " + word + " " + lines[i][1..].TrimStart());
                break;
            case 7: // delete a row
                lines.RemoveAt(i);
                break;
            case 8: // move a row down past the next few
                var by = 1 + e.Word % 3;
                var to = i;
                while (to + 1 < lines.Count && to - i < by && BodyRow(lines, to + 1)) to++;
                if (to == i) break;
                var row = lines[i];
                lines.RemoveAt(i);
                lines.Insert(to, row);
                break;
        }
    }

    /// <summary>Inserts (kind 9) or deletes (kind 10) a column of a table: a new header, a dash row cell and a word in
    /// every body row, or the column's cell in every line. Only tables whose lines all have the same number of cells.</summary>
    private static void Column(List<string> lines, MarkdownEdit e, string word)
    {
        var tables = new List<(int Start, int End)>();
        for (var k = 0; k < lines.Count; k++)
        {
            if (!lines[k].StartsWith('|') || (k > 0 && lines[k - 1].StartsWith('|'))) continue;
            var end = k;
            while (end + 1 < lines.Count && lines[end + 1].StartsWith('|')) end++;
            if (end - k >= 2 && lines[k + 1].Contains("---", StringComparison.Ordinal)
                && Enumerable.Range(k, end - k + 1).Select(l => Cells(lines[l])?.Count ?? -1).Distinct().Count() == 1 && Cells(lines[k]) is not null)
                tables.Add((k, end));
        }
        if (tables.Count == 0) return;
        var (start, last) = tables[e.Line % tables.Count];
        var count = Cells(lines[start])!.Count;
        if (e.Kind == 10 && count < 2) return;
        var at = e.Word % (e.Kind == 9 ? count + 1 : count);
        for (var l = start; l <= last; l++)
        {
            var cells = Cells(lines[l])!;
            if (e.Kind == 10) cells.RemoveAt(at);
            else cells.Insert(at, l == start ? char.ToUpperInvariant(word[0]) + word[1..] : l == start + 1 ? "---" : word + " " + (l - start));
            lines[l] = "| " + string.Join(" | ", cells) + " |";
        }
    }

    /// <summary>The cells of a table line with outer pipes; null when a cell might hold a pipe of its own.</summary>
    private static List<string>? Cells(string line)
    {
        var t = line.Trim();
        if (!t.StartsWith('|') || !t.EndsWith('|') || t.Length < 2 || t.Contains("\\|", StringComparison.Ordinal) || t.Contains('`')) return null;
        return [.. t[1..^1].Split('|').Select(c => c.Trim())];
    }

    [GeneratedRegex(@"\b[a-z]{3,}\b")]
    private static partial Regex Word();
}
