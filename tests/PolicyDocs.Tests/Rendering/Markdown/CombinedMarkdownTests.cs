using System.Xml.Linq;
using PolicyDocs.Pipeline;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Diff;
using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Rendering.Markdown;
using PolicyDocs.Tests.Rendering.Docx;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Markdown;

/// <summary>
/// The combined, authoritative Markdown download: plain GitHub-flavoured Markdown rendered from the section trees,
/// which compiles by itself as a single-file CP/CPS and reads exactly as the site and the Word file do.
/// Golden/combined-markdown.md is rewritten with POLICYDOCS_UPDATE_GOLDEN=1 after an intended change.
/// </summary>
public sealed class CombinedMarkdownTests
{
    private static readonly Lazy<(Compilation Compilation, SiteBuild Build)> Sample = new(() =>
    {
        var c = DocxTestKit.Sample();
        Assert.True(c.ErrorCount == 0, c.Dump());
        var build = SiteBuilder.Build(c.Published!);
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        return (c, build);
    });

    private static string Download(PolicyDocument doc) =>
        Encoding.UTF8.GetString(Sample.Value.Build.Output.Get(CombinedMarkdown.PathOf(doc.Info))!);

    public static TheoryData<string> SampleDocuments => ["cp", "cps"];

    /// <summary>Writes the download and the image files shipped beside it, as a reader downloads them.</summary>
    private static string WriteDownload(TempTree tree, PolicyDocument doc, string name)
    {
        var folder = PolicyDocs.Output.SitePaths.MarkdownImageFolder(doc.Info.Id, doc.Info.VersionKey);
        var download = PolicySetBuilder.SingleFile(name, Download(doc));
        foreach (var (path, bytes) in Sample.Value.Build.Output.Files.Where(f => f.Key.StartsWith(folder, StringComparison.Ordinal)))
            download.WithBytes(path["downloads/".Length..], bytes);
        return download.WriteTo(tree.Root);
    }

