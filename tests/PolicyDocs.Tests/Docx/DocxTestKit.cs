using Xunit;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PolicyDocs.Pipeline;
using PolicyDocs.Rendering.Docx;

namespace PolicyDocs.Tests.Docx;

/// <summary>Compiles test inputs in temporary folders and checks produced Word documents.</summary>
internal sealed class DocxTestKit : IDisposable
{
    public DocxTestKit() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "policydocs-docx-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static Compilation Compile(string path)
    {
        var c = PolicyCompiler.Compile(path);
        Assert.Null(c.Fatal);
        Assert.NotNull(c.Set);
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

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
