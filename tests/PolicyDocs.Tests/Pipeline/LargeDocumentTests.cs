using PolicyDocs.Pipeline;
using System.Text;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Pipeline;

/// <summary>No output is capped: a 10 MB single-file CP/CPS is published whole in every format.</summary>
public sealed class LargeDocumentTests
{
    [Fact]
    public void A_ten_megabyte_document_is_published_whole()
    {
        // 270 sections of about 38 KB each: ordinary paragraphs, as a long real document has.
        static string Body(PolicyDocs.Outline.OutlineEntry e)
        {
            var sb = new StringBuilder();
            for (var p = 0; sb.Length < 38_000; p++)
                sb.Append($"Paragraph {p} of section {e.Id}: the CA keeps records of every event that concerns the issuance of certificates, and auditors review them.\n\n");
            return sb.Append($"LAST-PARAGRAPH-OF-{e.Id}.").ToString();
        }
        using var tree = new TempTree();
        var text = Loading.SingleFileLayoutTests.CaStyleDocument(Body);
        Assert.True(text.Length > 10_000_000, $"{text.Length} characters");
        var c = Run.Compile(PolicySetBuilder.SingleFile("BIG-CPS.md", text).WriteTo(tree.Root));
        Assert.True(c.ErrorCount == 0, c.Dump());

        var build = SiteBuilder.Build(c.Published!);
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        var page = Encoding.UTF8.GetString(build.Output.Get("example-cps/index.html")!);
        Assert.True(page.Length > 10_000_000, $"{page.Length} characters");
        Assert.EndsWith("</html>", page.TrimEnd(), StringComparison.Ordinal);
        foreach (var last in (string[])["LAST-PARAGRAPH-OF-1.1.", "LAST-PARAGRAPH-OF-4.9.1.", "LAST-PARAGRAPH-OF-9.17."])
            Assert.Contains(last, page, StringComparison.Ordinal);
        var md = Encoding.UTF8.GetString(build.Output.Files.Single(f => f.Key.StartsWith("downloads/", StringComparison.Ordinal) && f.Key.EndsWith(".md", StringComparison.Ordinal)).Value);
        Assert.Contains("LAST-PARAGRAPH-OF-9.17.", md, StringComparison.Ordinal);
        var docx = build.Output.Files.Single(f => f.Key.StartsWith("downloads/", StringComparison.Ordinal) && f.Key.EndsWith(".docx", StringComparison.Ordinal)).Value;
        var words = string.Concat(Rendering.Docx.DocxTestKit.DocumentXml(docx).Descendants(Rendering.Docx.DocxTestKit.W + "t").Select(t => t.Value));
        Assert.Contains("LAST-PARAGRAPH-OF-9.17.", words, StringComparison.Ordinal);
    }
}
