using System.IO.Compression;
using System.Text.RegularExpressions;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Diff;

/// <summary>
/// Redlines of two single-file copies under different names: one document, so every reference keeps its link; the
/// HTML redline shows the text as the site does (emphasis, links, table headers) with the changes on it.
/// </summary>
public sealed partial class RedlineFormattingTests : IDisposable
{
    private readonly TempTree _dir = new();
    private readonly string _old;
    private readonly string _new;

    public RedlineFormattingTests()
    {
        _old = Path.Combine(_dir.Root, "cps-2025.md");
        _new = Path.Combine(_dir.Root, "example-cps.md");
        File.WriteAllText(_old, Document(
            "The CA revokes a certificate within *24 hours* of a request, as [[4.9.2]] allows; see [the guidance](https://example.org/guide).",
            "Every revocation is recorded as [[5.4.1]] requires.",
            "| Reason | Deadline |\n|---|---|\n| Key compromise | 24 hours |"));
        File.WriteAllText(_new, Document(
            "The CA revokes a certificate within *12 hours* of a request, as [[4.9.2]] allows; see [the guidance](https://example.org/guide).",
            null,
            "| Reason | Deadline |\n|---|---|\n| Key compromise | 12 hours |"));
    }

    public void Dispose() => _dir.Dispose();

    private static string Document(string first, string? second, string table) =>
        string.Concat(PolicyDocs.Outline.Rfc3647Outline.Instance.Entries.Select(e =>
            $"{new string('#', e.Depth)} {e.Id}{(e.Depth == 1 ? "." : "")} {e.Title}\n\n" +
            (e.Id == "4.9.1" ? first + "\n\n" + (second is null ? "" : second + "\n\n") + table + "\n\n" : "No stipulation.\n\n")));

    [Fact]
    public void The_html_redline_keeps_emphasis_links_and_table_headers()
    {
        var dir = Path.Combine(_dir.Root, "html");
        var (code, _, err) = Run.Cli("diff", _old, _new, "--html", dir);
        Assert.True(code == 0, err);
        // The pair is one document, under the new file's id.
        var html = File.ReadAllText(Path.Combine(dir, "example-cps", "index.html"));
        Assert.Contains("<em><del>24</del><ins>12</ins> hours</em>", html);
        Assert.Contains("<a href=\"https://example.org/guide\">the guidance</a>", html);
        // The deleted paragraph keeps its reference, shown as the site shows it, its words struck.
        Assert.Matches(@"<span class=""xref xref-section""[^>]*><del>Section 5\.4\.1", html);
        Assert.Contains("<th scope=\"col\">Reason</th>", html);
        Assert.Contains("<td><del>24</del><ins>12</ins> hours</td>", html);
        Assert.DoesNotContain("&lt;em&gt;", html);
        Assert.DoesNotContain("*24 hours*", html);
    }

    [Fact]
    public void The_word_redline_keeps_the_links_of_deleted_references()
    {
        var dir = Path.Combine(_dir.Root, "docx");
        var (code, _, err) = Run.Cli("diff", _old, _new, "--docx", dir);
        Assert.True(code == 0, err);
        var file = Assert.Single(Directory.GetFiles(dir, "*.docx"));
        Assert.StartsWith("example-cps-", Path.GetFileName(file));
        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        // The reference in the deleted paragraph still leads to section 5.4.1's bookmark in the same file.
        var link = DeletedLink().Match(xml);
        Assert.True(link.Success, "no deleted text inside an internal link to section 5.4.1");
        Assert.Contains($"w:name=\"{link.Groups["anchor"].Value}\"", xml);
    }

    [GeneratedRegex(@"<w:hyperlink [^>]*w:anchor=""(?<anchor>[^""]+)""[^>]*>(?:(?!</w:hyperlink>).)*?<w:delText[^>]*>Section 5\.4\.1", RegexOptions.Singleline)]
    private static partial Regex DeletedLink();
}
