using PolicyDocs.Pipeline;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>A heading may limit a section's practice to some of the document's CAs: <c>{cas=root}</c>.</summary>
public sealed class SectionCaTests
{
    private static PolicySetBuilder WithExtra(string heading) =>
        PolicySetBuilder.Valid().Replace("documents/cp/06.md", "### 6.2.9 ", $"#### 6.2.8.1 {heading}\n\nOnly during ceremonies.\n\n### 6.2.9 ");

    [Fact]
    public void The_ca_attribute_is_read_from_the_heading_and_shown_on_the_site()
    {
        using var tree = WithExtra("Root key activation {cas=root}").Write();
        var c = Run.Compile(tree.Root);
        Assert.Equal(0, c.ErrorCount);
        var s = c.Published!.Set.Find("cp")!.Find("6.2.8.1")!;
        Assert.Equal("Root key activation", s.Title);
        Assert.Equal(["root"], s.Cas);
        var html = System.Text.Encoding.UTF8.GetString(SiteBuilder.Build(c.Published!).Output.Get("cp/index.html")!);
        Assert.Contains("<p class=\"section-cas\"><span class=\"backlinks-label\">Applies to:</span> <a class=\"badge\" href=\"../index.html#ca-root\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_ca_is_an_error_at_the_heading()
    {
        var b = WithExtra("Root key activation {cas=rot}");
        using var tree = b.Write();
        var d = Assert.Single(Run.Compile(tree.Root).Of("PD0010"));
        Assert.Contains("'rot'", d.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'root'", d.Message, StringComparison.Ordinal);
        Assert.Equal(b.LineOf("documents/cp/06.md", "#### 6.2.8.1"), d.Span.Line);
    }
}
