using PolicyDocs.Loading;
using PolicyDocs.Model;

namespace PolicyDocs.Checks;

/// <summary>
/// <c>check --fix</c>: writes "No stipulation." under the heading of every blank leaf section and changes
/// nothing else in the files.
/// </summary>
public static class NoStipulationFixer
{
    /// <summary>Fixes the blank sections of <paramref name="set"/>; returns the number of sections fixed.</summary>
    public static int Fix(PolicySet set)
    {
        var byFile = set.Documents
            .SelectMany(d => d.AllSections.Concat(d.Appendices))
            .Where(SectionContentCheck.IsBlank)
            .GroupBy(s => s.Span.Path);
        var fixedCount = 0;
        foreach (var group in byFile)
        {
            var path = group.Key;
            var text = File.ReadAllText(path);
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var lines = SectionSplitter.EnumerateLines(text).ToList();
            var endsWithNewline = text.EndsWith('\n');
            foreach (var s in group.OrderByDescending(s => s.Span.Line))
            {
                var at = s.Span.Line; // insert after the heading line (1-based index == position after it)
                lines.InsertRange(at, ["", NoStipulation.Text]);
                if (at + 2 < lines.Count && lines[at + 2].Length > 0) lines.Insert(at + 2, "");
                fixedCount++;
            }
            File.WriteAllText(path, string.Join(newline, lines) + (endsWithNewline ? newline : ""));
        }
        return fixedCount;
    }
}
