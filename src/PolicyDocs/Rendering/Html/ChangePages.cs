using System.Globalization;
using PolicyDocs.Diff;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Versions;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>The release-history pages: an HTML redline per change between consecutive versions, and a changes page per document.</summary>
internal static class ChangePages
{
    /// <summary>The pages for <paramref name="history"/>; links to Word redlines only where <paramref name="output"/> has them.</summary>
    public static IEnumerable<SitePage> For(PolicySet current, SiteHistory history, OutputSet output)
    {
        foreach (var group in history.Changes.GroupBy(c => c.DocumentId))
        {
            var doc = current.Find(group.Key);
            var title = doc?.Info.Title ?? group.Last().Change.Title;
            var shortTitle = doc?.Info.ShortTitle ?? title;
            foreach (var c in group)
            {
                var model = new ScriptObject
                {
                    ["body"] = new TrustedHtml(RedlineHtmlRenderer.Body(c, RedlineLinks.OnSite(current, c, 3))),
                    ["from"] = c.FromVersion,
                    ["to"] = c.ToVersion,
                    ["short_title"] = shortTitle,
                    ["document_url"] = SitePaths.DocumentPage(c.DocumentId),
                    ["changes_url"] = SitePaths.ChangesPage(c.DocumentId),
                    ["old_url"] = VersionPage(current, c.DocumentId, c.FromVersion),
                    ["new_url"] = VersionPage(current, c.DocumentId, c.ToVersion),
                    ["standalone"] = false,
                    ["docx_url"] = output.Contains(c.DocxPath) ? c.DocxPath : null,
                ["pdf_url"] = output.Contains(c.PdfPath) ? c.PdfPath : null,
                };
                yield return new SitePage("redline", c.HtmlPath, $"{shortTitle}: changes from {c.FromVersion} to {c.ToVersion}", 3, new ScriptObject { ["redline"] = model });
            }
            var items = new ScriptArray(group.Reverse().Select(c => new ScriptObject
            {
                ["from"] = c.FromVersion,
                ["to"] = c.ToVersion,
                ["date"] = c.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["sections"] = c.Change.Sections.Count,
                ["normative"] = c.Change.Sections.Count(s => s.Class == ChangeClass.Normative),
                ["url"] = c.HtmlPath,
                ["docx_url"] = output.Contains(c.DocxPath) ? c.DocxPath : null,
                ["pdf_url"] = output.Contains(c.PdfPath) ? c.PdfPath : null,
            }));
            yield return new SitePage("changes", SitePaths.ChangesPage(group.Key), $"{shortTitle}: changes", 2, new ScriptObject
            {
                ["changes"] = new ScriptObject
                {
                    ["title"] = title, ["short_title"] = shortTitle, ["document_url"] = SitePaths.DocumentPage(group.Key), ["items"] = items,
                },
            });
        }
    }

    private static string VersionPage(PolicySet current, string documentId, string version) =>
        current.Find(documentId)?.Info.Version == version ? SitePaths.DocumentPage(documentId) : SitePaths.ArchivedPage(documentId, version);
}
