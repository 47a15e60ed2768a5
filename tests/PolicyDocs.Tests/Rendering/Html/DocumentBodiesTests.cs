using PolicyDocs.Rendering.Html;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Html;

/// <summary>
/// A document's section bodies are rendered once (<see cref="DocumentBodies"/>) and shown by its page (cps/index.html,
/// one folder deep) and its print view (cps/print/index.html, two deep), each with the way up to the site root it needs.
/// </summary>
public sealed class DocumentBodiesTests
{
    private const string Body =
        "See [[4.9.1]], [[cp:4.9.1]], [the policy](xref:cp#4.9.2) and [[cps]].[^1]\n\n" +
        "![The CA hierarchy](images/diagram.png)\n\n" +
        "| Step | Time |\n|:---|---:|\n| [[cp:1.1]] | 24 h |\n\n" +
        "[^1]: As [[cp:1.1]] says; see [the repository](https://pki.example/repo).";

    private static (string Page, string Print, string Section) Render()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps")
            .Body("cps", "4.9.3", Body)
            .WithBytes("documents/cps/images/diagram.png", PngWriter.Blank(40, 20)));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var doc = c.Published!.Find("cps")!;
        var bodies = new DocumentBodies(c.Published!, doc);
        var page = new DocumentHtml(doc, bodies, 1, print: false).Body();
        var print = new DocumentHtml(doc, bodies, 2, print: true).Body();
        var section = doc.Sections.SelectMany(Flatten).Single(s => s.Number == "4.9.3");
        return (page, print, bodies.Of(section).At(1));

        static IEnumerable<PolicyDocs.Publication.PublishedSection> Flatten(PolicyDocs.Publication.PublishedSection s) => [s, .. s.Children.SelectMany(Flatten)];
    }

    [Fact]
    public void The_page_and_the_print_view_show_one_rendering_with_links_from_their_own_folder()
    {
        var (page, print, section) = Render();
        Assert.Contains(section, page, StringComparison.Ordinal);
        // Links to other pages and pictures go up one folder from cps/, two from cps/print/.
        foreach (var (onPage, inPrint) in new[]
                 {
                     ("href=\"../cp/index.html#section-4.9.1\"", "href=\"../../cp/index.html#section-4.9.1\""),
                     ("href=\"../cp/index.html#section-4.9.2\"", "href=\"../../cp/index.html#section-4.9.2\""),
                     ("href=\"../cp/index.html#section-1.1\"", "href=\"../../cp/index.html#section-1.1\""),
                     ("href=\"../cps/index.html\"", "href=\"../../cps/index.html\""),
                     ("src=\"../cps/diagram.", "src=\"../../cps/diagram."),
                 })
        {
            Assert.Contains(onPage, page, StringComparison.Ordinal);
            Assert.Contains(inPrint, print, StringComparison.Ordinal);
            Assert.DoesNotContain(inPrint, page, StringComparison.Ordinal);
        }
        // Within the document, outside the site, footnotes and table alignment read the same on both.
        foreach (var same in new[] { "href=\"#section-4.9.1\"", "href=\"https://pki.example/repo\"", "id=\"section-4.9.3-fn:1\"", "href=\"#section-4.9.3-fnref:1\"", "class=\"align-right\"" })
        {
            Assert.Contains(same, page, StringComparison.Ordinal);
            Assert.Contains(same, print, StringComparison.Ordinal);
        }
        // The print view's body is the page's with the way up to the root one folder longer.
        Assert.Contains(section.Replace("\"../", "\"../../", StringComparison.Ordinal), print, StringComparison.Ordinal);
    }
}
