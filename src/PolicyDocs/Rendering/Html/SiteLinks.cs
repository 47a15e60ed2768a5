using PolicyDocs.Markdown;
using PolicyDocs.Output;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Rendering.Html;

/// <summary>Relative URLs between pages of the built site, so it works from file:// and any base path.</summary>
internal static class SiteLinks
{
    /// <summary>"../" repeated for a page <paramref name="depth"/> folders below the site root.</summary>
    public static string Root(int depth) => string.Concat(Enumerable.Repeat("../", depth));

    /// <summary>The path of the site root on its server ("/" or "/policies/"), from the base URL; "/" when unknown.</summary>
    public static string AbsoluteRoot(string? baseUrl)
    {
        if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)) return "/";
        var p = uri.AbsolutePath;
        return p.EndsWith('/') ? p : p + "/";
    }

    /// <summary>The href of <paramref name="target"/> from a page of <paramref name="fromDocument"/> at <paramref name="depth"/>.</summary>
    public static string? Href(XrefTarget target, string? fromDocument, int depth)
    {
        if (target.Kind == XrefKind.Recommendation) return Root(depth) + SitePaths.MatrixPage + "#" + target.Anchor;
        if (target.DocumentId is null) return null;
        var fragment = target.Anchor.Length == 0 ? "" : "#" + target.Anchor;
        return target.DocumentId == fromDocument && fragment.Length > 0
            ? fragment
            : Root(depth) + SitePaths.DocumentPage(target.DocumentId) + fragment;
    }
}
