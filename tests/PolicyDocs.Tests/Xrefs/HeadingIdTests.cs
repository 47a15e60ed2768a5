using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Checks;
using PolicyDocs.Compiling;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Tests.Loading;
using PolicyDocs.Tests.Support;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Tests.Xrefs;

/// <summary>Links to headings by the ids GitHub and pandoc give them, and relative links checked at their source.</summary>
public sealed class HeadingIdTests
{
    /// <summary>A single-file CP/CPS whose section 1.1 holds <paramref name="links"/>, section 4.9.3 two "Steps"
    /// headings, and appendices with numbered sections.</summary>
    internal static string Document(string links) =>
        SingleFileLayoutTests.CaStyleDocument(e => e.Id switch
        {
            "1.1" => links,
            "4.9.3" => "#### Steps\n\nFirst.\n\n#### Steps\n\nSecond.",
            _ => $"Text of {e.Id}.",
        }) + "\n# Appendix C – Contact Methods\n\n## C.1. Mail Methods\n\n### C.1.1. Email *Contact* Property\n\nMail.\n\n" +
             "# Appendix D - Country Rules\n\n### Country Procedures\n\n#### D-1. Japan\n\nRules.\n";

    private static Compilation Compile(string links) => Run.Compile(PolicySetBuilder.SingleFile("x.md", Document(links)));

    private static List<XrefTarget?> Targets(Compilation c)
    {
        var doc = c.Published!.Set.Documents.Single();
        return [.. doc.Find("1.1")!.Body!.Descendants<LinkInline>().Select(l => c.Published!.Xrefs.Resolve(l))];
    }

    [Fact]
    public void GitHub_ids_of_appendices_their_sections_and_body_headings_resolve()
    {
        var c = Compile("[a](#c11-email-contact-property), [b](#appendix-c--contact-methods), [c](#d-1-japan), " +
                        "[d](#appendix-d---country-rules), [e](#steps-1), [f](#country-procedures), [g](#491-circumstances-for-revocation).");
        Assert.True(c.ErrorCount == 0, c.Dump());
        var t = Targets(c);
        Assert.Equal(("C.1.1", "appendix-c.1.1", XrefKind.Section), (t[0]!.SectionNumber, t[0]!.Anchor, t[0]!.Kind));
        Assert.Equal("appendix-c", t[1]!.Anchor);
        Assert.Equal("appendix-d-1", t[2]!.Anchor);
        Assert.Equal("appendix-d", t[3]!.Anchor);
        Assert.Equal(("4.9.3", "steps-1", XrefKind.Anchor), (t[4]!.SectionNumber, t[4]!.Anchor, t[4]!.Kind));
        Assert.Equal(("D", "country-procedures"), (t[5]!.SectionNumber, t[5]!.Anchor));
        Assert.Equal("section-4.9.1", t[6]!.Anchor);
        var steps = c.Published!.Set.Documents.Single().Find("4.9.3")!.Body!.Descendants<HeadingBlock>().Select(c.Published!.Xrefs.IdOf);
        Assert.Equal(["steps", "steps-1"], steps);
    }

    [Fact]
    public void Pandoc_ids_are_other_names_for_the_same_headings()
    {
        var c = Compile("[a](#circumstances-for-revocation), [b](#c.1.1.-email-contact-property).");
        Assert.True(c.ErrorCount == 0, c.Dump());
        var t = Targets(c);
        Assert.Equal("section-4.9.1", t[0]!.Anchor);
        Assert.Equal("appendix-c.1.1", t[1]!.Anchor);
    }

    [Fact]
    public void A_link_to_no_heading_is_still_an_error()
    {
        var c = Compile("[a](#c12-no-such-property).");
        Assert.Contains("#c12-no-such-property", Assert.Single(c.Of("PD0203")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("Appendix B – Onion Domains", "appendix-b--onion-domains")]
    [InlineData("E - Signer's Warranty (Informative)", "e---signers-warranty-informative")]
    [InlineData("D-1. Japan", "d-1-japan")]
    public void GitHub_slugs(string heading, string slug) => Assert.Equal(slug, GitHubSlug.Of(heading));

    [Fact]
    public void Repeated_ids_are_numbered_as_GitHub_numbers_them()
    {
        var slugger = new GitHubSlugger();
        Assert.Equal(["a", "a-1", "a-1-1", "a-2"], new[] { "a", "a", "a-1", "a" }.Select(slugger.Next));
    }

    [Theory]
    [InlineData("4.9.1 Circumstances for revocation", "circumstances-for-revocation")]
    [InlineData("A.1.1. CAA Methods", "a.1.1.-caa-methods")]
    [InlineData("1.2.3", "section")]
    public void Pandoc_ids(string heading, string id) => Assert.Equal(id, GitHubSlug.Pandoc(heading));

    [Fact]
    public void A_relative_link_naming_a_heading_is_an_error_at_its_source_with_a_fix()
    {
        var c = Compile("See\n[the definitions](16-definitions-and-acronyms) here.");
        var d = Assert.Single(c.Of("PD0205"));
        Assert.EndsWith("x.md", d.Span.Path, StringComparison.Ordinal);
        Assert.Contains("'#16-definitions-and-acronyms'", d.Message, StringComparison.Ordinal);
        Assert.Equal(new TextFix("](16-definitions-and-acronyms", "](#16-definitions-and-acronyms"), d.Fix);
    }

    [Fact]
    public void A_relative_link_to_a_page_the_site_lacks_is_an_error_without_a_fix()
    {
        var c = Compile("[a](../elsewhere/page.html) and [b](notes.pdf).");
        var ds = c.Of("PD0205");
        Assert.Equal(2, ds.Count);
        Assert.All(ds, d => Assert.Null(d.Fix));
        Assert.Contains("elsewhere/page.html", ds[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_link_to_a_document_page_is_a_link_to_that_document()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps").Body("cp", "1.1", "See [the CPS](../cps/) and [its 1.2](../cps/index.html#section-1.2)."));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var links = c.Published!.Set.Find("cp")!.Find("1.1")!.Body!.Descendants<LinkInline>().Select(c.Published!.Xrefs.Resolve).ToList();
        Assert.Equal((XrefKind.Document, "cps"), (links[0]!.Kind, links[0]!.DocumentId));
        Assert.Equal((XrefKind.Section, "cps", "1.2"), (links[1]!.Kind, links[1]!.DocumentId, links[1]!.SectionNumber));
    }

    [Fact]
    public void The_fixer_edits_only_the_text_at_the_diagnostic()
    {
        var bytes = "a](x) b](x)\r\nc](x)\n"u8.ToArray();
        var (fixedBytes, count) = TextFixer.Apply(bytes, [(1, 5, new TextFix("](x", "](#x")), (2, 1, new TextFix("](y", "](#y"))]);
        Assert.Equal(1, count);
        Assert.Equal("a](x) b](#x)\r\nc](x)\n", System.Text.Encoding.UTF8.GetString(fixedBytes));
    }

    [Fact]
    public void Check_fix_adds_the_missing_hash_and_the_document_then_checks_clean()
    {
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("x.md", Document("See [the definitions](16-definitions-and-acronyms).")).WriteTo(tree.Root);
        var (code, _, _) = Run.Cli("check", "--fix", "--content", path);
        Assert.Equal(0, code);
        Assert.Contains("[the definitions](#16-definitions-and-acronyms)", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Empty(Run.Compile(path).Of("PD0205"));
    }
}
