using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Tests.Support;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Tests.Xrefs;

/// <summary>[[...]] references, xref: links, #fragments, plain mentions and backlinks.</summary>
public sealed class CrossReferenceTests
{
    private static XrefTarget Target(Compilation c, string doc, string section, Func<MarkdownObject, bool>? which = null)
    {
        var body = c.Published!.Set.Find(doc)!.Find(section)!.Body!;
        var node = body.Descendants().First(n => n is XrefInline { Kind: not XrefKind.Anchor } or LinkInline && (which?.Invoke(n) ?? true));
        return c.Published!.Xrefs.Resolve(node) ?? throw new InvalidOperationException("unresolved");
    }

    [Fact]
    public void SectionReferenceGetsGeneratedText()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", "See [[4.9.1]]."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        var t = Target(c, "cp", "4.9.3");
        Assert.Equal(XrefKind.Section, t.Kind);
        Assert.Equal("Section 4.9.1 (Circumstances for revocation)", t.Text);
        Assert.Equal("cp", t.DocumentId);
        Assert.Equal("section-4.9.1", t.Anchor);
    }

    [Fact]
    public void CustomTextReplacesGeneratedText()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", "See [[4.9.1|the reasons]]."));
        Assert.Equal("the reasons", Target(c, "cp", "4.9.3").Text);
    }

    [Fact]
    public void CrossDocumentReferenceAndBacklinks()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps")
            .Body("cps", "4.9.3", "As [[cp:4.9.1]] requires; see also [[cp]].")
            .Body("cp", "4.9.2", "See [[4.9.1]]."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        var t = Target(c, "cps", "4.9.3");
        Assert.Equal("CP Section 4.9.1 (Circumstances for revocation)", t.Text);
        Assert.Equal("cp", t.DocumentId);
        var doc = Target(c, "cps", "4.9.3", n => n is XrefInline { Kind: XrefKind.Document });
        Assert.Equal("Test Certificate Policy cp", doc.Text);

        var back = c.Published!.Xrefs.BacklinksOf("cp", "4.9.1");
        Assert.Equal([("cp", "4.9.2"), ("cps", "4.9.3")], back.Select(b => (b.DocumentId, b.SectionNumber)));
        Assert.Equal("4.9.3 Procedure for revocation request", back[1].Title);
        Assert.Empty(c.Published!.Xrefs.BacklinksOf("cp", "4.9.3"));
    }

    [Fact]
    public void TermRoleAndCaReferencesUseDataNamesAndLinkToTheirDefinitions()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "6.2.1", "Keys live in an [[term:HSM]] run by the [[role:ca-administrator]] of the [[ca:issuing]]; see [[term:relying-party]]."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        var body = c.Published!.Set.Documents[0].Find("6.2.1")!.Body!;
        var targets = body.Descendants<XrefInline>().Select(x => c.Published!.Xrefs.Resolve(x)!).ToList();
        Assert.Equal(["HSM", "CA Administrator", "Test Issuing CA", "Relying Party"], targets.Select(t => t.Text));
        Assert.Equal([XrefKind.Term, XrefKind.Role, XrefKind.Ca, XrefKind.Term], targets.Select(t => t.Kind));
        Assert.Equal(["term-hsm", "role-ca-administrator", "ca-issuing", "term-relying-party"], targets.Select(t => t.Anchor));
        // The generated blocks define those anchors: definitions in 1.6, roles in 5.2.1, CAs in 1.3.1.
        Assert.Equal(["1.6", "5.2.1", "1.3.1", "1.6"], targets.Select(t => t.SectionNumber));
        Assert.Equal("Hardware Security Module", targets[0].Title);
    }

    [Fact]
    public void XrefLinksResolveToSectionsOfOtherDocuments()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps").Body("cps", "4.9.3", "Per [the policy](xref:cp#4.9.1) and [its text](xref:cp)."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        var body = c.Published!.Set.Find("cps")!.Find("4.9.3")!.Body!;
        var links = body.Descendants<LinkInline>().Select(l => c.Published!.Xrefs.Resolve(l)!).ToList();
        Assert.Equal((XrefKind.Section, "cp", "4.9.1"), (links[0].Kind, links[0].DocumentId, links[0].SectionNumber));
        Assert.Equal((XrefKind.Document, "cp"), (links[1].Kind, links[1].DocumentId));
        Assert.Contains(c.Published!.Xrefs.BacklinksOf("cp", "4.9.1"), b => b.DocumentId == "cps");
    }

    [Theory]
    [InlineData("See [[9.99]] for details.", "[[9.99]]")]
    [InlineData("See [[cp:9.99]] for details.", "[[cp:9.99]]")]
    [InlineData("See [[term:HMS]] for details.", "[[term:HMS]]")]
    [InlineData("See [[role:auditor]] for details.", "[[role:auditor]]")]
    [InlineData("See [[ca:issueing]] for details.", "[[ca:issueing]]")]
    [InlineData("See [[nodoc:1.1]] for details.", "[[nodoc:1.1]]")]
    [InlineData("See [the policy](xref:cp#9.99) for details.", "[the policy](xref:cp#9.99)")]
    [InlineData("See [[#no-such-anchor|the rule]] for details.", "[[#no-such-anchor|the rule]]")]
    public void Pd0201UnresolvedReferenceAtItsLineAndColumn(string body, string reference)
    {
        var b = PolicySetBuilder.Valid().Body("cp", "4.9.3", "First line.\n\n" + body);
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0201", d.Code);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.EndsWith("documents/cp/04.md", d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(b.LineOf("documents/cp/04.md", body), d.Span.Line);
        Assert.Equal(body.IndexOf(reference, StringComparison.Ordinal) + 1, d.Span.Column);
    }

    [Fact]
    public void UnresolvedTermSuggestsTheClosestTerm()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", "An [[term:HMS]]."));
        Assert.Contains("did you mean 'HSM'?", Assert.Single(c.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pd0202PlainMentionOfAMissingSectionIsAWarning()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "4.9.3", "Intro.\n\nAs described in Section 6.9.9, keys are kept.");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0202", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(b.LineOf("documents/cp/04.md", "Section 6.9.9"), d.Span.Line);
        Assert.Equal("As described in ".Length + 1, d.Span.Column);
        Assert.Contains("6.9.9", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Domains are validated as in Section 3.2.2.4 of the Baseline Requirements.")]
    [InlineData("Extensions follow RFC 5280 Section 4.2 and RFC 5280 Section 4.2.1.3.")]
    [InlineData("See Section 4.9.1 and Sections 4.9.2 and 4.9.3.")]
    [InlineData("See [Section 6.9.9](https://example.org/other) of another text.")]
    [InlineData("Per [the key agreement standard](https://example.org/ka) Section 5.6.2.3.2, keys are checked.")]
    [InlineData("Keys pass the routines of Sections 5.6.2.3.2 and 5.6.2.3.3, respectively, of NIST SP 800-56A.")]
    [InlineData("Events are logged as Section 5.4.1 (3) of the Network Security Requirements lists them.")]
    [InlineData("Events are logged as Section 5.4.1(b)(ii) of the Network Security Requirements lists them.")]
    [InlineData("Names are as stated in Section 7.1.4.2.2 d, e, f and h of the Baseline Requirements.")]
    [InlineData("Keys follow NIST SP 800-56A (Revision 3) Section 5.6.2.3.2.")]
    [InlineData("Names are encoded per X.509 Section 7.7.7 and ISO/IEC 9594-8 Section 8.8.8.")]
    [InlineData("Profiles follow *the Profiles Standard* Section 7.1.2.3.")]
    [InlineData("OCSP follows Section 2.2 in [the responder profile](https://example.org/ocsp).")]
    [InlineData("See <https://example.org/ocsp> Section 2.2.")]
    [InlineData("Section 4.9.12 of a CA's Practice Statement names the methods.")]
    [InlineData("Section 8.8 of each Subscriber Agreement says so.")]
    public void Pd0202ExternalAndExistingMentionsAreNotReported(string body)
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", body));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
    }

    [Theory]
    [InlineData("See Section 4.9.1, Section 6.9.9 and the rest.")]
    [InlineData("Per [Section 4.9.1](#section-4.9.1) Section 6.9.9 applies.")]
    [InlineData("Keys are kept as Section 6.9.9 (3) of this document says.")]
    [InlineData("Keys are kept by the process of Section 6.9.9 of a kind that lasts.")]
    [InlineData("Sections 4.9.1 and 6.9.9, respectively, of this CP apply.")]
    [InlineData("Keys are kept as **Section 6.9.9** requires.")]
    [InlineData("Keys are kept as Section 6.9.9 and the text in Appendix A say.")]
    public void Pd0202MentionsOfThisDocumentAreStillChecked(string body)
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", body));
        Assert.Contains("6.9.9", Assert.Single(c.Diagnostics, d => d.Code == "PD0202").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pd0203UnresolvedAnchorAndGitHubSlugAnchorsResolve()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "4.9.3",
            "See [4.9.9](#499-on-line-revocationstatus-checking-availability) and [4.9.1](#section-4.9.1).\n\nBroken: [here](#no-such-heading).");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0203", d.Code);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(b.LineOf("documents/cp/04.md", "Broken:"), d.Span.Line);
        Assert.Equal("Broken: ".Length + 1, d.Span.Column);

        var links = c.Published!.Set.Documents[0].Find("4.9.3")!.Body!.Descendants<LinkInline>().ToList();
        var slug = c.Published!.Xrefs.Resolve(links[0])!;
        Assert.Equal((XrefKind.Section, "4.9.9", "section-4.9.9"), (slug.Kind, slug.SectionNumber, slug.Anchor));
        Assert.Equal("4.9.1", c.Published!.Xrefs.Resolve(links[1])!.SectionNumber);
        Assert.Null(c.Published!.Xrefs.Resolve(links[2]));
    }

    [Fact]
    public void AnchorLinksResolveToAnchorsAnywhereInTheDocumentTheirOwnSectionIncluded()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Body("cp", "4.9.3", "[[#grace]]No grace period applies; see [[#grace|the grace rule]].")
            .Body("cp", "4.9.4", "As [[#grace|the grace rule]] says; see [[#section-4.9.1|the reasons]]."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        var same = Target(c, "cp", "4.9.3");
        Assert.Equal((XrefKind.Anchor, "cp", "4.9.3", "grace", "the grace rule"), (same.Kind, same.DocumentId, same.SectionNumber, same.Anchor, same.Text));
        var other = Target(c, "cp", "4.9.4");
        Assert.Equal((XrefKind.Anchor, "4.9.3", "grace"), (other.Kind, other.SectionNumber, other.Anchor));
        var section = Target(c, "cp", "4.9.4", n => n is XrefInline { Target: "section-4.9.1" });
        Assert.Equal((XrefKind.Section, "4.9.1", "the reasons"), (section.Kind, section.SectionNumber, section.Text));
    }

    [Fact]
    public void AnchorLinkToAMissingAnchorIsPd0201WithTheClosestAnchor()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", "[[#grace]]No grace period applies; see [[#grase|the grace rule]]."));
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0201", d.Code);
        Assert.Contains("[[#grase|the grace rule]]: this document has no anchor 'grase' (did you mean 'grace'?)", d.Message, StringComparison.Ordinal);
        // An anchor of another document is not one of this document's.
        var other = Run.Compile(PolicySetBuilder.Valid("cp", "cps").Body("cp", "4.9.3", "[[#grace]]No grace period.").Body("cps", "4.9.3", "See [[#grace|the grace rule]]."));
        Assert.Equal("PD0201", Assert.Single(other.Diagnostics).Code);
    }

    [Fact]
    public void AnchorsDefinedInProseCanBeLinked()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", "[[#grace-period]]The grace period.").Body("cp", "4.9.4", "See [the grace period](#grace-period)."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        Assert.Equal("4.9.3", c.Published!.Xrefs.AnchorsOf("cp")["grace-period"]);
    }
}
