using System.Text;
using PolicyDocs.Pipeline;
using PolicyDocs.Tests.Support;
using PolicyDocs.Tests.Xrefs;

namespace PolicyDocs.Tests.Rendering.Html;

/// <summary>On the site every heading carries its GitHub id, and links written for GitHub land on it.</summary>
public sealed class HeadingIdHtmlTests
{
    [Fact]
    public void Headings_carry_their_GitHub_ids_and_links_to_them_work()
    {
        var c = Run.Compile(PolicySetBuilder.SingleFile("x.md", HeadingIdTests.Document(
            "[a](#c11-email-contact-property), [b](#steps-1), [c](#d-1-japan).")));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var build = SiteBuilder.Build(c.Published!, wordDownloads: false);
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        var html = Encoding.UTF8.GetString(build.Output.Get("example-cps/index.html")!);
        Assert.Contains("<span class=\"heading-id\" id=\"c11-email-contact-property\"></span><span class=\"section-number\">C.1.1.</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"appendix-c--contact-methods\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"section-number\">Appendix C –</span> <span class=\"section-title\">Contact Methods</span>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"subheading\" id=\"steps\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"subheading\" id=\"steps-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"country-procedures\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#appendix-c.1.1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#steps-1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#appendix-d-1\"", html, StringComparison.Ordinal);
        // The contents list the appendices' sections.
        Assert.Contains("data-anchor=\"appendix-d-1\"", html, StringComparison.Ordinal);
    }
}
