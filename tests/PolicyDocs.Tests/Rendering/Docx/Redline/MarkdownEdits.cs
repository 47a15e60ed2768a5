using System.Text.RegularExpressions;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>One edit of a Markdown file: what, where (an index into the candidate lines) and which word.</summary>
internal sealed record MarkdownEdit(int Kind, int Line, int Word, int Vocabulary);

/// <summary>Applies word, paragraph, table-row and table-column edits to the prose of a section file, leaving headings, data
/// and references intact; and edits of formatting (emphasis, list levels, a paragraph becoming a list item and back), footnotes
/// (added, removed, their text changed) and the order of paragraphs (a paragraph moved).</summary>
internal static partial class MarkdownEdits
{
    public const int Kinds = 18;

    /// <summary>The table edits: a word in a cell, a row inserted, deleted or moved, a column inserted or deleted.</summary>
    public const int FirstTableEdit = 5, LastTableEdit = 10;

    /// <summary>The first edit kind that is not a word, paragraph or table edit, and the others after it.</summary>
    public const int Emphasis = 11, ListParagraph = 12, ListLevel = 13, AddNote = 14, RemoveNote = 15, ChangeNote = 16, Move = 17;

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

    private static bool Blank(List<string> lines, int i) => i < 0 || i >= lines.Count || lines[i].Length == 0;

    private static bool Reference(string line) => NoteReference().IsMatch(line) && !line.StartsWith("[^", StringComparison.Ordinal);

    private static bool Apply(List<string> lines, MarkdownEdit e, string word)
    {
        switch (e.Kind)
        {
            case Emphasis: // a word made bold, or emphasis taken away
            {
                var candidates = Enumerable.Range(0, lines.Count).Where(i => Prose(lines, i) || (lines[i].Contains('*') && !lines[i].StartsWith('|'))).ToList();
                if (candidates.Count == 0) return true;
                var i = candidates[e.Line % candidates.Count];
                if (Strong().Match(lines[i]) is { Success: true } strong) lines[i] = lines[i][..strong.Index] + (strong.Groups[1].Success ? strong.Groups[1].Value : strong.Groups[2].Value) + lines[i][(strong.Index + strong.Length)..];
                else if (Word().Matches(lines[i]) is { Count: > 0 } words)
                {
                    var m = words[e.Word % words.Count];
                    lines[i] = lines[i][..m.Index] + (e.Vocabulary % 2 == 0 ? "**" + m.Value + "**" : "*" + m.Value + "*") + lines[i][(m.Index + m.Length)..];
                }
                return true;
            }
            case ListParagraph: // a paragraph becomes a list item, or a list's first item a paragraph
            {
                var candidates = Enumerable.Range(0, lines.Count).Where(i => Prose(lines, i) && Blank(lines, i - 1)
                    && (lines[i].StartsWith("- ", StringComparison.Ordinal) || (Blank(lines, i + 1) && !char.IsDigit(lines[i][0]) && !lines[i].StartsWith('>') && !lines[i].StartsWith("[^", StringComparison.Ordinal)))).ToList();
                if (candidates.Count == 0) return true;
                var i = candidates[e.Line % candidates.Count];
                lines[i] = lines[i].StartsWith("- ", StringComparison.Ordinal) ? lines[i][2..] : "- " + lines[i];
                return true;
            }
            case ListLevel: // a list item one level deeper under the one before it, or one level up
            {
                var candidates = Enumerable.Range(1, Math.Max(0, lines.Count - 1)).Where(i => Plain(lines[i])
                    && ((lines[i].StartsWith("- ", StringComparison.Ordinal) && lines[i - 1].StartsWith("- ", StringComparison.Ordinal))
                        || lines[i].StartsWith("  - ", StringComparison.Ordinal))).ToList();
                if (candidates.Count == 0) return true;
                var i = candidates[e.Line % candidates.Count];
                lines[i] = lines[i].StartsWith("  - ", StringComparison.Ordinal) ? lines[i][2..] : "  " + lines[i];
                return true;
            }
            case AddNote: // a footnote added at the end of a prose paragraph
            {
                var candidates = Enumerable.Range(0, lines.Count).Where(i => Prose(lines, i) && Blank(lines, i + 1) && !lines[i].StartsWith("[^", StringComparison.Ordinal)).ToList();
                if (candidates.Count == 0) return true;
                var i = candidates[e.Line % candidates.Count];
                var label = "n" + lines.Count(l => l.StartsWith("[^", StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture) + word;
                if (lines.Exists(l => l.StartsWith("[^" + label + "]", StringComparison.Ordinal))) return true;
                lines[i] += "[^" + label + "]";
                lines.AddRange(["", $"[^{label}]: The {word} note says {Vocabulary[(e.Word + 1) % Vocabulary.Length]} about this."]);
                return true;
            }
            case RemoveNote: // a footnote removed, its reference and its text
            {
                var candidates = Enumerable.Range(0, lines.Count).Where(i => Reference(lines[i])).ToList();
                if (candidates.Count == 0) return true;
                var i = candidates[e.Line % candidates.Count];
                var m = NoteReference().Match(lines[i]);
                lines[i] = lines[i][..m.Index] + lines[i][(m.Index + m.Length)..];
                var definition = lines.FindIndex(l => l.StartsWith(m.Value + ":", StringComparison.Ordinal));
                if (definition >= 0) lines.RemoveAt(definition);
                return true;
            }
            case ChangeNote: // a word of a footnote's text replaced
            {
                var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith("[^", StringComparison.Ordinal) && lines[i].Contains("]:", StringComparison.Ordinal)).ToList();
                if (candidates.Count == 0) return true;
                var i = candidates[e.Line % candidates.Count];
                var at = lines[i].IndexOf("]:", StringComparison.Ordinal) + 2;
                var words = Word().Matches(lines[i][at..]);
                if (words.Count == 0) return true;
                var m = words[e.Word % words.Count];
                lines[i] = lines[i][..(at + m.Index)] + word + lines[i][(at + m.Index + m.Length)..];
                return true;
            }
            case Move: // a prose paragraph moved after another one, further on
            {
                bool Paragraph(int i) => Prose(lines, i) && Blank(lines, i - 1) && Blank(lines, i + 1) && !lines[i].StartsWith("- ", StringComparison.Ordinal)
                    && !char.IsDigit(lines[i][0]) && !lines[i].StartsWith("[^", StringComparison.Ordinal) && !lines[i].EndsWith(':');
                var candidates = Enumerable.Range(0, lines.Count).Where(Paragraph).ToList();
                if (candidates.Count < 2) return true;
                var from = e.Line % (candidates.Count - 1);
                var to = from + 1 + e.Word % (candidates.Count - 1 - from);
                var (a, b) = (candidates[from], candidates[to]);
                var text = lines[a];
                lines.Insert(b + 1, "");
                lines.Insert(b + 2, text);
                lines.RemoveRange(a, 2);
                return true;
            }
            default:
                return false;
        }
    }

    private static void Apply(List<string> lines, MarkdownEdit e)
    {
        var word = Vocabulary[e.Vocabulary % Vocabulary.Length];
        if (Apply(lines, e, word)) return;
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

    [GeneratedRegex(@"\*\*([a-z]{3,})\*\*|(?<![*\w])\*([a-z]{3,})\*(?![*\w])")]
    private static partial Regex Strong();

    [GeneratedRegex(@"\[\^[A-Za-z0-9]+\]")]
    private static partial Regex NoteReference();
}
