using PolicyDocs.Pipeline;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyDocs.Model;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Rendering.Docx;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Binding;

/// <summary>
/// Raw HTML, Markdown attributes and links in prose are made safe in the model: what could run script is removed from
/// the site, the Word file and the combined Markdown, formatting CP/CPS use survives, and every removal is a
/// diagnostic at its line.
/// </summary>
public sealed class ProseSanitizerTests
{
    private const string Sup = "E = mc<sup onclick=\"alert(1)\">2</sup> and H<sub>2</sub>O<br onmouseover=alert(1)>, <u>underlined</u>.";

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "Text <script>alert(1)</script> more.", "PD0304", "<script> element" },
        { "<script>\nalert(1)\n</script>", "PD0304", "<script> element" },
        { "Text <img src=x onerror=alert(1)> more.", "PD0304", "onerror" },
        { "<img src=x onerror=alert(1)>", "PD0304", "onerror" },
        { "<svg onload=alert(1)><circle r=1 /></svg>", "PD0304", "<svg> element" },
        { "<iframe src=\"https://evil.example/\"></iframe>", "PD0304", "<iframe> element" },
        { "<style>body{background:url(javascript:alert(1))}</style>", "PD0304", "<style> element" },
        { "<object data=\"evil.swf\"></object>", "PD0304", "<object> element" },
        { "<embed src=\"evil.swf\">", "PD0304", "<embed> element" },
        { "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "PD0304", "<meta> element" },
        { "<form action=\"javascript:alert(1)\"><button>Go</button></form>", "PD0304", "<form> element" },
        { "<base href=\"https://evil.example/\">", "PD0304", "<base> element" },
        { "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "PD0304", "<math> element" },
        { "<a href=\"jav&#x61;script:alert(1)\">x</a>", "PD0304", "href" },
        { "<a href=\"javascript&colon;alert(1)\">x</a>", "PD0304", "href" },
        { "<a href=\"https://example.invalid/\" onclick=\"alert(1)\">x</a>", "PD0304", "onclick" },
        { "<details open ontoggle=alert(1)><summary>x</summary></details>", "PD0304", "ontoggle" },
        { "<input autofocus onfocus=alert(1)>", "PD0304", "<input> element" },
        { "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "PD0304", "<noscript> element" },
        { "<p style=\"background:url(javascript:alert(1))\">x</p>", "PD0304", "style" },
        { "A <font color=red>red</font> word.", "PD0305", "<font> element" },
        { "Read [x](javascript:alert(1)).", "PD0306", "javascript:alert(1)" },
        { "Read [x](JAVASCRIPT:alert(1)).", "PD0306", "JAVASCRIPT:alert(1)" },
        { "Read [x](&#x6A;avascript:alert(1)).", "PD0306", "javascript:alert(1)" },
        { "Read [x](data:text/html;base64,PHNjcmlwdD4=).", "PD0306", "data:text/html" },
        { "Read [x](<java\tscript:alert(1)>).", "PD0306", "script:alert(1)" },
        { "Read <javascript:alert(1)>.", "PD0306", "javascript:alert(1)" },
        { "Read [x][evil].\n\n[evil]: javascript:alert(1)", "PD0306", "javascript:alert(1)" },
        { "![x](javascript:alert(1))", "PD0306", "javascript:alert(1)" },
        { "A paragraph.\n{onclick=\"alert(1)\"}", "PD0307", "onclick" },
        { "[x](https://example.invalid/){onmouseover=\"alert(1)\" style=\"x\"}", "PD0307", "onmouseover, style" },
        { "*x*{onclick=alert(1)}", "PD0307", "onclick" },
        { "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |", "PD0304", "<script> element" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_prose_is_removed_from_every_output_and_reported_at_its_line(string prose, string code, string mentions)
    {
        var builder = PolicySetBuilder.Valid().Body("cp", "1.1", "Intro line.\n\n" + prose);
        var c = Run.Compile(builder);
        var found = c.Of(code);
        Assert.True(found.Count > 0, $"no {code} in:\n{c.Dump()}");
        var line = builder.LineOf(PolicySetBuilder.FileFor("cp", "1.1"), "Intro line.") + 2;
        Assert.Contains(found, d => d.Message.Contains(mentions, StringComparison.Ordinal) && d.Span.Line >= line && d.Span.Line <= line + 3);
        Assert.All(c.Diagnostics, d => Assert.DoesNotContain('\n', d.ToString()));

        var site = SiteBuilder.Build(c.Published!);
        var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(site.Output.Get("cp/index.html")!));
        var body = page.QuerySelector("#section-1\\.1")?.ParentElement ?? page.Body!;
        AssertNoActiveContent(page);
        Assert.Contains("Intro line.", page.Body!.TextContent, StringComparison.Ordinal);

        var md = Encoding.UTF8.GetString(site.Output.Files.Single(f => f.Key.StartsWith("downloads/cp", StringComparison.Ordinal) && f.Key.EndsWith(".md", StringComparison.Ordinal)).Value);
        var fromMd = new HtmlParser().ParseDocument(Markdig.Markdown.ToHtml(md, PolicyDocs.Markdown.PolicyMarkdown.Pipeline));
        AssertNoActiveContent(fromMd);

        // Word runs no script, but a hyperlink would still take a reader to the refused URL.
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Find("cp")!))), false);
        Assert.All(word.MainDocumentPart!.HyperlinkRelationships, h => Assert.True(PolicyDocs.Text.UrlPolicy.IsAllowed(h.Uri.OriginalString), h.Uri.OriginalString));
        _ = body;
    }

    [Fact]
    public void Formatting_that_policies_use_survives_without_its_handlers()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "1.1", Sup + "\n\n<table><tr><th>Key</th><td colspan=\"2\" onclick=\"x()\">RSA</td></tr></table>\n\n"
            + "<details>\n<summary>More</summary>\n\nMarkdown **inside**.\n\n</details>\n\n<!-- an internal note -->\n\nEnd."));
        Assert.Equal(3, c.Of("PD0304").Count);
        var html = Encoding.UTF8.GetString(SiteBuilder.Build(c.Published!).Output.Get("cp/index.html")!);
        var page = new HtmlParser().ParseDocument(html);
        AssertNoActiveContent(page);
        Assert.Contains("mc<sup>2</sup>", html, StringComparison.Ordinal);
        Assert.Contains("H<sub>2</sub>O<br>", html, StringComparison.Ordinal);
        Assert.Contains("<u>underlined</u>", html, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"2\">RSA</td>", html, StringComparison.Ordinal);
        var details = page.QuerySelector("details");
        Assert.NotNull(details);
        Assert.Contains("inside", details!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("an internal note", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_links_and_cross_references_are_kept()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps").Body("cp", "1.1",
            "See [a](https://example.invalid/a), [b](mailto:pa@example.invalid), [c](#section-1.2), [d](../cps/), <https://example.invalid/auto> and [[1.2]]."));
        Assert.Empty(c.Of("PD0306"));
        var html = Encoding.UTF8.GetString(SiteBuilder.Build(c.Published!).Output.Get("cp/index.html")!);
        foreach (var href in (string[])["https://example.invalid/a", "mailto:pa@example.invalid", "#section-1.2", "../cps/index.html", "https://example.invalid/auto"])
            Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_nested_too_deeply_is_an_error_at_its_line_not_a_crash()
    {
        var builder = PolicySetBuilder.Valid().Body("cp", "1.1", "Fine.\n\nStill fine.\n\n" + string.Concat(Enumerable.Repeat("> ", 5_000)) + "deep");
        var c = Run.Compile(builder);
        var d = Assert.Single(c.Of("PD0308"));
        Assert.Equal(builder.LineOf(PolicySetBuilder.FileFor("cp", "1.1"), "Still fine.") + 2, d.Span.Line);
    }

    [Theory]
    [InlineData("[", 50_000)]
    [InlineData("[[", 10_000)]
    [InlineData("*a **b ", 2_500)]
    [InlineData("- ", 10_000)]
    public void Any_deep_nesting_is_a_diagnostic(string unit, int count)
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "1.1", string.Concat(Enumerable.Repeat(unit, count)) + " x"));
        _ = SiteBuilder.Build(c.Published!);
    }

    [Fact]
    public void The_text_before_section_1_of_a_single_file_document_is_bound_and_sanitised()
    {
        using var tree = new TempTree();
        var text = PolicyDocs.Tests.Loading.SingleFileLayoutTests.CaStyleDocument()
            .Replace("Copyright notice.", "Title: {{ document.title }} <img src=x onerror=alert(1)>", StringComparison.Ordinal);
        var file = PolicySetBuilder.SingleFile("EXAMPLE-CPS.md", text).WriteTo(tree.Root);
        var line = PolicyDocs.Tests.Support.Text.LineOf(text, "Title: {{");
        var c = Run.Compile(file);
        Assert.Contains(c.Of("PD0304"), d => d.Span.Line == line);
        var html = Encoding.UTF8.GetString(SiteBuilder.Build(c.Published!).Output.Files.First(f => f.Key.EndsWith("/index.html", StringComparison.Ordinal) && f.Key.Count(ch => ch == '/') == 1).Value);
        Assert.Contains("Title: Example CA Certificate Policy and Certification Practice Statement", html, StringComparison.Ordinal);
        AssertNoActiveContent(new HtmlParser().ParseDocument(html));
    }

    private static void AssertNoActiveContent(IDocument page)
    {
        // The site's own scripts are files under assets/; nothing else may load or run.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("assets/", (s.GetAttribute("src") ?? "").TrimStart('.', '/'), StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("iframe, object, embed, base, svg, math, noscript, style, frame, meta[http-equiv=refresh]"));
        foreach (var element in page.All)
            foreach (var attr in element.Attributes)
            {
                Assert.False(attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attr.Name}>");
                if (attr.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                    Assert.True(PolicyDocs.Text.UrlPolicy.IsAllowed(attr.Value) || attr.Value.StartsWith("xref:", StringComparison.Ordinal), $"<{element.LocalName} {attr.Name}=\"{attr.Value}\">");
            }
    }
}
