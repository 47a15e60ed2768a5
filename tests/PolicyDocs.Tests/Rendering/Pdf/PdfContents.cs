using System.Text.RegularExpressions;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Pdf;

/// <summary>The contents of a PDF as pdftotext reads it, checked against the pages the headings are on.</summary>
internal static class PdfContents
{
    /// <summary>The text of each page of <paramref name="pdf"/>, read by <paramref name="pdftotext"/> from a file in
    /// <paramref name="folder"/> (it ends each page with a form feed).</summary>
    internal static string[] Pages(string pdftotext, byte[] pdf, string folder)
    {
        var file = Path.Combine(folder, "read.pdf");
        File.WriteAllBytes(file, pdf);
        var (code, text, err) = Support.Tool.Run(pdftotext, ["-layout", file, "-"], wait: TimeSpan.FromMinutes(2));
        Assert.True(code == 0, "pdftotext failed: " + err);
        return text.Split('\f')[..^1];
    }

    /// <summary>Fails unless the contents of <paramref name="pages"/> have at least <paramref name="expected"/> entries and
    /// each gives the page its heading is on (the first page after the contents, and after the previous heading, where a
    /// line starts with the entry's text).</summary>
    internal static void AssertEntriesOnTheirPages(string[] pages, int expected)
    {
        var entries = Contents(pages);
        Assert.True(entries.Count >= expected, $"{entries.Count} contents entries for {expected} sections of depth 1 to 3");
        var lastContents = entries.Max(e => e.OnPage);
        var wrong = new List<string>();
        var from = lastContents; // headings follow the contents, in order
        foreach (var (title, page, _) in entries)
        {
            var found = -1;
            for (var p = from; p < pages.Length && found < 0; p++)
                if (HasHeading(pages[p], title)) found = p + 1;
            if (found < 0) { wrong.Add($"'{title}' (contents: page {page}) is on no page after page {from}"); continue; }
            if (found != page) wrong.Add($"'{title}': contents say page {page}, the heading is on page {found}");
            from = found - 1;
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {entries.Count} entries wrong:\n" + string.Join("\n", wrong.Take(20)));
    }

    // A contents line: its text, a dot leader and the page number ("1.1 Overview ........ 9").
    internal static readonly Regex Entry = new(@"^\s*(?<title>\S.*?)\s*\.{4,}\s*(?<page>\d+)\s*$", RegexOptions.CultureInvariant);

    /// <summary>The contents entries (title and page) on the pages headed "Contents" and the pages after, until the first
    /// page without an entry; a title wrapped over two lines is joined.</summary>
    internal static List<(string Title, int Page, int OnPage)> Contents(string[] pages)
    {
        var entries = new List<(string, int, int)>();
        var start = Array.FindIndex(pages, p => p.Split('\n').Any(l => l.Trim() == "Contents"));
        Assert.True(start >= 0, "no page is headed Contents");
        for (var i = start; i < pages.Length; i++)
        {
            var before = entries.Count;
            var pending = "";
            foreach (var line in pages[i].Split('\n'))
            {
                if (Entry.Match(line) is { Success: true } m)
                {
                    entries.Add((Flat(pending + " " + m.Groups["title"].Value), int.Parse(m.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture), i + 1));
                    pending = "";
                }
                // A numbered line without a page starts a wrapped entry; the lines after it continue it.
                else pending = Regex.IsMatch(line, @"^\s*(\d+(\.\d+)*|Appendix)\s") ? line : pending.Length > 0 && line.Trim().Length > 0 ? pending + " " + line : "";
            }
            if (entries.Count == before) break;
        }
        return entries;
    }

    internal static string Flat(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    // The heading starts a line of the page (a long one may wrap onto the next lines).
    internal static bool HasHeading(string page, string title)
    {
        var lines = page.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Flat(lines[i]);
            if (line.Length == 0 || !title.StartsWith(line, StringComparison.Ordinal) && !line.StartsWith(title, StringComparison.Ordinal)) continue;
            if (Flat(string.Join(' ', lines.Skip(i).Take(4))).StartsWith(title, StringComparison.Ordinal)) return true;
        }
        return false;
    }

}
