using System.Text;
using DocumentFormat.OpenXml.Packaging;
using PolicyDocs.Model;
using PolicyDocs.Pipeline;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Markdown;
using PolicyDocs.Tests.Rendering.Docx;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary>Images in prose: resolved once into the document's assets, refused with PD0302 at their line, published
/// fingerprinted on the site, embedded in Word and shipped beside the combined Markdown.</summary>
public sealed class ImageAssetTests : IDisposable
{
    private readonly DocxTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    /// <summary>The single-file CP (doc.md) and the files beside it, written to the kit's folder by <see cref="Compile"/>.</summary>
    private readonly PolicySetBuilder _set = PolicySetBuilder.SingleFile("doc.md", "");

    // The body starts at line 11 of the file.
    private PolicyDocs.Compiling.Compilation Compile(string body) =>
        DocxTestKit.Compile(_set.Set("doc.md", "---\nid: t\nkind: cp\ntitle: T\nversion: \"1\"\n---\n# 1. Introduction\n\n## 1.1 Overview\n\n" + body + "\n").WriteTo(_kit.Root));

    private void WriteBytes(string relative, byte[] bytes) => _set.WithBytes(relative, bytes);

    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><rect width=\"200\" height=\"100\"/></svg>";

    [Fact]
    public void An_image_is_an_asset_of_its_document_with_its_size_hash_and_type()
    {
        var png = PngWriter.Blank(40, 20);
        WriteBytes("images/ca.png", png);
        var c = Compile("![CA](images/ca.png)");
        Assert.Empty(c.Of("PD0302"));
        var image = Assert.Single(c.Published!.Set.Documents[0].Images);
        Assert.Equal("images/ca.png", image.Key);
        Assert.Equal(("images/ca.png", 40, 20, "image/png"), (image.Value.Path, image.Value.Width, image.Value.Height, image.Value.MediaType));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), image.Value.Sha256);
        Assert.Equal($"ca.{image.Value.Sha256[..8]}.png", image.Value.PublishedName);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "images/gone.png", "does not exist" },
        { "../outside.png", "leaves the folder" },
        { "images/../../outside.png", "leaves the folder" },
        { "/etc/logo.png", "absolute path" },
        { "https://example.com/logo.png", "remote image" },
        { "//example.com/logo.png", "remote image" },
        { "notes.txt", "not a supported image type" },
        { "fake.png", "not a PNG, JPEG, GIF or SVG" },
        { "wrong.gif", "holds a PNG image" },
        { "images", "not a supported image type" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_refused_image_is_PD0302_at_its_line(string url, string reason)
    {
        _set.Set("outside-of-nothing.txt", "x");
        _set.Set("notes.txt", "text");
        _set.Set("fake.png", "not really a png");
        WriteBytes("wrong.gif", PngWriter.Blank());
        WriteBytes("images/ok.png", PngWriter.Blank());
        var c = Compile($"Text.\n\nSee ![Alt]({url}) here.");
        var d = Assert.Single(c.Of("PD0302"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(13, d.Span.Line);
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
        Assert.Empty(c.Published!.Set.Documents[0].Images);
    }

    [Fact]
    public void A_link_out_of_the_tree_is_PD0302_and_not_read()
    {
        using var outside = new TempTree();
        var target = Path.Combine(outside.Root, "secret.png");
        File.WriteAllBytes(target, PngWriter.Blank());
        Directory.CreateDirectory(Path.Combine(_kit.Root, "images"));
        File.CreateSymbolicLink(Path.Combine(_kit.Root, "images", "linked.png"), target);
        var c = Compile("![Alt](images/linked.png)");
        var d = Assert.Single(c.Of("PD0302"));
        Assert.Equal(11, d.Span.Line);
        Assert.Contains("outside the content folder", d.Message, StringComparison.Ordinal);
        Assert.Empty(c.Published!.Set.Documents[0].Images);
    }

    [Fact]
    public void An_svg_takes_the_png_beside_it_for_Word_and_without_one_is_PD0309()
    {
        _set.Set("a.svg", Svg);
        WriteBytes("a.png", PngWriter.Blank(200, 100));
        _set.Set("b.svg", Svg);
        var c = Compile("![A](a.svg)\n\n![B](b.svg)");
        Assert.Empty(c.Of("PD0302"));
        var warning = Assert.Single(c.Of("PD0309"));
        Assert.Equal((Severity.Warning, 13), (warning.Severity, warning.Span.Line));
        var doc = c.Published!.Set.Documents[0];
        Assert.Equal(ImageFormat.Png, doc.Image("a.svg")!.Fallback!.Format);
        Assert.Null(doc.Image("b.svg")!.Fallback);

        var docx = DocxRenderer.Render(c.Published!.Of(doc));
        Assert.Empty(DocxTestKit.Problems(docx));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var part = Assert.Single(word.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", part.ContentType);
        Assert.Contains("[Image: B]", word.MainDocumentPart.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_embeds_the_picture_with_its_alt_text_scaled_to_the_text_width()
    {
        var big = PngWriter.Blank(2000, 1000);
        WriteBytes("big.png", big);
        WriteBytes("small.png", PngWriter.Blank(96, 48));
        var c = Compile("![A \"quoted\" <b>&amp; hierarchy](big.png)\n\n![Small](small.png) and ![Small](small.png) again.");
        var docx = DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Documents[0]));
        Assert.Empty(DocxTestKit.Problems(docx));
        Assert.Equal(docx, DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Documents[0])));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = word.MainDocumentPart!;
        Assert.Equal(2, main.ImageParts.Count());
        Assert.Contains(main.ImageParts, p => ReadAll(p.GetStream()).SequenceEqual(big));
        var drawings = main.Document!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline>().ToList();
        Assert.Equal(3, drawings.Count);
        Assert.Equal("A \"quoted\" <b>& hierarchy", drawings[0].DocProperties!.Description!.Value);
        Assert.Equal("Small", drawings[1].DocProperties!.Description!.Value);
        Assert.Equal(3, drawings.Select(d => d.DocProperties!.Id!.Value).Distinct().Count());
        // 96 px at 96 dpi is one inch; the big one is scaled down to the text width, keeping its aspect.
        Assert.Equal((914400L, 457200L), (drawings[1].Extent!.Cx!.Value, drawings[1].Extent!.Cy!.Value));
        var sect = main.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Last();
        var size = sect.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!;
        var margin = sect.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageMargin>()!;
        var width = (size.Width!.Value - margin.Left!.Value - margin.Right!.Value) * 635L;
        Assert.Equal((width, width / 2), (drawings[0].Extent!.Cx!.Value, drawings[0].Extent!.Cy!.Value));
        var xml = DocxTestKit.DocumentXml(docx).ToString();
        Assert.DoesNotContain("<b>&", xml, StringComparison.Ordinal);
    }

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public void The_site_publishes_each_image_fingerprinted_beside_the_pages_and_its_links_check_clean()
    {
        var png = PngWriter.Blank(30, 10);
        WriteBytes("images/My Diagram.png", png);
        var c = Compile("![Alt \"text\" <b>](images/My%20Diagram.png \"A title\")");
        Assert.Empty(c.Of("PD0302"));
        var build = SiteBuilder.Build(c.Published!);
        Assert.DoesNotContain(build.Diagnostics, d => d.Code == "PD0401");
        var name = $"t/My-Diagram.{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png))[..8]}.png";
        Assert.Equal(png, build.Output.Get(name));
        var page = Encoding.UTF8.GetString(build.Output.Get("t/index.html")!);
        Assert.Contains($"<img src=\"../{name}\" alt=\"Alt &quot;text&quot; &lt;b&gt;\" width=\"30\" height=\"10\" title=\"A title\" />", page, StringComparison.Ordinal);
        var print = Encoding.UTF8.GetString(build.Output.Get("t/print/index.html")!);
        Assert.Contains($"<img src=\"../../{name}\"", print, StringComparison.Ordinal);
        var sums = Encoding.UTF8.GetString(build.Output.Get("SHA256SUMS")!);
        Assert.Contains("  " + name + "\n", sums, StringComparison.Ordinal);
        Assert.Contains("  downloads/t-1/images/My Diagram.png\n", sums, StringComparison.Ordinal);
    }

    [Fact]
    public void The_combined_markdown_links_the_images_shipped_beside_it_and_compiles_by_itself()
    {
        WriteBytes("images/My Diagram.png", PngWriter.Blank(30, 10));
        _set.Set("images/v.svg", Svg);
        WriteBytes("images/v.png", PngWriter.Blank(200, 100));
        var c = Compile("![Alt](images/My%20Diagram.png) ![V](./images/v.svg)");
        var doc = c.Published!.Set.Documents[0];
        var md = CombinedMarkdown.Render(c.Published!.Of(doc));
        Assert.Contains("![Alt](t-1/images/My%20Diagram.png) ![V](t-1/images/v.svg)", md, StringComparison.Ordinal);
        var shipped = CombinedMarkdown.Images(doc).Select(i => i.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["downloads/t-1/images/My Diagram.png", "downloads/t-1/images/v.png", "downloads/t-1/images/v.svg"], shipped);

        var download = PolicySetBuilder.SingleFile("t-1.md", md);
        foreach (var (path, bytes) in CombinedMarkdown.Images(doc)) download.WithBytes(path["downloads/".Length..], bytes);
        var again = Run.Compile(download);
        Assert.Empty(again.Of("PD0302"));
        Assert.Empty(again.Of("PD0309"));
        Assert.Equal(2, again.Published!.Set.Documents[0].Images.Count);
    }
}
