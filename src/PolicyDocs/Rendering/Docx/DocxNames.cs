using System.Text;
using PolicyDocs.Model;
using PolicyDocs.Outline;
using PolicyDocs.Output;

namespace PolicyDocs.Rendering.Docx;

/// <summary>File and bookmark names of the Word output, shared by the DOCX writer and the site's download links.</summary>
internal static class DocxNames
{
    /// <summary>"cps-1.2.docx": the download file name of a document version.</summary>
    public static string FileName(DocumentInfo info) => SitePaths.DocxFileName(info.Id, info.VersionKey);

    /// <summary>"downloads/cps-1.2.docx": the site-relative path the build writes.</summary>
    public static string DownloadPath(DocumentInfo info) => SitePaths.DocxDownload(info.Id, info.VersionKey);

    /// <summary>The bookmark of a section or appendix: "_S4_9_1", "_SApp_A".</summary>
    public static string SectionBookmark(Section section) =>
        section.IsAppendix ? Limit("_SApp_" + Clean(section.Number)) : SectionNumber.Bookmark(section.Number);

    /// <summary>The bookmark of a <c>[[#anchor]]</c> definition: "_A_term_hsm" (at most 40 characters, stable).</summary>
    public static string AnchorBookmark(string anchor) => Limit("_A_" + Clean(anchor));

    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return sb.ToString();
    }

    /// <summary>Keeps names within Word's 40-character limit; long names end in a hash of the whole so they stay unique.</summary>
    private static string Limit(string name)
    {
        if (name.Length <= 40) return name;
        uint hash = 2166136261;
        foreach (var c in name) hash = (hash ^ c) * 16777619;
        return name[..31] + "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
