using System.IO.Compression;
using System.Xml.Linq;
using PolicyDocs.Diff;
using PolicyDocs.Rendering.Docx.Redline;
using PolicyDocs.Tests.Support;
using PolicyDocs.Versions;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>
/// Every tracked change of a redline names its author and date: the author from <c>redline.author</c>, else the
/// publisher; the date from the new version's effective date, else its latest revision date, else its commit's date.
/// The redline opens with a front page that summarises the changes and is no part of either version, and its
/// contents are never refreshed on open (which Word would record as the reviewer's change).
/// </summary>
public sealed class RedlineAttributionTests(RedlineSample sample) : IClassFixture<RedlineSample>
{
    private const string File04 = "documents/cps/04-certificate-life-cycle-operational-requirements.md";
    private const string Yaml = "documents/cps/document.yaml";
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly string[] Revisions = ["ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "cellIns", "cellDel"];

    private byte[] Redline(Func<string, string>? yaml = null, DateOnly? toCommit = null, string? policySet = null, Func<string, string>? text = null)
    {
        var body = sample.Read(File04).Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal", StringComparison.Ordinal);
        var files = new List<(string, string)> { (File04, text is null ? body : text(body)) };
        if (yaml is not null) files.Add((Yaml, yaml(sample.Read(Yaml))));
        if (policySet is not null) files.Add(("policyset.yaml", policySet));
        var compiled = sample.CompileEdited([.. files]);
        Assert.NotNull(compiled.Published);
        var changes = PolicyDiffer.Compare(sample.Old.Published!, compiled.Published!, "old", "new", "cps");
        var change = changes.Documents.Single();
        return DocxRedlineRenderer.Render(VersionChange.Between(sample.Old.Published!, compiled.Published!, changes, change) with { ToCommitDate = toCommit });
    }

    /// <summary>(part, element, author, date) of every tracked change in every part of the package.</summary>
    private static List<(string Part, string Name, string? Author, string? Date)> Marks(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var result = new List<(string, string, string?, string?)>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var s = entry.Open();
            foreach (var e in XDocument.Load(s).Descendants().Where(e => e.Name.Namespace == W && Revisions.Contains(e.Name.LocalName)))
                result.Add((entry.FullName, e.Name.LocalName, (string?)e.Attribute(W + "author"), (string?)e.Attribute(W + "date")));
        }
        return result;
    }

