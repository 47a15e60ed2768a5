using PolicyDocs.Pipeline;
using Markdig.Syntax;
using System.Text;
using AngleSharp.Html.Parser;
using PolicyDocs.Binding;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Rendering.Docx;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Binding;

/// <summary>Hostile values in every data field the templates print appear as literal text in the site HTML, the
/// combined Markdown and the Word document: no element, attribute or link is injected.</summary>
public sealed class HostileDataTests
{
    private const string Payload = "<img src=x onerror=alert(1)>[x](javascript:alert(1)) *b* | &lt; `c` {onclick=y}";

    private static PolicySetBuilder Hostile()
    {
        string P(string field) => $"\"{field} {Payload}\"";
        var set = $"""
            name: Test Policy Set
            publisher:
              name: {P("pname")}
              email: pa@pki.test.example
              url: "javascript:alert(1)"
              address: {P("paddr")}
              problem_reports: "javascript:alert(2)"
            base_url: https://pki.test.example/
            documents: [cp]

            """;
        return PolicySetBuilder.Valid()
            .Set("policyset.yaml", set)
            .WithData("cas", $"""
                - id: root
                  name: {P("caname")}
                  type: root
                  subject: {P("casubject")}
                  operation: offline
                  description: {P("cadesc")}

                """)
            .WithData("roles", $"""
                - id: ca-administrator
                  name: {P("rolename")}
                  duties:
                    - {P("duty")}

                """)
            .WithData("tasks", $"""
                - id: key-generation
                  name: {P("taskname")}
                  min_persons: 2
                  roles: [ca-administrator]

                """)
            .WithData("glossary", $"""
                - term: {P("term")}
                  definition: {P("definition")}

                """)
            .Replace("documents/cp/document.yaml", "short_title: Test CP", $"short_title: {P("short")}")
            .Replace("documents/cp/document.yaml", "  - issuing\n", "")
            .Body("cp", "1.1", "Root {{ cas.root.name }}; {{ cas.root.description }}; at {{ policyset.publisher.address }}.");
    }

    [Fact]
    public void MarkdownEscapeKeepsPlainTextAndNeutralisesMarkup()
    {
        Assert.Equal("Northwind Root CA - G1 (offline), 4096", MarkdownEscape.Text("Northwind Root CA - G1 (offline), 4096"));
        Assert.Equal("https://pki.example/a_b?x=1&y=2", MarkdownEscape.Text("https://pki.example/a_b?x=1&y=2"));
        Assert.Equal("\\<b\\> \\[x\\](y) \\| a b \\&amp;", MarkdownEscape.Text("<b> [x](y) | a\nb &amp;"));
        Assert.Equal("\\# h", MarkdownEscape.Text("# h"));
        Assert.Equal("1\\. item", MarkdownEscape.Text("1. item"));
        var parsed = PolicyDocs.Markdown.PolicyMarkdown.Parse("| a |\n|---|\n| " + MarkdownEscape.Text(Payload) + " |\n");
        Assert.Empty(parsed.Descendants<Markdig.Syntax.Inlines.LinkInline>());
        Assert.Empty(parsed.Descendants<Markdig.Syntax.Inlines.HtmlInline>());
        Assert.Empty(parsed.Descendants<Markdig.Syntax.Inlines.EmphasisInline>());
    }

    [Fact]
    public void HostileValuesAreLiteralTextInEveryOutput()
    {
        using var tree = Hostile().Write();
        var c = Run.Compile(tree.Root);
        Assert.Equal(["PD0033", "PD0033"], c.Diagnostics.Where(d => d.Severity == PolicyDocs.Model.Severity.Error).Select(d => d.Code));
        Assert.All(c.Of("PD0033"), d => Assert.EndsWith("policyset.yaml", d.Span.Path, StringComparison.Ordinal));
        Assert.All(c.Of("PD0033"), d => Assert.True(d.Span.Line > 1));

        var build = SiteBuilder.Build(c.Published!);
        string Text(string path) => Encoding.UTF8.GetString(build.Output.Get(path) ?? throw new Xunit.Sdk.XunitException(path + " missing"));
        var parser = new HtmlParser();
        string[] fields = ["pname", "paddr", "caname", "casubject", "cadesc", "rolename", "duty", "taskname", "term", "definition", "short"];
        var pages = new[] { "index.html", "cp/index.html", "roles/index.html" }.Where(p => build.Output.Get(p) is not null).ToList();
        Assert.Contains("cp/index.html", pages);
        var seen = new HashSet<string>();
        foreach (var page in pages)
        {
            var doc = parser.ParseDocument(Text(page));
            Assert.Empty(doc.QuerySelectorAll("img"));
            Assert.Empty(doc.QuerySelectorAll("[onerror], [onclick]"));
            Assert.DoesNotContain(doc.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
            var text = doc.Body!.TextContent;
            foreach (var f in fields)
                if (text.Contains($"{f} {Payload}", StringComparison.Ordinal)) seen.Add(f);
        }
        Assert.Equal(fields.Order(), seen.Order());

        var md = Text(build.Output.Files.Select(f => f.Key).Single(p => p.StartsWith("downloads/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal)));
        // The YAML front matter quotes its values; the Markdown after it is what readers parse.
        var parsedMd = PolicyDocs.Markdown.PolicyMarkdown.Parse(md[(md.IndexOf("---\n\n", 4, StringComparison.Ordinal) + 5)..]);
        Assert.Empty(parsedMd.Descendants<Markdig.Syntax.Inlines.HtmlInline>());
        Assert.DoesNotContain(parsedMd.Descendants<Markdig.Syntax.Inlines.LinkInline>(), l => (l.Url ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(MarkdownEscape.Text($"caname {Payload}"), md, StringComparison.Ordinal);

        var xml = DocxTestKit.DocumentXml(DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Find("cp")!)));
        var wordText = string.Concat(xml.Descendants(DocxTestKit.W + "t").Select(t => t.Value));
        foreach (var f in (string[])["caname", "cadesc", "paddr", "term", "definition", "rolename", "taskname"])
            Assert.Contains($"{f} {Payload}", wordText, StringComparison.Ordinal);
    }
}
