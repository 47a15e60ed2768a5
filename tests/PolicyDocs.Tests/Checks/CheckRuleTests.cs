using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary>Each check rule with an input that makes it fire.</summary>
public sealed class CheckRuleTests
{
    [Fact]
    public void Pd0101RemovingTheHeadingOf442FailsCheckNamingItAtItsFileAndLine()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/04.md", "### 4.4.2 Publication of the certificate by the CA\n\n", "");
        using var tree = b.Write();
        var (code, stdout, _) = Run.Cli("check", "--content", tree.Root);
        Assert.Equal(1, code);
        var line = b.LineOf("documents/cp/04.md", "### 4.4.3 ");
        var expected = $"{tree.PathOf("documents/cp/04.md")}:{line}:1: error PD0101: Section 4.4.2 \"Publication of the certificate by the CA\" is missing";
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Pd0105BlankSection()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "9.17", "<!-- to do -->");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0105", d.Code);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(b.LineOf("documents/cp/09.md", "## 9.17 "), d.Span.Line);
    }

    [Fact]
    public void SectionWithOnlySubsectionsIsNotBlank()
    {
        // Component headings of the generated set have text; a parent with no text but children is fine.
        var c = Run.Compile(PolicySetBuilder.Valid().Replace("documents/cp/04.md", "## 4.9 Certificate revocation and suspension\n\nText of 4.9.\n\n", "## 4.9 Certificate revocation and suspension\n\n"));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
    }

    [Fact]
    public void Pd0106NoStipulationMixedWithOtherText()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "9.17", "No stipulation. The CA also publishes a contact address.");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0106", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Empty(Run.Compile(PolicySetBuilder.Valid().Body("cp", "9.17", "No stipulation.")).Diagnostics);
        Assert.Empty(Run.Compile(PolicySetBuilder.Valid().Body("cp", "9.17", "Sections that impose nothing say \"No stipulation.\" alone.")).Diagnostics);
    }

    [Theory]
    [InlineData("The CA keeps logs. There is no stipulation regarding how often they are read.")]
    [InlineData("No stipulation applies to this practice beyond what section 5.4.1 says.")]
    [InlineData("Reviewers noted no stipulation.")]
    [InlineData("No stipulation.\n\n**Note**: relying parties are advised to check status anyway.")]
    public void Pd0106ProseThatSpeaksOfAStipulationIsNotTheStatement(string body)
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "9.17", body));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
    }

    [Theory]
    [InlineData("No stipulation.\n\nThe CA also publishes a contact address.")]
    [InlineData("The CA publishes a contact address.\n\n**No stipulation**")]
    [InlineData("The CA publishes a contact address. No stipulation.")]
    public void Pd0106TheStatementWithOtherTextIsReportedWhereverItStands(string body)
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "9.17", body));
        Assert.Equal("PD0106", Assert.Single(c.Diagnostics).Code);
    }

    [Fact]
    public void Pd0107OrphanSection()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/04.md", "Text of 4.9.1.\n\n", "Text of 4.9.1.\n\n##### 4.9.1.2.1 Orphaned\n\nText.\n\n");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0107", d.Code);
        Assert.Contains("4.9.1.2", d.Message, StringComparison.Ordinal);
        Assert.Equal(b.LineOf("documents/cp/04.md", "4.9.1.2.1 Orphaned"), d.Span.Line);
    }

    [Fact]
    public void ExtraSubsectionsAfterTheRfcOnesAreAllowed()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Replace("documents/cp/04.md", "Text of 4.9.16.\n\n", "Text of 4.9.16.\n\n### 4.9.17 Revocation of CA certificates\n\nText.\n\n"));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        Assert.Null(c.Published!.Set.Documents[0].Find("4.9.17")!.Outline);
    }

    [Fact]
    public void DataConsistencyRulesFire()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps")
            .Replace("data/roles.yaml", "    - internal-auditor\n", "    - internal-audit\n")
            .Replace("data/cas.yaml", "  parent: root\n", "")
            .Replace("documents/cps/document.yaml", "implements:\n  - cp\n", "implements:\n  - cpx\n"));
        var messages = c.Diagnostics.Select(d => d.Code + " " + d.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("PD0010 Role 'ca-administrator' lists incompatible role 'internal-audit'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("PD0004 CA 'issuing'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("PD0010 Document 'cps' implements 'cpx'", StringComparison.Ordinal));
    }
}
