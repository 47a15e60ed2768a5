namespace PolicyDocs.Output;

/// <summary>
/// Where each published file of the site lives, from the site root. The one place the output layout is defined:
/// renderers, the release history and the link checker all take their paths from here.
/// </summary>
internal static class SitePaths
{
    /// <summary>The home page.</summary>
    public const string Home = "index.html";

    /// <summary>The recommendations matrix page.</summary>
    public const string MatrixPage = "matrix/index.html";

    /// <summary>The trusted roles page.</summary>
    public const string RolesPage = "roles/index.html";

    /// <summary>A document's current version: "cps/index.html".</summary>
    public static string DocumentPage(string documentId) => documentId + "/index.html";

    /// <summary>A superseded version of a document: "cps/1.0/index.html".</summary>
    public static string ArchivedPage(string documentId, string version) => $"{documentId}/{version}/index.html";

    /// <summary>A document's version list: "cps/versions/index.html".</summary>
    public static string VersionsPage(string documentId) => documentId + "/versions/index.html";

    /// <summary>An image of a document, published beside its pages under its fingerprinted name: "cps/ca-hierarchy.1a2b3c4d.png".
    /// Every version of the document shares the folder, so an unchanged image is one file.</summary>
    public static string DocumentImage(string documentId, string publishedName) => documentId + "/" + publishedName;

    /// <summary>Where the images of a document version's Markdown download are shipped: "downloads/cps-1.2/" (with a trailing slash).</summary>
    public static string MarkdownImageFolder(string documentId, string version) => $"downloads/{documentId}-{version}/";

    /// <summary>A document's print view: "cps/print/index.html".</summary>
    public static string PrintPage(string documentId) => documentId + "/print/index.html";

    /// <summary>A document's list of changes between versions.</summary>
    public static string ChangesPage(string documentId) => $"changes/{documentId}/index.html";

    /// <summary>The HTML redline between two versions of a document.</summary>
    public static string RedlinePage(string documentId, string fromVersion, string toVersion) =>
        $"changes/{documentId}/{fromVersion}..{toVersion}/index.html";

    /// <summary>The Word redline between two versions of a document.</summary>
    public static string RedlineDownload(string documentId, string fromVersion, string toVersion) =>
        $"downloads/{documentId}-{fromVersion}-to-{toVersion}-redline.docx";

    /// <summary>The PDF of the Word redline between two versions of a document.</summary>
    public static string RedlinePdfDownload(string documentId, string fromVersion, string toVersion) =>
        $"downloads/{documentId}-{fromVersion}-to-{toVersion}-redline.pdf";

    /// <summary>A key ceremony's page.</summary>
    public static string CeremonyPage(string ceremonyId) => "ceremonies/" + ceremonyId + "/index.html";

    /// <summary>A key ceremony's printable Word script.</summary>
    public static string CeremonyDownload(string ceremonyId) => "downloads/ceremony-" + ceremonyId + ".docx";

    /// <summary>A document version's Word file name: "cps-1.2.docx".</summary>
    public static string DocxFileName(string documentId, string version) => $"{documentId}-{version}.docx";

    /// <summary>A document version's Word download: "downloads/cps-1.2.docx".</summary>
    public static string DocxDownload(string documentId, string version) => "downloads/" + DocxFileName(documentId, version);

    /// <summary>A document version's PDF download, printed from its Word file: "downloads/cps-1.2.pdf".</summary>
    public static string PdfDownload(string documentId, string version) => $"downloads/{documentId}-{version}.pdf";

    /// <summary>A document version's combined Markdown download: "downloads/cps-1.2.md".</summary>
    public static string MarkdownDownload(string documentId, string version) => $"downloads/{documentId}-{version}.md";
}