    private static void AllMarked(byte[] docx, string author, string date)
    {
        var marks = Marks(docx);
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.True(m.Author == author && m.Date == date, $"{m.Part} w:{m.Name} author '{m.Author}' date '{m.Date}'"));
    }

    [Fact]
    public void Every_tracked_change_in_every_part_has_the_publisher_as_author_and_the_effective_date()
    {
        // A changed version in the header and the cover too, so that those parts carry marks.
        var docx = Redline(y => System.Text.RegularExpressions.Regex.Replace(y, "^version: \"1.1\"", "version: \"1.2\"", System.Text.RegularExpressions.RegexOptions.Multiline));
        AllMarked(docx, "Northwind PKI Policy Authority", "2026-04-01T00:00:00Z");
        Assert.Contains(Marks(docx), m => m.Part.StartsWith("word/header", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_effective_date_the_latest_revision_date_dates_the_changes()
    {
        var docx = Redline(y => y.Replace("effective_date: 2026-04-01\n", "", StringComparison.Ordinal).Replace("date: 2026-04-01", "date: 2026-03-15", StringComparison.Ordinal), toCommit: new DateOnly(2027, 1, 2));
        AllMarked(docx, "Northwind PKI Policy Authority", "2026-03-15T00:00:00Z");
    }

    [Fact]
    public void Without_effective_or_revision_dates_the_commit_date_dates_the_changes()
    {
        var docx = Redline(y => y.Replace("effective_date: 2026-04-01\n", "", StringComparison.Ordinal)[..y.IndexOf("revisions:", StringComparison.Ordinal)].TrimEnd() + "\n", toCommit: new DateOnly(2027, 1, 2));
        AllMarked(docx, "Northwind PKI Policy Authority", "2027-01-02T00:00:00Z");
        Assert.Contains("(2027-01-02)", FrontPageText(docx)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Redline_author_names_the_author_and_is_escaped()
    {
        var docx = Redline(policySet: sample.Read("policyset.yaml").TrimEnd() + "\nredline:\n  author: \"Legal & <Review> \\\"Team\\\"\"\n");
        AllMarked(docx, "Legal & <Review> \"Team\"", "2026-04-01T00:00:00Z");
    }

    [Fact]
    public void The_attribution_names_the_publisher_and_the_new_versions_date()
    {
        var version = VersionChange.Between(sample.Old.Published!, sample.Old.Published!, new ChangeSet("a", "b", [], []),
            new DocumentChange { DocumentId = "cps", Title = "T", Metadata = [], Sections = [] });
        Assert.Equal("Northwind PKI Policy Authority", RedlineAttribution.Of(version).Author);
        Assert.Equal(new DateOnly(2026, 4, 1), RedlineAttribution.Of(version).ToDate);
    }

    [Theory]
    [InlineData("author: Jane Roe\n", "Jane Roe")]
    [InlineData("", "Example Single CP")]
    public void Without_a_publisher_the_author_is_the_documents_author_else_its_title(string frontMatter, string author)
    {
        var text = "---\ntitle: Example Single CP\n" + frontMatter + "---\n\n" + PolicySetBuilder.Document();
        var c = Run.Compile(PolicySetBuilder.SingleFile("cp.md", text));
        Assert.NotNull(c.Published);
        Assert.Null(c.Published!.Set.Info.Publisher.Name);
        var id = c.Published.Documents[0].Id;
        var change = new DocumentChange { DocumentId = id, Title = "T", Metadata = [], Sections = [] };
        var version = VersionChange.Between(c.Published, c.Published, new ChangeSet("a", "b", [change], []), change) with { ToCommitDate = new DateOnly(2025, 2, 3) };
        var attribution = RedlineAttribution.Of(version);
        Assert.Equal(author, attribution.Author);
        Assert.Equal(new DateOnly(2025, 2, 3), attribution.ToDate);
        AllMarkedOrNone(DocxRedlineRenderer.Render(version));
    }

    // A redline of identical versions has no tracked change; it still opens with its front page.
    private static void AllMarkedOrNone(byte[] docx)
    {
        Assert.Empty(Marks(docx));
        Assert.StartsWith("Changes from", FrontPageText(docx)[0], StringComparison.Ordinal);
        Assert.Empty(DocxTestKit.Problems(docx));
    }

    private static List<string> FrontPageText(byte[] docx)
    {
        var body = Body(docx);
        var front = body.Elements().TakeWhile(e => e.Element(W + "pPr")?.Element(W + "sectPr") is null).ToList();
        front.Add(body.Elements().First(e => e.Element(W + "pPr")?.Element(W + "sectPr") is not null));
        return [.. front.Select(p => string.Concat(p.Descendants(W + "t").Select(t => t.Value)))];
    }

    private static XElement Body(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var s = zip.GetEntry("word/document.xml")!.Open();
        return XDocument.Load(s).Root!.Element(W + "body")!;
    }

    private static string Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void The_front_page_lists_the_changed_sections_with_their_class_and_links_and_is_in_neither_version()
    {
        // A changed heading whose title needs escaping.
        var docx = Redline(text: t =>
        {
            var at = t.IndexOf("### 4.9.2 ", StringComparison.Ordinal);
            var end = t.IndexOf('\n', at);
            return t[..end] + " & <Co> \"x\"" + t[end..];
        });
        var front = FrontPageText(docx);
        Golden.AssertMatches("front-page.txt", string.Join("\n", front) + "\n");
        Assert.StartsWith("Changes from version 1.1 (2026-04-01) to version 1.1 (2026-04-01)", front[0], StringComparison.Ordinal);
        Assert.Contains(front, l => l.StartsWith("4.9.2 ", StringComparison.Ordinal) && l.Contains(" & <Co> \"x\"", StringComparison.Ordinal) && l.EndsWith("normative", StringComparison.Ordinal));
        // Every link on the page leads to a bookmark in the document, and the page is no tracked change.
        var body = Body(docx);
        var bookmarks = body.Descendants(W + "bookmarkStart").Select(b => (string?)b.Attribute(W + "name")).ToHashSet();
        var sectionBreak = body.Elements().First(e => e.Element(W + "pPr")?.Element(W + "sectPr") is not null);
        var page = body.Elements().TakeWhile(e => e != sectionBreak).Append(sectionBreak).ToList();
        var links = page.SelectMany(e => e.Descendants(W + "hyperlink")).Select(h => (string?)h.Attribute(W + "anchor")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.Contains(a, bookmarks));
        Assert.Contains("_S4_9_2", links);
        Assert.DoesNotContain(page.SelectMany(e => e.Descendants()), e => Revisions.Contains(e.Name.LocalName));
        Assert.DoesNotContain(page.SelectMany(e => e.Descendants(W + "pStyle")), s => ((string?)s.Attribute(W + "val"))!.StartsWith("Heading", StringComparison.Ordinal));
        // The document starts after it, at the cover: accepting or rejecting everything leaves the page out.
        Assert.DoesNotContain(TrackedChanges.Paragraphs(docx, true), p => p.StartsWith("Changes from", StringComparison.Ordinal));
        Assert.DoesNotContain(TrackedChanges.Paragraphs(docx, false), p => p.StartsWith("Changes from", StringComparison.Ordinal));
        Assert.Empty(DocxTestKit.Problems(docx));
    }

    [Fact]
    public void Opening_the_redline_refreshes_no_field_so_no_refresh_is_recorded_as_a_change()
    {
        var docx = Redline();
        var settings = Part(docx, "word/settings.xml");
        Assert.Contains("<w:trackRevisions />", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("updateFields", settings, StringComparison.Ordinal);
        var xml = Part(docx, "word/document.xml");
        Assert.DoesNotContain("w:dirty", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("PAGEREF", xml, StringComparison.Ordinal);
        Assert.Contains(" TOC ", xml, StringComparison.Ordinal);
    }
}
