namespace PolicyDocs.Rendering.Pdf;

/// <summary>How a build prints its Word files as PDF: with the LibreOffice found, or, when none is installed, not at
/// all (a warning says so).</summary>
/// <param name="Office">The LibreOffice to print with; null when none was found.</param>
internal sealed record PdfDownloads(LibreOffice? Office)
{
    /// <summary>With the LibreOffice on PATH, if any.</summary>
    public static PdfDownloads FromPath() => new(LibreOffice.Find());

    /// <summary>Without LibreOffice: no PDF is made, and a warning says they were skipped.</summary>
    public static PdfDownloads Missing { get; } = new((LibreOffice?)null);
}
