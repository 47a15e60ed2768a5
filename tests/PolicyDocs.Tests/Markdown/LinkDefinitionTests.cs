using Markdig.Syntax;
using PolicyDocs.Markdown;

namespace PolicyDocs.Tests.Markdown;

/// <summary>Link reference definitions read one line at a time mean what CommonMark says they mean.</summary>
public sealed class LinkDefinitionTests
{
    private static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, PolicyMarkdown.Pipeline).Trim();

    [Theory]
    [InlineData("[a]: https://x.example/\n\nSee [a].", "<p>See <a href=\"https://x.example/\">a</a>.</p>")]
    [InlineData("See [A].\n\n[a]: https://x.example/", "<p>See <a href=\"https://x.example/\">A</a>.</p>")]
    [InlineData("[a]: https://first.example/\n[a]: https://second.example/\n\n[a]", "<p><a href=\"https://first.example/\">a</a></p>")]
    [InlineData("[a]: https://x.example/ \"Title\"\n\n[a]", "<p><a href=\"https://x.example/\" title=\"Title\">a</a></p>")]
    [InlineData("[a]: https://x.example/\n\"Title on the next line\"\n\n[a]", "<p><a href=\"https://x.example/\" title=\"Title on the next line\">a</a></p>")]
    [InlineData("Text\n[a]: /x\n\n[a]", "<p>Text\n[a]: /x</p>\n<p>[a]</p>")]
    [InlineData("    [a]: https://x.example/\n\n[a]", "<pre><code>[a]: https://x.example/\n</code></pre>\n<p>[a]</p>")]
    [InlineData("> [a]: https://x.example/\n\n[a]", "<blockquote>\n</blockquote>\n<p><a href=\"https://x.example/\">a</a></p>")]
    public void Definitions_mean_what_CommonMark_says(string markdown, string html) => Assert.Equal(html, Html(markdown));

    [Fact]
    public void Footnote_definitions_stay_footnotes()
    {
        var html = Html("Text[^1].\n\n[^1]: The note.");
        Assert.Contains("footnote", html, StringComparison.Ordinal);
        Assert.Contains("The note.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_thousand_definitions_all_resolve_and_keep_their_lines()
    {
        var text = "See [r99999] and [r0].\n\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"[r{i}]: https://example.invalid/{i}\n"));
        var doc = PolicyMarkdown.Parse(text);
        var links = doc.Descendants<Markdig.Syntax.Inlines.LinkInline>().Select(l => l.Url).ToList();
        Assert.Equal(["https://example.invalid/99999", "https://example.invalid/0"], links);
        var definitions = doc.Descendants<Markdig.Syntax.LinkReferenceDefinition>().ToList();
        Assert.Equal(100_000, definitions.Count);
        Assert.Equal(2 + 99_999, definitions[^1].Line);
    }
}
