using System.IO.Compression;
using System.Xml.Linq;
using PolicyDocs.Rendering.Docx;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>
/// The document.xml of the small CPS, compared with Golden/small-cps.document.xml. After an intended change,
/// run the tests with POLICYDOCS_UPDATE_GOLDEN=1 and review the diff of the golden file.
/// </summary>
public sealed class GoldenDocumentTests : IDisposable
{
    private readonly DocxTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void SmallDocumentXmlMatchesGolden()
    {
        SmallSet.WriteFolder(_kit);
        var c = DocxTestKit.Compile(_kit.Root);
        var docx = DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Find("cps")!));
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var actual = XDocument.Load(stream).ToString() + "\n";
        var golden = Support.Golden.PathOf("small-cps.document.xml");
        if (Support.Golden.Updating) File.WriteAllText(golden, actual);
        Assert.True(File.Exists(golden), "Golden file missing; run with POLICYDOCS_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
