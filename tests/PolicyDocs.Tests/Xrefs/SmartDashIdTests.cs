using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Tests.Support;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Tests.Xrefs;

/// <summary>Links to headings whose text has "--", by the ids GitHub and pandoc give them; appendix titles after a hyphen.</summary>
public sealed class SmartDashIdTests
{
    private static XrefTarget? Resolve(PolicyDocs.Compiling.Compilation c, string section) =>
        c.Published!.Xrefs.Resolve(c.Published.Set.Find("cp")!.Find(section)!.Body!.Descendants<LinkInline>().Single());

    [Theory]
    [InlineData("12-document-name----identification")] // GitHub: each space a hyphen, "--" kept
    [InlineData("12-document-name--identification")]   // pandoc with smart dashes and GFM ids: "--" is an en dash
    [InlineData("document-name-identification")]       // pandoc's own ids, smart dashes read first
    public void ADoubleHyphenInAHeadingResolvesAsGitHubAndPandocSpellIt(string id)
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Edit(PolicySetBuilder.FileFor("cp", "1"), t => t.Replace("## 1.2 Document name and identification", "## 1.2 Document name -- identification", StringComparison.Ordinal))
            .Body("cp", "4.9.2", $"See [the name](#{id})."));
        Assert.Empty(c.Of("PD0203"));
        Assert.Equal("1.2", Resolve(c, "4.9.2")!.SectionNumber);
    }

    [Fact]
    public void AnAppendixTitleAfterAHyphenResolvesByItsGitHubId()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Edit(PolicySetBuilder.FileFor("cp", "9"), t => t + "# Appendix A - Sample letters\n\nLetters.\n")
            .Body("cp", "4.9.2", "See [the letters](#appendix-a---sample-letters)."));
        Assert.Empty(c.Of("PD0203"));
        Assert.Equal("A", Resolve(c, "4.9.2")!.SectionNumber);
    }

    [Fact]
    public void SmartDashesMakeEnAndEmDashes()
    {
        Assert.Equal("a \u2013 b \u2014 c", GitHubSlug.SmartDashes("a -- b --- c"));
        Assert.Equal("12-name--identification", GitHubSlug.Smart("1.2 Name -- identification"));
    }

    [Fact]
    public void AHeadingWithARunOfSpacesResolvesByPandocsIdAsWellAsGitHubs()
    {
        Assert.Equal("7-profiles", GitHubSlug.Smart("7.  PROFILES"));
        Assert.Equal("7--profiles", GitHubSlug.Of("7.  PROFILES"));
        foreach (var id in new[] { "12-document-name-and-identification", "12--document-name-and-identification" })
        {
            var c = Run.Compile(PolicySetBuilder.Valid()
                .Edit(PolicySetBuilder.FileFor("cp", "1"), t => t.Replace("## 1.2 Document name and identification", "## 1.2  Document name and identification", StringComparison.Ordinal))
                .Body("cp", "4.9.2", $"See [the name](#{id})."));
            Assert.Empty(c.Of("PD0203"));
            Assert.Equal("1.2", Resolve(c, "4.9.2")!.SectionNumber);
        }
    }
}

/// <summary>A web address written without its scheme is a relative link the site cannot serve: check says so at the link, with the fix.</summary>
public sealed class SchemelessLinkTests
{
    [Theory]
    [InlineData("example.org/specs/pfx.txt", true)]
    [InlineData("www.example.org", true)]
    [InlineData("annex/terms.html", false)]
    [InlineData("terms.pdf", false)]
    public void AWebAddressWithoutSchemeGetsTheHint(string url, bool hinted)
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", $"Keys follow [the format]({url}) here."));
        var error = Assert.Single(c.Of("PD0205"));
        var section = c.Published!.Set.Find("cp")!.Find("4.9.3")!;
        Assert.Equal(section.Span.Path, error.Span.Path);
        Assert.Equal(section.SourceLine + section.Source.Split('\n').ToList().FindIndex(l => l.StartsWith("Keys", StringComparison.Ordinal)), error.Span.Line);
        Assert.Equal(hinted, error.Message.Contains($"write https://{url}", StringComparison.Ordinal));
    }
}
