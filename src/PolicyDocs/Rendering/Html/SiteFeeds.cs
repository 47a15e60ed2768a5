using System.Globalization;
using System.Security;
using System.Text;
using PolicyDocs.Versions;
using PolicyDocs.Model;

namespace PolicyDocs.Rendering.Html;

/// <summary>sitemap.xml, the Atom feed of document versions and robots.txt. Dates come from the content, never the clock.</summary>
internal static class SiteFeeds
{
    /// <summary>A sitemap of <paramref name="pages"/> (paths from the site root, with their last-modified dates).</summary>
    public static string Sitemap(string baseUrl, IEnumerable<(string Path, DateOnly? LastModified)> pages)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var (path, modified) in pages)
        {
            sb.Append("  <url><loc>").Append(X(Url(baseUrl, path))).Append("</loc>");
            if (modified is { } d) sb.Append("<lastmod>").Append(Day(d)).Append("</lastmod>");
            sb.Append("</url>\n");
        }
        return sb.Append("</urlset>\n").ToString();
    }

    /// <summary>An Atom feed with one entry per document version (from the revision histories), newest first.</summary>
    public static string Atom(PolicySet set, SiteHistory? history = null)
    {
        var redlines = (history ?? SiteHistory.Empty).Changes.ToDictionary(c => (c.DocumentId, c.ToVersion), c => c.HtmlPath);
        var baseUrl = set.Info.BaseUrl;
        var entries = set.Documents
            .SelectMany(d => d.Info.Revisions.Select(r => (Doc: d, Rev: r)))
            .OrderByDescending(e => e.Rev.Date).ThenBy(e => e.Doc.Id, StringComparer.Ordinal).ThenBy(e => e.Rev.Version, StringComparer.Ordinal)
            .ToList();
        var updated = entries.Count > 0 ? entries[0].Rev.Date : set.Documents.Select(d => d.Info.EffectiveDate).Max() ?? new DateOnly(2000, 1, 1);
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append("  <title>").Append(X(set.Info.Name)).Append("</title>\n");
        sb.Append("  <id>").Append(X(baseUrl ?? "urn:policydocs:" + Slug(set.Info.Name))).Append("</id>\n");
        sb.Append("  <updated>").Append(Day(updated)).Append("T00:00:00Z</updated>\n");
        // Atom requires an author: the publisher, else the documents' own authors, else the set's name.
        var author = set.Info.Publisher.Name ?? set.Documents.SelectMany(d => d.Info.Authors).FirstOrDefault() ?? set.Info.Name;
        sb.Append("  <author><name>").Append(X(author)).Append("</name>");
        if (set.Info.Publisher.Email is { } email) sb.Append("<email>").Append(X(email)).Append("</email>");
        sb.Append("</author>\n");
        if (baseUrl is not null)
        {
            sb.Append("  <link rel=\"self\" href=\"").Append(X(Url(baseUrl, "feed.xml"))).Append("\"/>\n");
            sb.Append("  <link rel=\"alternate\" href=\"").Append(X(baseUrl)).Append("\"/>\n");
        }
        foreach (var (doc, rev) in entries)
        {
            // A version with a published redline links it: subscribers see what changed; others link the version archive.
            var page = redlines.TryGetValue((doc.Id, rev.Version), out var redline) ? redline.Replace("index.html", "", StringComparison.Ordinal) : doc.Id + "/versions/";
            sb.Append("  <entry>\n");
            sb.Append("    <title>").Append(X($"{doc.Info.ShortTitle} version {rev.Version}")).Append("</title>\n");
            sb.Append("    <id>").Append(X(baseUrl is null ? $"urn:policydocs:{doc.Id}:{rev.Version}" : Url(baseUrl, doc.Id + "/versions/") + "#v" + rev.Version)).Append("</id>\n");
            sb.Append("    <updated>").Append(Day(rev.Date)).Append("T00:00:00Z</updated>\n");
            sb.Append("    <link rel=\"alternate\" href=\"").Append(X(baseUrl is null ? page + "index.html" : Url(baseUrl, page))).Append("\"/>\n");
            sb.Append("    <summary>").Append(X(rev.Summary)).Append("</summary>\n");
            sb.Append("  </entry>\n");
        }
        return sb.Append("</feed>\n").ToString();
    }

    /// <summary>robots.txt: everything may be crawled; names the sitemap when the base URL is known.</summary>
    public static string Robots(string? baseUrl) =>
        "User-agent: *\nAllow: /\n" + (baseUrl is null ? "" : $"Sitemap: {Url(baseUrl, "sitemap.xml")}\n");

    /// <summary>The absolute URL of a site path ("cp/index.html" → "https://x/cp/").</summary>
    public static string Url(string baseUrl, string path)
    {
        var b = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        if (path == "index.html") return b;
        return b + (path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string X(string s) => SecurityElement.Escape(s);

    private static string Slug(string s) => new([.. s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
