using PolicyDocs.Cli;
using PolicyDocs.Model;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Tests.Support;
using Xunit;


namespace PolicyDocs.Tests.Rendering.Html;

public sealed class SiteBuildFailureTests
{
    [Fact]
    public void A_dangling_link_from_an_overridden_template_fails_the_build_and_writes_nothing()
    {
        using var dir = new TempTree();
        var content = TestPolicySet.Builder()
            .Set("templates/site/partials/footer.sbn", "<footer><a href=\"{{ page.root }}missing/index.html\">gone</a></footer>\n")
            .WriteTo(dir.PathOf("content"));
        var output = dir.PathOf("site");
        var (code, stdout, _) = Run.Cli("build", "--content", content, "--output", output);
        Assert.Equal(CliApp.Findings, code);
        // Located at the templates that wrote the link, never in the output that was not written.
        Assert.DoesNotContain("site/index.html:", stdout, StringComparison.Ordinal);
        Assert.Contains("templates/site/:1:1: error PD0401: The site page cp/index.html links '../missing/index.html'", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("index.sbn", "<main id=\"main\">{{ if }}</main>", "templates/site/index.sbn:1:")]
    [InlineData("partials/footer.sbn", "<footer>{{ site.no_such_value }}</footer>", "templates/site/partials/footer.sbn:1:")]
    public void A_broken_site_template_is_a_diagnostic_not_a_crash(string file, string text, string where)
    {
        using var dir = new TempTree();
        var content = TestPolicySet.Builder().Set("templates/site/" + file, text).WriteTo(dir.PathOf("content"));
        var build = PolicyDocs.Pipeline.SiteBuilder.Build(Run.Compile(content).Published!);
        Assert.True(build.HasErrors);
        Assert.All(build.Diagnostics, d => Assert.Equal("PD0402", d.Code));
        Assert.StartsWith(where, build.Diagnostics[0].Span.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Version_ranges_follow_the_revision_dates()
    {
        var info = new DocumentInfo
        {
            Id = "cp", Kind = DocumentKind.Cp, Title = "T", ShortTitle = "T", Version = "2.0", Status = DocumentStatus.Draft,
            EffectiveDate = new DateOnly(2027, 1, 1), Span = SourceSpan.File("x"),
            Revisions =
            [
                new Revision("1.1", new DateOnly(2026, 1, 1), "b", null, SourceSpan.File("x")),
                new Revision("1.0", new DateOnly(2025, 1, 1), "a", null, SourceSpan.File("x")),
            ],
        };
        var v = VersionHistory.Of(info);
        Assert.Equal(["1.0", "1.1", "2.0"], v.Select(x => x.Version).ToArray());
        Assert.Equal(new DateOnly(2026, 1, 1), v[0].Until);
        Assert.Null(v[1].Until);
        Assert.True(v[1].InEffect);
        Assert.False(v[2].InEffect);
        Assert.True(v[2].IsCurrent);
    }
}
