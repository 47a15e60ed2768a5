using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>policyset.yaml <c>page</c> (paper size of the Word documents) and <c>lang</c> (their language).</summary>
public sealed class PageAndLanguageTests
{
    private static PolicySetBuilder WithSetKeys(string yaml) => PolicySetBuilder.Valid("cp", "cps").Edit("policyset.yaml", y => y + yaml);

    [Fact]
    public void Both_are_read_and_absent_they_are_not_stated()
    {
        var c = Run.Compile(WithSetKeys("page: letter\nlang: en-US\n"));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        Assert.Equal(PaperSize.Letter, c.Published!.Set.Info.Page);
        Assert.Equal("en-US", c.Published!.Set.Info.Language);

        var a4 = Run.Compile(WithSetKeys("page: a4\n"));
        Assert.Equal(PaperSize.A4, a4.Published!.Set.Info.Page);

        var plain = Run.Compile(PolicySetBuilder.Valid("cp", "cps"));
        Assert.Null(plain.Published!.Set.Info.Page);
        Assert.Null(plain.Published!.Set.Info.Language);
    }

    [Fact]
    public void An_unknown_paper_size_is_a_bad_value_at_its_line_naming_the_sizes()
    {
        var b = WithSetKeys("page: legal\n");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Of("PD0008"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(b.LineOf("policyset.yaml", "page: legal"), d.Span.Line);
        Assert.Contains("'legal'", d.Message, StringComparison.Ordinal);
        Assert.Contains("a4, letter", d.Message, StringComparison.Ordinal);
        Assert.Null(c.Published?.Set.Info.Page);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("de-CH")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    [InlineData("sl-rozaj-biske")]
    [InlineData("en-US-x-legal")]
    public void Well_formed_language_tags_are_taken_as_written(string tag)
    {
        var c = Run.Compile(WithSetKeys($"lang: {tag}\n"));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        Assert.Equal(tag, c.Published!.Set.Info.Language);
    }

    [Theory]
    [InlineData("English")]
    [InlineData("en_GB")]
    [InlineData("en-")]
    [InlineData("\"en GB\"")]
    [InlineData("e")]
    public void A_language_that_is_no_BCP_47_tag_is_an_error_and_left_out(string tag)
    {
        var b = WithSetKeys($"lang: {tag}\n");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Of("PD0008"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(b.LineOf("policyset.yaml", "lang: "), d.Span.Line);
        Assert.Contains("BCP 47", d.Message, StringComparison.Ordinal);
        Assert.Contains("en-US", d.Message, StringComparison.Ordinal);
        Assert.Null(c.Published?.Set.Info.Language);
    }

    [Fact]
    public void A_documents_own_bad_lang_is_a_warning_since_other_tools_read_that_key()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp").Edit("documents/cp/document.yaml", y => y + "lang: British English\n"));
        var d = Assert.Single(c.Of("PD0008"));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Null(c.Published!.Set.Documents[0].Info.Language);
    }

    [Fact]
    public void The_site_says_the_policy_sets_language_unless_the_documents_state_another()
    {
        Assert.Contains("<html lang=\"en-US\"", HomePage(WithSetKeys("lang: en-US\n")), StringComparison.Ordinal);
        var french = WithSetKeys("lang: en-US\n").Edit("documents/cp/document.yaml", y => y + "lang: fr\n").Edit("documents/cps/document.yaml", y => y + "lang: fr\n");
        Assert.Contains("<html lang=\"fr\"", HomePage(french), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", HomePage(PolicySetBuilder.Valid("cp", "cps")), StringComparison.Ordinal);
    }

    private static string HomePage(PolicySetBuilder b)
    {
        using var tree = new TempTree();
        var content = b.WriteTo(Path.Combine(tree.Root, "content"));
        var site = Path.Combine(tree.Root, "site");
        var (code, output, _) = Run.Cli("build", "--content", content, "--output", site);
        Assert.True(code == 0, output);
        return File.ReadAllText(Path.Combine(site, "index.html"));
    }
}
