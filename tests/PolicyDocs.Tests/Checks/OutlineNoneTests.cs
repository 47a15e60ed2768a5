using PolicyDocs.Compiling;
using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary>Documents outside RFC 3647 (<c>kind: other</c>, <c>outline: none</c>): every check but the outline's.</summary>
public sealed class OutlineNoneTests
{
    private const string Requirements = """
        # Hardening Requirements

        Scope of these requirements.

        # 1. Network Zones

        ## 1.1 Segmentation

        Systems are kept in zones. Zones are reviewed as Section 1.2 says.

        ## 1.2 Reviews

        Reviews happen quarterly; see [[1.1]] and Section 3.4.

        # 2. Accounts

        Accounts are personal. Events are logged as Section 4.2 (1) of the Baseline Requirements lists them.

        """;

    private static Compilation Compile(string frontMatter) =>
        Run.Compile(PolicySetBuilder.SingleFile("HARDENING.md", "---\n" + frontMatter + "title: Hardening Requirements\nversion: \"1.0\"\n---\n" + Requirements));

    [Fact]
    public void KindOtherHasNoOutlineDiagnosticsButKeepsSectionsAndOtherChecks()
    {
        var c = Compile("kind: other\n");
        Assert.DoesNotContain(c.Diagnostics, d => d.Code is "PD0101" or "PD0102" or "PD0103" or "PD0104");
        // The mention check still runs: 3.4 does not exist, the Baseline Requirements' 4.2 is another document's.
        Assert.Contains("3.4", Assert.Single(c.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal("PD0202", c.Diagnostics[0].Code);
        var doc = Assert.Single(c.Published!.Set.Documents);
        Assert.Equal(DocumentKind.Other, doc.Info.Kind);
        Assert.False(doc.Info.FollowsRfc3647);
        Assert.Equal(["1", "1.1", "1.2", "2"], doc.AllSections.Select(s => s.Number));
        Assert.All(doc.AllSections, s => Assert.Null(s.Outline));
        Assert.Equal("section-1.2", doc.Find("1.2")!.Anchor);
    }

    [Fact]
    public void KindOtherBuildsItsSiteAndWordFileWithoutCallingItselfACpOrCps()
    {
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("HARDENING.md", "---\nkind: other\ntitle: Hardening Requirements\nversion: \"1.0\"\n---\n" + Requirements.Replace(" and Section 3.4", "", StringComparison.Ordinal)).WriteTo(tree.Root);
        var output = Path.Combine(tree.Root, "out");
        var (code, stdout, stderr) = Run.Cli("build", "--content", path, "--output", output);
        Assert.True(code == 0, stdout + stderr);
        var page = File.ReadAllText(Path.Combine(output, "hardening", "index.html"));
        Assert.Contains("section-1.2", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Certification Practice Statement", page, StringComparison.Ordinal);
        var home = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.DoesNotContain("RFC 3647", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Certification Practice Statement", home, StringComparison.Ordinal);
        var docx = Assert.Single(Directory.GetFiles(output, "*.docx", SearchOption.AllDirectories));
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Segmentation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Certificate Policy", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OutlineNoneSwitchesTheOutlineOffForACpToo()
    {
        var c = Compile("kind: cp\noutline: none\n");
        Assert.DoesNotContain(c.Diagnostics, d => d.Code is "PD0101" or "PD0103");
        Assert.Equal(DocumentKind.Cp, c.Published!.Set.Documents[0].Info.Kind);
        // The combined Markdown keeps the choice, so checking it again gives no outline errors either.
        var md = PolicyDocs.Rendering.Markdown.CombinedMarkdown.Render(c.Published.Of(c.Published.Set.Documents[0]));
        Assert.Contains("\noutline: \"none\"\n", md, StringComparison.Ordinal);
        Assert.Empty(Run.Compile(PolicySetBuilder.SingleFile("HARDENING.md", md)).Of("PD0101"));
    }

    [Fact]
    public void OutlineRfc3647ChecksAnOtherDocumentAgainstTheOutline()
    {
        var c = Compile("kind: other\noutline: rfc3647\n");
        Assert.NotEmpty(c.Of("PD0101"));
    }

    [Fact]
    public void AnUnknownOutlineIsABadValue()
    {
        var c = Compile("kind: other\noutline: rfc-3647\n");
        Assert.Contains(c.Diagnostics, d => d.Message.Contains("'rfc-3647' is not allowed for 'outline'", StringComparison.Ordinal));
    }

    [Fact]
    public void KindOtherInDocumentYamlOfTheFolderLayout()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/document.yaml", "kind: cp\n", "kind: other\n")
            .Replace("documents/cp/04.md", "### 4.4.2 Publication of the certificate by the CA\n\n", "");
        var c = Run.Compile(b);
        Assert.Empty(c.Of("PD0101"));
        Assert.Equal(0, c.ErrorCount);
    }

    [Fact]
    public void ASingleFileStatingNoKindWhoseChaptersAreNotRfc3647sIsCheckedWithoutTheOutline()
    {
        var c = Run.Compile(PolicySetBuilder.SingleFile("HARDENING.md", Requirements.Replace(" and Section 3.4", "", StringComparison.Ordinal)));
        var warning = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0108", warning.Code);
        Assert.Contains("(1, 2)", warning.Message, StringComparison.Ordinal);
        Assert.False(c.Published!.Set.Documents[0].Info.FollowsRfc3647);
    }

    [Fact]
    public void ASingleFileWithRfc3647ChaptersStatingNoKindIsStillCheckedAgainstTheOutline()
    {
        // Two of three chapters carry RFC 3647's titles: a CP/CPS with gaps, whose missing sections are errors.
        var c = Run.Compile(PolicySetBuilder.SingleFile("CPS.md", "# 1. Introduction\n\nText.\n\n# 2. Publication and Repository Responsibilities\n\nText.\n\n# 3. Our own chapter\n\nText.\n"));
        Assert.Empty(c.Of("PD0108"));
        Assert.NotEmpty(c.Of("PD0101"));
    }

    [Fact]
    public void AStatedKindKeepsTheOutlineWhateverTheChapters()
    {
        var c = Compile("kind: cps\n");
        Assert.Empty(c.Of("PD0108"));
        Assert.NotEmpty(c.Of("PD0101"));
    }
}
