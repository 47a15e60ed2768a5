using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Outline;

/// <summary>Sections are aligned to RFC 3647 by number and title: missing, shifted, renamed and renumbered sections.</summary>
public sealed class AlignmentTests
{
    [Fact]
    public void MissingSectionIsReportedWhereItBelongs()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/06.md", "### 6.1.4 CA public key delivery to relying parties\n\nText of 6.1.4.\n\n", "");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0101", d.Code);
        Assert.Contains("6.1.4", d.Message, StringComparison.Ordinal);
        Assert.Equal(b.LineOf("documents/cp/06.md", "### 6.1.5 "), d.Span.Line);
    }

    [Fact]
    public void MissingSubtreeReportsEveryMissingEntry()
    {
        var b = PolicySetBuilder.Valid().Edit("documents/cp/04.md", t =>
        {
            var from = t.IndexOf("## 4.7 ", StringComparison.Ordinal);
            var to = t.IndexOf("## 4.8 ", StringComparison.Ordinal);
            return t[..from] + t[to..];
        });
        var c = Run.Compile(b);
        Assert.Equal(["4.7", "4.7.1", "4.7.2", "4.7.3", "4.7.4", "4.7.5", "4.7.6", "4.7.7"],
            c.Of("PD0101").Select(d => d.Message.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.Equal(8, c.ErrorCount);
    }

    [Fact]
    public void RenamedSectionIsATitleWarning()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Replace("documents/cp/04.md", "### 4.9.1 Circumstances for revocation", "### 4.9.1 Reasons we revoke"));
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0103", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("Circumstances for revocation", d.Message, StringComparison.Ordinal);
        Assert.Equal("4.9.1", c.Published!.Set.Documents[0].Find("4.9.1")!.Outline!.Id);
    }

    [Fact]
    public void TitleDifferencesOfCaseSpacingAndIfApplicableAreIgnored()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Replace("documents/cp/04.md", "### 4.9.1 Circumstances for revocation", "### 4.9.1 CIRCUMSTANCES   FOR  Revocation.")
            .Replace("documents/cp/01.md", "## 1.1 Overview", "## 1.1 Overview (if applicable)"));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
    }

    [Theory]
    [InlineData("### 6.2.8 Method of activating private key", "### 6.2.8 Activating Private Keys")]
    [InlineData("### 5.2.2 Number of persons required per task", "### 5.2.2 Number of Individuals Required per Task")]
    public void TlsBaselineRequirementsTitleIsANamedWarningAndAnErrorUnderStrict(string rfc, string tls)
    {
        var file = PolicySetBuilder.FileFor("cp", rfc.Split(' ')[1]);
        var b = PolicySetBuilder.Valid().Replace(file, rfc, tls);
        using var tree = b.Write();
        var c = Run.Compile(tree.Root);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0103", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("TLS Baseline Requirements", d.Message, StringComparison.Ordinal);

        var strict = Run.Compile(tree.Root, strict: true);
        Assert.Equal(Severity.Error, Assert.Single(strict.Diagnostics).Severity);

        Assert.Equal(0, Run.Cli("check", "--content", tree.Root).Code);
        var (code, stdout, _) = Run.Cli("check", "--content", tree.Root, "--strict");
        Assert.Equal(1, code);
        Assert.Contains("error PD0103", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void SmimeBaselineRequirementsRenumberingOfSection3Point2IsRecognised()
    {
        // S/MIME BR: 3.2.2 is a new section; RFC 3.2.2–3.2.6 follow as 3.2.3–3.2.7.
        const string rfc = "### 3.2.2 Authentication of organization identity\n\nText of 3.2.2.\n\n" +
                           "### 3.2.3 Authentication of individual identity\n\nText of 3.2.3.\n\n" +
                           "### 3.2.4 Non-verified subscriber information\n\nText of 3.2.4.\n\n" +
                           "### 3.2.5 Validation of authority\n\nText of 3.2.5.\n\n" +
                           "### 3.2.6 Criteria for interoperation\n\nText of 3.2.6.\n\n";
        const string smime = "### 3.2.2 Validation of mailbox authorization or control\n\nMailbox.\n\n" +
                             "### 3.2.3 Authentication of organization identity\n\nOrg.\n\n" +
                             "### 3.2.4 Authentication of individual identity\n\nIndividual.\n\n" +
                             "### 3.2.5 Non-verified subscriber information\n\nNon-verified.\n\n" +
                             "### 3.2.6 Validation of authority\n\nAuthority.\n\n" +
                             "### 3.2.7 Criteria for interoperation\n\nInteroperation.\n\n";
        var c = Run.Compile(PolicySetBuilder.Valid().Replace("documents/cp/03.md", rfc, smime));
        Assert.True(c.ErrorCount == 0, c.Dump());
        Assert.Empty(c.Of("PD0101"));
        var renumbered = c.Of("PD0104");
        Assert.Equal(5, renumbered.Count);
        Assert.All(renumbered, d => Assert.Contains("S/MIME Baseline Requirements", d.Message, StringComparison.Ordinal));
        var doc = c.Published!.Set.Documents[0];
        Assert.Equal("3.2.2", doc.Find("3.2.3")!.Outline!.Id);
        Assert.Equal("3.2.6", doc.Find("3.2.7")!.Outline!.Id);
        Assert.Null(doc.Find("3.2.2")!.Outline);
        var strict = Run.Compile(PolicySetBuilder.Valid().Replace("documents/cp/03.md", rfc, smime), strict: true);
        Assert.Equal(5, strict.Of("PD0104").Count(d => d.Severity == Severity.Error));
    }

    [Fact]
    public void ShiftedSectionsAreReportedAsRenumberedNotSilentlyMismatched()
    {
        // 6.1.3 is left out and 6.1.4–6.1.7 moved up one number.
        var b = PolicySetBuilder.Valid().Edit("documents/cp/06.md", t => t
            .Replace("### 6.1.3 Public key delivery to certificate issuer\n\nText of 6.1.3.\n\n", "", StringComparison.Ordinal)
            .Replace("### 6.1.4 CA public key delivery", "### 6.1.3 CA public key delivery", StringComparison.Ordinal)
            .Replace("### 6.1.5 Key sizes", "### 6.1.4 Key sizes", StringComparison.Ordinal)
            .Replace("### 6.1.6 Public key parameters", "### 6.1.5 Public key parameters", StringComparison.Ordinal)
            .Replace("### 6.1.7 Key usage purposes", "### 6.1.6 Key usage purposes", StringComparison.Ordinal));
        var c = Run.Compile(b);
        var renumbered = c.Of("PD0104");
        Assert.True(renumbered.Count == 4, c.Dump());
        Assert.Contains(renumbered, d => d.Message.Contains("Section 6.1.3 \"CA public key delivery to relying parties\" is RFC 3647 section 6.1.4", StringComparison.Ordinal));
        var missing = c.Of("PD0101").Select(d => d.Message.Split(' ')[1]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["6.1.3"], missing);
        var doc = c.Published!.Set.Documents[0];
        Assert.Equal("6.1.7", doc.Find("6.1.6")!.Outline!.Id);
        Assert.Empty(c.Of("PD0103"));
    }

    [Fact]
    public void SectionsOutOfOutlineOrderAreReported()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/02.md",
            "## 2.3 Time or frequency of publication\n\nText of 2.3.\n\n## 2.4 Access controls on repositories\n\nText of 2.4.\n\n",
            "## 2.4 Access controls on repositories\n\nText of 2.4.\n\n## 2.3 Time or frequency of publication\n\nText of 2.3.\n\n");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0102", d.Code);
        Assert.Equal(b.LineOf("documents/cp/02.md", "## 2.3 "), d.Span.Line);
    }
}
