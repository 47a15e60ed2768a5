using PolicyDocs.Model;

namespace PolicyDocs.Rendering.Pdf;

/// <summary>A published Word file to print as PDF, beside it under the same name.</summary>
/// <param name="DocxPath">The Word file's path in the output, ending in <c>.docx</c>.</param>
/// <param name="Docx">Its bytes.</param>
/// <param name="Date">The date the PDF states as its creation date (the document's own date); none when the document
/// gives none, and the PDF then states no creation date.</param>
/// <param name="Source">Where a failure to print it is reported.</param>
internal sealed record PdfJob(string DocxPath, byte[] Docx, DateOnly? Date, SourceSpan Source)
{
    /// <summary>The PDF's path in the output: the Word file's, ending in <c>.pdf</c>.</summary>
    public string PdfPath => DocxPath.EndsWith(".docx", StringComparison.Ordinal)
        ? DocxPath[..^".docx".Length] + ".pdf"
        : throw new ArgumentException($"{DocxPath} is not a Word file name.", nameof(DocxPath));
}
