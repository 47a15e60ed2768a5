using PolicyDocs.Model;
using PolicyDocs.Outline;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

public sealed class SingleFileLayoutTests
{
    /// <summary>A CP/CPS in the style CAs publish: front matter, title, "# 1. INTRODUCTION", stray dots and spaces, appendices.</summary>
    internal static string CaStyleDocument(Func<OutlineEntry, string>? body = null)
    {
        string Heading(OutlineEntry e) => e.Id switch
        {
            "1" => "# 1.  INTRODUCTION",
            "3.2.1" => "### 3.2.1. Method to prove possession of private key",
            _ => e.Depth == 1 ? $"# {e.Id}. {e.Title.ToUpperInvariant()}" : $"{new string('#', e.Depth)} {e.Id} {e.Title}",
        };
        var sections = PolicySetBuilder.Document(heading: Heading, body: body ?? (e => $"Text of {e.Id}."));
        sections = sections.Replace("### 3.2.6 Criteria for interoperation\n\nText of 3.2.6.\n\n",
            "### 3.2.6 Criteria for interoperation\n\nText of 3.2.6.\n\n### 3.2.8. Extra validation methods\n\nText of 3.2.8.\n\n", StringComparison.Ordinal);
        sections = sections.Replace("### 4.9.1 Circumstances for revocation\n\nText of 4.9.1.\n\n",
            "### 4.9.1 Circumstances for revocation\n\nText of 4.9.1.\n\n#### 4.9.1.1 Reasons for revoking a subscriber certificate\n\nDeep 4.\n\n" +
            "##### 4.9.1.1.1 Key compromise\n\nDeep 5.\n\n###### 4.9.1.1.1.1 Reported by the subscriber\n\nDeep 6.\n\n", StringComparison.Ordinal);
        return "---\nid: example-cps\nkind: cp-cps\ntitle: Example CA Certificate Policy and Certification Practice Statement\n" +
               "version: \"2.3\"\neffective_date: 2026-02-01\nx-generator: other-tool\n---\n" +
               "# Example CA CP/CPS\n\nCopyright notice.\n\n" + sections +
               "# Appendix A – Organization Names\n\n## 1. Organization Names\n\nNames are checked.\n\n" +
               "# Appendix B: Certificate profiles\n\nProfiles.\n";
    }

    [Fact]
    public void CaStyleSingleFileLoadsWithFrontMatterPreambleAndAppendices()
    {
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("EXAMPLE-CPS.md", CaStyleDocument()).WriteTo(tree.Root);
        var c = Run.Compile(path);
        Assert.Null(c.Fatal);
        Assert.True(c.ErrorCount == 0, c.Dump());
        var doc = Assert.Single(c.Published!.Set.Documents);
        Assert.Equal("example-cps", doc.Id);
        Assert.Equal(DocumentKind.CpCps, doc.Info.Kind);
        Assert.Equal("2.3", doc.Info.Version);
        Assert.Contains("Copyright notice.", doc.Preamble!.Source, StringComparison.Ordinal);

        Assert.Equal("INTRODUCTION", doc.Find("1")!.Title);
        Assert.Equal("Method to prove possession of private key", doc.Find("3.2.1")!.Title);
        Assert.Equal("Extra validation methods", doc.Find("3.2.8")!.Title);
        Assert.Null(doc.Find("3.2.8")!.Outline);
        Assert.Equal("1", doc.Find("1")!.Outline!.Id);

        // The appendix's "## 1. Organization Names" is part of the appendix, not a second section 1.
        Assert.Empty(c.Of("PD0006"));
        Assert.Equal(["A", "B"], doc.Appendices.Select(a => a.Number));
        Assert.Equal("Organization Names", doc.Appendices[0].Title);
        Assert.Contains("## 1. Organization Names", doc.Appendices[0].Source, StringComparison.Ordinal);
        Assert.Equal("Certificate profiles", doc.Appendices[1].Title);
        Assert.Equal("appendix-a", doc.Appendices[0].Anchor);
    }

    [Fact]
    public void HeadingsNestUpToSixLevels()
    {
        var c = Run.Compile(PolicySetBuilder.SingleFile("cps.md", CaStyleDocument()));
        var doc = c.Published!.Set.Documents[0];
        var deep = doc.Find("4.9.1.1.1.1")!;
        Assert.Equal("Reported by the subscriber", deep.Title);
        Assert.Equal(6, deep.Depth);
        var s = doc.Find("4.9.1")!;
        Assert.Equal("4.9.1.1", Assert.Single(s.Children).Number);
        Assert.Equal("4.9.1.1.1", Assert.Single(s.Children[0].Children).Number);
        Assert.Equal("4.9.1.1.1.1", Assert.Single(s.Children[0].Children[0].Children).Number);
        Assert.Empty(c.Of("PD0107"));
    }

    [Fact]
    public void UnknownFrontMatterKeysAreWarnings()
    {
        var c = Run.Compile(PolicySetBuilder.SingleFile("cps.md", CaStyleDocument()));
        var d = Assert.Single(c.Of("PD0002"));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("x-generator", d.Message, StringComparison.Ordinal);
        Assert.Equal(7, d.Span.Line);
    }

    [Fact]
    public void FileWithoutFrontMatterTakesItsTitleFromTheFirstHeading()
    {
        using var tree = new TempTree();
        var text = "# Plain CA Policy\n\n" + PolicySetBuilder.Document();
        var c = Run.Compile(PolicySetBuilder.SingleFile("Plain-CP.md", text).WriteTo(tree.Root));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var doc = c.Published!.Set.Documents[0];
        Assert.Equal("plain-cp", doc.Id);
        Assert.Equal("Plain CA Policy", doc.Info.Title);
        Assert.Equal(270, doc.AllSections.Length);
    }

    [Fact]
    public void FencedCodeDoesNotStartSections()
    {
        using var tree = new TempTree();
        var text = PolicySetBuilder.Document(body: e => e.Id == "7.1" ? "```\n# 9. NOT A HEADING\n```" : $"Text of {e.Id}.");
        var c = Run.Compile(PolicySetBuilder.SingleFile("cp.md", text).WriteTo(tree.Root));
        Assert.True(c.ErrorCount == 0, c.Dump());
        Assert.Contains("# 9. NOT A HEADING", c.Published!.Set.Documents[0].Find("7.1")!.Source, StringComparison.Ordinal);
    }
}
