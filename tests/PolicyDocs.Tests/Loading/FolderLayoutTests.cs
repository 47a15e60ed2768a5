using PolicyDocs.Model;
using PolicyDocs.Outline;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

public sealed class FolderLayoutTests
{
    [Fact]
    public void GeneratedSetCompilesWithoutAnyDiagnostic()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps"));
        Assert.Null(c.Fatal);
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        Assert.Equal(["cp", "cps"], c.Published!.Set.Documents.Select(d => d.Id));
        foreach (var doc in c.Published!.Set.Documents)
        {
            Assert.Equal(Rfc3647Outline.Instance.Entries.Select(e => e.Id), doc.AllSections.Select(s => s.Number));
            Assert.All(doc.AllSections, s => Assert.Equal(s.Number, s.Outline?.Id));
        }
    }

    [Fact]
    public void DocumentMetadataIsRead()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps"));
        var cp = c.Published!.Set.Find("cp")!.Info;
        Assert.Equal(DocumentKind.Cp, cp.Kind);
        Assert.Equal("Test CP", cp.ShortTitle);
        Assert.Equal("1.3.6.1.4.1.99999.1.1", cp.Oid);
        Assert.Equal(new DateOnly(2026, 1, 1), cp.EffectiveDate);
        Assert.Equal(DocumentStatus.Approved, cp.Status);
        Assert.Equal(["root", "issuing"], cp.Cas);
        var cps = c.Published!.Set.Find("cps")!.Info;
        Assert.Equal(DocumentKind.Cps, cps.Kind);
        Assert.Equal(["cp"], cps.Implements);
        Assert.Equal(DocumentStatus.Draft, cps.Status);
        Assert.Equal("Test Policy Authority", c.Published!.Set.Info.Publisher.Name);
        Assert.Equal(["root", "issuing"], c.Published!.Set.Data.Cas.Select(x => x.Id));
    }

    [Fact]
    public void MarkdownFilesAreReadInFileNameOrderAndNestByNumber()
    {
        // Component 2 split over two files whose names sort 02a < 02b; the sections still nest under 2.
        var b = PolicySetBuilder.Valid();
        var two = b.Files["documents/cp/02.md"];
        var at = two.IndexOf("## 2.3 ", StringComparison.Ordinal);
        b.Remove("documents/cp/02.md").Set("documents/cp/02a.md", two[..at]).Set("documents/cp/02b.md", two[at..]);
        var c = Run.Compile(b);
        Assert.True(c.ErrorCount == 0, c.Dump());
        var s2 = c.Published!.Set.Documents[0].Find("2")!;
        Assert.Equal(["2.1", "2.2", "2.3", "2.4"], s2.Children.Select(s => s.Number));
        Assert.EndsWith("documents/cp/02b.md", c.Published!.Set.Documents[0].Find("2.3")!.Span.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void TextBeforeTheFirstHeadingOfAFileIsAnErrorAtItsLine()
    {
        var b = PolicySetBuilder.Valid().Edit("documents/cp/03.md", t => "<!-- a comment is fine -->\n\nStray text.\n" + t);
        var c = Run.Compile(b);
        var d = Assert.Single(c.Of("PD0009"));
        Assert.EndsWith("documents/cp/03.md", d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void UnnumberedHeadingsStayInTheBodyOfTheirSection()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "4.9.1", "Intro.\n\n#### Reasons\n\nMore text.");
        var c = Run.Compile(b);
        Assert.True(c.ErrorCount == 0, c.Dump());
        var s = c.Published!.Set.Documents[0].Find("4.9.1")!;
        Assert.Contains("#### Reasons", s.Source, StringComparison.Ordinal);
        Assert.Equal("4.9.2", c.Published!.Set.Documents[0].AllSections[c.Published!.Set.Documents[0].AllSections.IndexOf(s) + 1].Number);
    }
}
