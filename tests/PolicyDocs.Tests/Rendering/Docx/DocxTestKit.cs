using System.IO.Compression;
using System.Xml.Linq;
using Xunit;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>Compiles test inputs in temporary folders and checks produced Word documents.</summary>
internal sealed class DocxTestKit : IDisposable
{
    private readonly TempTree _tree = new();

    public string Root => _tree.Root;

    /// <summary>The WordprocessingML main namespace.</summary>
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Compiles the repository's sample content.</summary>
    public static Compilation Sample() => Compile(Path.Combine(Run.RepoRoot(), "content"));

    /// <summary>word/document.xml of a produced document.</summary>
    public static XDocument DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        return XDocument.Load(stream);
    }

    public static Compilation Compile(string path)
    {
        var c = PolicyCompiler.Compile(path);
        Assert.Null(c.Fatal);
        Assert.NotNull(c.Published!.Set);
        return c;
    }

    /// <summary>Schema errors (Microsoft 365) and Word-rule findings of a produced document, as text.</summary>
    public static List<string> Problems(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var problems = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Id}: {e.Description}").ToList();
        problems.AddRange(WordRulesLint.Check(doc).Select(f => f.ToString()));
        return problems;
    }

    /// <summary>The header the section properties name for <paramref name="type"/> (default or first page).</summary>
    public static DocumentFormat.OpenXml.Wordprocessing.Header Header(WordprocessingDocument word, DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues type)
    {
        var main = word.MainDocumentPart!;
        var id = main.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Last()
            .Elements<DocumentFormat.OpenXml.Wordprocessing.HeaderReference>().Single(r => r.Type!.Value == type).Id!.Value!;
        return ((HeaderPart)main.GetPartById(id)).Header!;
    }

    /// <summary>The footer the section properties name for <paramref name="type"/> (default or first page).</summary>
    public static DocumentFormat.OpenXml.Wordprocessing.Footer Footer(WordprocessingDocument word, DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues type)
    {
        var main = word.MainDocumentPart!;
        var id = main.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Last()
            .Elements<DocumentFormat.OpenXml.Wordprocessing.FooterReference>().Single(r => r.Type!.Value == type).Id!.Value!;
        return ((FooterPart)main.GetPartById(id)).Footer!;
    }

    public void Dispose() => _tree.Dispose();
}
