namespace PolicyDocs.Rendering.Html;

/// <summary>
/// HTML whose links to other pages of the site, and whose pictures, start from the site root, which is as many folders
/// up as the page showing it is deep: it is kept as the parts around the places where that way up goes, so that one
/// rendering serves pages at any depth (a document's page and its print view).
/// </summary>
internal sealed class SiteRelativeHtml
{
    private readonly string[] _parts;

    /// <summary>HTML with a way up to the site root between each two of <paramref name="parts"/>.</summary>
    public SiteRelativeHtml(string[] parts) => _parts = parts;

    /// <summary>An empty body.</summary>
    public static SiteRelativeHtml Empty { get; } = new([""]);

    /// <summary>The HTML as shown on a page <paramref name="depth"/> folders below the site root.</summary>
    public string At(int depth) => _parts.Length == 1 ? _parts[0] : string.Join(SiteLinks.Root(depth), _parts);
}
