using PolicyDocs.Rendering.Html;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Html;

/// <summary>
/// The HTML of section bodies with cross-references, compared with Golden/*.html. Set POLICYDOCS_UPDATE_GOLDEN=1
/// to rewrite the golden files after an intended change, then review the diff.
/// </summary>
public sealed class BodyHtmlGoldenTests
{
    [Fact]
    public void SectionBodiesRenderAsTheGoldenHtml()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps")
            .Body("cps", "4.9.3", "Requests follow [[4.9.1]] and [[cp:4.9.1]]; the [[role:ca-administrator]] of the [[ca:issuing]] uses an [[term:HSM]].\n\n" +
                                  "#### Steps\n\n1. See [[4.9.1|the reasons]].\n2. Read [the policy](xref:cp#4.9.2) and [4.9.9](#499-on-line-revocationstatus-checking-availability).\n\n" +
                                  "| Step | Time |\n|---|---|\n| Review | 24 h |\n\nA note.[^1]\n\n[^1]: Hours are calendar hours.")
            .Body("cps", "4.9.4", "[[#grace]]No grace period; see [[cps]]."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        var doc = c.Published!.Set.Find("cps")!;
        var renderer = new HtmlBodyRenderer(c.Published!.Xrefs, "cps", 1);
        var html = string.Concat(new[] { "4.9.3", "4.9.4" }.Select(n =>
        {
            var s = doc.Find(n)!;
            return $"<!-- {s.Anchor} -->\n" + renderer.Render(s.Body!, 4, s.Anchor);
        }));
        Golden.AssertMatches("section-body.html", html);
    }
}
