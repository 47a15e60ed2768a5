using System.Text.RegularExpressions;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>One edit of a Markdown file: what, where (an index into the candidate lines) and which word.</summary>
internal sealed record MarkdownEdit(int Kind, int Line, int Word, int Vocabulary);

/// <summary>Applies word, paragraph and table-row edits to the prose of a section file, leaving headings, data and references intact.</summary>
internal static partial class MarkdownEdits
{
    public const int Kinds = 8;

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
        var rows = e.Kind >= 5;
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
        }
    }

    [GeneratedRegex(@"\b[a-z]{3,}\b")]
    private static partial Regex Word();
}