    [Theory]
    [MemberData(nameof(SampleDocuments))]
    public void Sample_download_has_no_policydocs_syntax_and_builds_by_itself_with_no_errors(string id)
    {
        var doc = Sample.Value.Compilation.Published!.Set.Find(id)!;
        var md = Download(doc);
        Assert.DoesNotContain("[[", md, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", md, StringComparison.Ordinal);
        Assert.DoesNotContain("xref:", md, StringComparison.Ordinal);

        using var tree = new TempTree();
        var path = WriteDownload(tree, doc, $"{id}-{doc.Info.Version}.md");
        var (code, stdout, stderr) = Run.Cli("build", "--content", path, "--output", tree.PathOf("site"));
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("(0 errors, 0 warnings)", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_references_become_links_to_headings_of_the_file_and_to_the_other_documents_page()
    {
        var md = Download(Sample.Value.Compilation.Published!.Set.Find("cps")!);
        Assert.Contains("[Section 1.3.1 (Certification authorities)](#131-certification-authorities)", md, StringComparison.Ordinal);
        Assert.Contains("[CP Section 1.2 (Document name and identification)](https://pki.northwind-trust.example/cp/index.html#section-1.2)", md, StringComparison.Ordinal);
        // A role links the section that defines it, a heading the file has.
        Assert.Contains("[Certificate Manager](#521-trusted-roles)", md, StringComparison.Ordinal);
        // Every fragment link lands on a heading of the file, as GitHub names it.
        var headings = Regex.Matches(md, "^#{1,6} (.+)$", RegexOptions.Multiline).Select(m => PolicyDocs.Xrefs.GitHubSlug.Of(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var fragments = Regex.Matches(md, @"\]\(#([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(fragments);
        Assert.All(fragments, f => Assert.Contains(f, headings));
        Assert.StartsWith("---\nid: \"cps\"\nkind: \"cps\"\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\ncas:", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\nimplements:", md, StringComparison.Ordinal);
        Assert.Contains("\nname: \"Northwind Trust Services PKI Policy Set\"\npublisher: \"Northwind PKI Policy Authority\"\n", md, StringComparison.Ordinal);
    }

    /// <summary>The text of every section of the sample in the three formats: the site page, the Word file, and the
    /// combined Markdown compiled again on its own. Whitespace is normalised; nothing else is.</summary>
    [Theory]
    [MemberData(nameof(SampleDocuments))]
    public void Sample_text_of_the_site_the_word_file_and_the_combined_markdown_agree(string id)
    {
        var (compilation, build) = Sample.Value;
        var doc = compilation.Published!.Set.Find(id)!;

        var site = SiteText(Encoding.UTF8.GetString(build.Output.Get(id + "/index.html")!));
        var word = WordText(build.Output.Get(DocxNames.DownloadPath(doc.Info))!, doc);

        using var tree = new TempTree();
        var again = Run.Compile(WriteDownload(tree, doc, $"{id}-{doc.Info.Version}.md"));
        Assert.True(again.ErrorCount == 0, again.Dump());
        var markdown = ModelText(again.Published!.Set.Documents.Single(), again.Published!.Xrefs);

        Assert.True(site.Length > 10_000, site);
        AssertSameText("site", site, "Word", word);
        AssertSameText("site", site, "combined Markdown", markdown);
    }

    [Fact]
    public void Fixture_renders_as_the_golden_markdown()
    {
        var c = Run.Compile(Fixture());
        Assert.True(Errors(c).Length == 0, string.Join("\n", Errors(c)));
        Golden.AssertMatches("combined-markdown.md", CombinedMarkdown.Render(c.Published!.Of(c.Published!.Set.Find("cps")!)));
    }

    [Fact]
    public void Fixture_download_builds_by_itself_and_keeps_its_text()
    {
        var c = Run.Compile(Fixture());
        var doc = c.Published!.Set.Find("cps")!;
        Assert.True(Errors(c).Length == 0, string.Join("\n", Errors(c)));
        var again = Run.Compile(PolicySetBuilder.SingleFile("cps.md", CombinedMarkdown.Render(c.Published!.Of(doc))));
        Assert.True(Errors(again).Length == 0, string.Join("\n", Errors(again)));
        AssertSameText("folder", ModelText(doc, c.Published!.Xrefs), "combined Markdown", ModelText(again.Published!.Set.Documents.Single(), again.Published!.Xrefs));
        // Rendering the file's own model gives the file again, but for what only the policy set knows (its CAs, its CP).
        var twice = CombinedMarkdown.Render(again.Published!.Of(again.Published!.Set.Documents.Single()));
        Assert.Equal(Body(CombinedMarkdown.Render(c.Published!.Of(doc))), Body(twice));
    }

    [Fact]
    public void A_single_file_cp_cps_renders_as_a_file_that_gives_the_same_model_and_the_same_file_again()
    {
        var c = Run.Compile(PolicySetBuilder.SingleFile("example.md", PolicyDocs.Tests.Loading.SingleFileLayoutTests.CaStyleDocument()));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var doc = c.Published!.Set.Documents.Single();
        var md = CombinedMarkdown.Render(c.Published!.Of(doc));
        Assert.Contains("---\n\n# Example CA CP/CPS\n\nCopyright notice.\n\n# 1. INTRODUCTION\n", md, StringComparison.Ordinal);
        Assert.Contains("\n###### 4.9.1.1.1.1 Reported by the subscriber\n", md, StringComparison.Ordinal);
        Assert.Contains("\n# Appendix A – Organization Names\n\n## 1. Organization Names\n\nNames are checked.\n", md, StringComparison.Ordinal);

        var again = Run.Compile(PolicySetBuilder.SingleFile("again/example.md", md));
        Assert.True(again.ErrorCount == 0, again.Dump());
        var second = again.Published!.Set.Documents.Single();
        Assert.Equal(ModelText(doc, c.Published!.Xrefs), ModelText(second, again.Published!.Xrefs));
        Assert.Equal(doc.Info with { Span = second.Info.Span }, second.Info, new InfoComparer());
        Assert.Equal(md, CombinedMarkdown.Render(again.Published!.Of(second)));
    }

    private sealed class InfoComparer : IEqualityComparer<DocumentInfo>
    {
        public bool Equals(DocumentInfo? x, DocumentInfo? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Kind == y.Kind && x.Title == y.Title && x.ShortTitle == y.ShortTitle
            && x.Oid == y.Oid && x.Version == y.Version && x.EffectiveDate == y.EffectiveDate && x.Status == y.Status
            && x.Revisions.Select(r => (r.Version, r.Date, r.Summary, r.Approval)).SequenceEqual(y.Revisions.Select(r => (r.Version, r.Date, r.Summary, r.Approval)));

        public int GetHashCode(DocumentInfo obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_text_stays_text_when_the_file_is_read_again()
    {
        // Escaped markup, a refused link's text and an unmatched bracket: none may become a link, HTML or code.
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "1.1",
            "Escaped \\<b\\>bold\\</b\\> \\[x\\](evil.html) \\`code\\` \\&amp; and {{ \"{{\" }}x}} \\[[4.9.1]] " +
            "and [refused](javascript:alert(1)) and a [ lone bracket, [[ two and ![ three."));
        Assert.All(c.Diagnostics.Where(d => d.Severity == Severity.Error), d => Assert.Equal("PD0306", d.Code));
        var md = CombinedMarkdown.Render(c.Published!.Of(c.Published!.Set.Find("cp")!));
        Assert.DoesNotContain("[[", md, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", md, StringComparison.Ordinal);
        var section = Section(md, "1.1 Overview", "1.2 ");
        var body = PolicyDocs.Markdown.PolicyMarkdown.Parse(section);
        Assert.True(!body.Descendants<HtmlInline>().Any() && !body.Descendants<CodeInline>().Any() && !body.Descendants<LinkInline>().Any(), section);
        var text = string.Join(" ", body.Descendants<ParagraphBlock>().Select(p => PolicyDocs.Xrefs.InlineText.Of(p.Inline, null)));
        Assert.Contains("Escaped <b>bold</b> [x](evil.html) `code` &amp; and {{x}} [[4.9.1]] and refused and a [ lone bracket, [[ two and ![ three.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_base_url_references_to_another_document_are_text()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps")
            .WithSet(PolicySetBuilder.DefaultSet("cp", "cps") with { BaseUrl = null })
            .Body("cps", "1.1", "See [[cp:4.9.1]], [the CP](xref:cp#4.9.1) and [[4.9.1]]."));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var md = CombinedMarkdown.Render(c.Published!.Of(c.Published!.Set.Find("cps")!));
        Assert.Contains("See CP Section 4.9.1 (Circumstances for revocation), the CP and [Section 4.9.1 (Circumstances for revocation)](#491-circumstances-for-revocation).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Footnotes_of_different_sections_keep_their_own_labels_and_headings_stay_below_their_section()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Body("cp", "1.1", "# Top heading\n\nOne.[^1]\n\n[^1]: First note.")
            .Body("cp", "4.9.1", "Two.[^1]\n\n[^1]: Second note."));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var md = CombinedMarkdown.Render(c.Published!.Of(c.Published!.Set.Find("cp")!));
        Assert.Contains("\n### Top heading\n", md, StringComparison.Ordinal);
        Assert.Contains("One.[^1-1-1]", md, StringComparison.Ordinal);
        Assert.Contains("\n[^1-1-1]: First note.\n", md, StringComparison.Ordinal);
        Assert.Contains("Two.[^4-9-1-1]", md, StringComparison.Ordinal);
        Assert.Contains("\n[^4-9-1-1]: Second note.\n", md, StringComparison.Ordinal);
        var again = Run.Compile(PolicySetBuilder.SingleFile("cp.md", md));
        Assert.True(again.ErrorCount == 0, again.Dump());
        var notes = again.Published!.Set.Documents.Single().AllSections.SelectMany(s => s.Body?.Descendants<Markdig.Extensions.Footnotes.Footnote>() ?? [])
            .Select(f => string.Join(" ", f.Descendants<ParagraphBlock>().Select(p => PolicyDocs.Xrefs.InlineText.Of(p.Inline, null))));
        Assert.Equal(["First note.", "Second note."], notes);
    }

    /// <summary>A CPS with references of every kind, generated tables, a list, a quote, code, a subheading, a
    /// footnote and an appendix; its CP has the whole outline.</summary>
    private static PolicySetBuilder Fixture()
    {
        var b = PolicySetBuilder.Valid("cp", "cps");
        foreach (var file in b.Files.Keys.Where(k => k.StartsWith("documents/cps/", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal)).ToList())
            b.Remove(file);
        string[] kept = ["1", "1.1", "1.2", "1.3", "1.3.1", "1.6", "4", "4.9", "4.9.1", "4.9.4", "5", "5.2", "5.2.1", "9", "9.17"];
        return b.WithOutline("cps", e => kept.Contains(e.Id))
        .Body("cps", "1.1", "This CPS implements [[cp]]. Requests follow [[4.9.1]] and [[cp:4.9.1]]; the [[role:ca-administrator]] of the " +
                            "[[ca:issuing]] uses an [[term:HSM]], see [[4.9.1|the reasons]].\n\n" +
                            "#### Steps\n\n1. Read [the policy](xref:cp#4.9.2) and [4.9.4](#494-revocation-request-grace-period).\n" +
                            "2. Check *emphasis*, **strong**, ~~struck~~ and `code`.\n\n> A quote with a [link](https://example.org/a_b \"Title\").\n\n" +
                            "```\nfenced code\n```\n\n- [x] done\n- [ ] open\n\nA note.[^1]\n\n[^1]: Hours are calendar hours.")
        .Body("cps", "4.9.4", "[[#grace]]No grace period; see [[cps]] and [the grace rule](#grace).")
        .Edit(PolicySetBuilder.FileFor("cps", "9"), t => t + "# Appendix A Profiles\n\nSee [[1.3.1]] and [[term:Relying Party]].\n\n");
    }

    /// <summary>Errors other than the outline sections the fixture leaves out on purpose (PD0101).</summary>
    private static string[] Errors(Compilation c) =>
        [.. c.Diagnostics.Where(d => d.Severity == Severity.Error && d.Code != "PD0101").Select(d => d.ToString())];

    /// <summary>The Markdown between the heading that ends with <paramref name="heading"/> and the next that holds <paramref name="next"/>.</summary>
    private static string Section(string md, string heading, string next)
    {
        var start = md.IndexOf(heading + "\n", StringComparison.Ordinal) + heading.Length + 1;
        return md[start..md.IndexOf("# " + next, start, StringComparison.Ordinal)];
    }

    /// <summary>The Markdown after the front matter.</summary>
    private static string Body(string md) => md[(md.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5)..];

    /// <summary>Per section, its number, title and body text (BlockExtractor, the diff's and the search's plain text of a block).</summary>
    private static string ModelText(PolicyDocument doc, PolicyDocs.Xrefs.XrefIndex xrefs)
    {
        var sb = new StringBuilder();
        void Walk(Section s)
        {
            sb.Append(s.IsAppendix ? "Appendix " + s.Number : s.Number).Append(' ').Append(s.Title).Append('\n');
            foreach (var b in BlockExtractor.Extract(s.Body, xrefs))
                sb.Append(b.Kind == BlockKind.TableRow ? string.Join(" ", b.Cells) : b.Text).Append('\n');
            foreach (var c in s.Children) Walk(c);
        }
        foreach (var s in doc.Sections.Concat(doc.Appendices)) Walk(s);
        return Normalise(sb.ToString());
    }

    /// <summary>The document page's sections: heading number and title, and the body (PlainText, the search index's
    /// text of rendered HTML), without the page's own additions (scope, backlinks, navigation, permalinks).</summary>
    private static string SiteText(string html)
    {
        var page = new HtmlParser().ParseDocument(html);
        // An image reads as its alternative text, as in the model and the Word file's picture description.
        foreach (var img in page.QuerySelectorAll("img[alt]").ToList()) img.Replace(page.CreateTextNode(img.GetAttribute("alt")!));
        var sb = new StringBuilder();
        foreach (var section in page.QuerySelectorAll("section.section"))
        {
            foreach (var child in section.Children)
            {
                if (child.LocalName is "section") continue;
                if (child.ClassList.Contains("section-cas") || child.ClassList.Contains("backlinks") || child.ClassList.Contains("section-nav")
                    || child.ClassList.Contains("addresses-recommendations")) continue;
                if (child.Id == "h-" + section.Id)
                {
                    sb.Append(child.QuerySelector(".section-number")!.TextContent).Append(' ').Append(child.QuerySelector(".section-title")!.TextContent).Append('\n');
                    continue;
                }
                if (child.ClassList.Contains("nostip-details"))
                {
                    foreach (var inner in child.Children.Where(e => e.LocalName != "summary")) sb.Append(HtmlText.Of(inner.OuterHtml)).Append('\n');
                    continue;
                }
                sb.Append(HtmlText.Of(child.OuterHtml)).Append('\n');
            }
        }
        return Normalise(sb.ToString());
    }

    /// <summary>The Word file's paragraphs from the first section heading to the matrix appendix (or the end).</summary>
    private static string WordText(byte[] docx, PolicyDocument doc)
    {
        var w = DocxTestKit.W;
        var xml = DocxTestKit.DocumentXml(docx);
        var first = DocxNames.SectionBookmark(doc.Sections[0]);
        var sb = new StringBuilder();
        var on = false;
        foreach (var p in xml.Descendants(w + "body").Single().Descendants(w + "p"))
        {
            var bookmarks = p.Elements(w + "bookmarkStart").Select(b => (string?)b.Attribute(w + "name")).ToList();
            if (bookmarks.Contains(DocxMatrixAppendix.Bookmark)) break;
            if (bookmarks.Contains(first)) on = true;
            // Text runs, and a picture as its description (its alternative text).
            XNamespace wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
            if (on) sb.Append(string.Concat(p.Descendants().Where(e => e.Name == w + "t" || e.Name == wp + "docPr").Select(e => e.Name == w + "t" ? e.Value : (string?)e.Attribute("descr")))).Append('\n');
        }
        return Normalise(sb.ToString());
    }

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>Compares two texts without their whitespace: the plain text of rendered HTML has a space wherever a tag
    /// was ("Policy ."), which Word and Markdown text do not.</summary>
    private static void AssertSameText(string leftName, string left, string rightName, string right)
    {
        left = Regex.Replace(left, @"\s+", "");
        right = Regex.Replace(right, @"\s+", "");
        if (left == right) return;
        var i = 0;
        while (i < left.Length && i < right.Length && left[i] == right[i]) i++;
        string Around(string s) => s[Math.Max(0, i - 120)..Math.Min(s.Length, i + 120)];
        Assert.Fail($"The texts differ at character {i} (whitespace removed):\n{leftName}: …{Around(left)}…\n{rightName}: …{Around(right)}…");
    }
}
