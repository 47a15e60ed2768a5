using System.Globalization;
using System.Net;
using System.Text;
using PolicyDocs.Output;
using PolicyDocs.Publication;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// The HTML of one published document's sections for a page at a given depth: numbered headings with permalinks,
/// bodies, "No stipulation." sections set apart, the CAs a section applies to, the recommendations it addresses,
/// "Referenced by" backlinks, previous/next links, and the contents tree. The bodies come rendered
/// (<see cref="DocumentBodies"/>), so the page and the print view share them.
/// </summary>
internal sealed class DocumentHtml
{
    private readonly PublishedDocument _doc;
    private readonly int _depth;
    private readonly bool _print;
    private readonly DocumentBodies _bodies;
    private readonly Dictionary<PublishedSection, int> _position = new(ReferenceEqualityComparer.Instance);

    /// <summary>Prepares to show <paramref name="doc"/> with its rendered <paramref name="bodies"/> on a page
    /// <paramref name="depth"/> folders deep; <paramref name="print"/> drops interactive parts.</summary>
    public DocumentHtml(PublishedDocument doc, DocumentBodies bodies, int depth, bool print)
    {
        _doc = doc;
        _depth = depth;
        _print = print;
        _bodies = bodies;
        for (var i = 0; i < doc.ReadingOrder.Length; i++) _position[doc.ReadingOrder[i]] = i;
    }

    /// <summary>The preamble's HTML, if any.</summary>
    public string Preamble() => _bodies.Preamble.At(_depth);

    /// <summary>The body HTML.</summary>
    public string Body()
    {
        var html = new StringBuilder();
        foreach (var s in _doc.Sections) Section(s, html);
        foreach (var a in _doc.Appendices) Section(a, html);
        return html.ToString();
    }

    /// <summary>The contents tree as nested lists of links to section anchors.</summary>
    public string Toc()
    {
        var html = new StringBuilder();
        Toc(_doc.Contents, html);
        return html.ToString();
    }

    private void Section(PublishedSection s, StringBuilder html)
    {
        var level = DocumentBodies.HeadingLevel(s);
        var noStip = s.IsNoStipulation;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{s.Anchor}\" class=\"section depth-{s.Depth}{(noStip ? " no-stipulation" : "")}\" aria-labelledby=\"h-{s.Anchor}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h{level} id=\"h-{s.Anchor}\">");
        // The heading's GitHub id, so links written for the Markdown file on GitHub land here too.
        if (s.Slug is { } slug) html.Append(CultureInfo.InvariantCulture, $"<span class=\"heading-id\" id=\"{Esc(slug)}\"></span>");
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"section-number\">{Esc(s.Label)}</span> <span class=\"section-title\">{Esc(s.Title)}</span>");
        if (noStip) html.Append(" <span class=\"badge badge-nostip\">No stipulation</span>");
        if (!_print) html.Append(CultureInfo.InvariantCulture, $"<a class=\"permalink\" href=\"#{s.Anchor}\" aria-label=\"Permalink to section {Esc(s.Label)}\">#</a>");
        html.Append(CultureInfo.InvariantCulture, $"</h{level}>\n");
        AppliesTo(s, html);
        var body = _bodies.Of(s).At(_depth);
        if (noStip && !_print)
            html.Append("<details class=\"nostip-details\"><summary>This document makes no stipulation here</summary>\n").Append(body).Append("</details>\n");
        else html.Append(body);
        Recommendations(s, html);
        Backlinks(s, html);
        if (!_print && !noStip) Neighbours(s, html);
        foreach (var c in s.Children) Section(c, html);
        html.Append("</section>\n");
    }

    /// <summary>For a document covering several CAs, the CAs a section's practice is limited to.</summary>
    private void AppliesTo(PublishedSection s, StringBuilder html)
    {
        if (s.Cas.IsEmpty) return;
        html.Append("<p class=\"section-cas\"><span class=\"backlinks-label\">Applies to:</span> ");
        for (var i = 0; i < s.Cas.Length; i++)
        {
            if (i > 0) html.Append(", ");
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"badge\" href=\"{SiteLinks.Root(_depth)}index.html#ca-{Esc(s.Cas[i].Id)}\">{Esc(s.Cas[i].Name)}</a>");
        }
        html.Append("</p>\n");
    }

    private void Recommendations(PublishedSection s, StringBuilder html)
    {
        if (s.Addresses.IsEmpty) return;
        html.Append("<p class=\"addresses-recommendations\"><span class=\"backlinks-label\">Addresses recommendations:</span> ");
        for (var i = 0; i < s.Addresses.Length; i++)
        {
            if (i > 0) html.Append(", ");
            var href = SiteLinks.Root(_depth) + SitePaths.MatrixPage + "#rec-" + s.Addresses[i].Id;
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Esc(href)}\" title=\"{Esc(s.Addresses[i].Text)}\">{Esc(s.Addresses[i].Id)}</a>");
        }
        html.Append("</p>\n");
    }

    private void Backlinks(PublishedSection s, StringBuilder html)
    {
        if (s.ReferencedBy.IsEmpty) return;
        html.Append("<p class=\"backlinks\"><span class=\"backlinks-label\">Referenced by:</span> ");
        for (var i = 0; i < s.ReferencedBy.Length; i++)
        {
            var b = s.ReferencedBy[i];
            if (i > 0) html.Append(", ");
            var href = (b.SameDocument ? "" : SiteLinks.Root(_depth) + SitePaths.DocumentPage(b.DocumentId)) + "#" + PolicyDocs.Markdown.SectionAnchor.Of(b.SectionNumber);
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Esc(href)}\" title=\"{Esc(b.Title)}\">{Esc(b.Label)}</a>");
        }
        html.Append("</p>\n");
    }

    private void Neighbours(PublishedSection s, StringBuilder html)
    {
        var order = _doc.ReadingOrder;
        var i = _position[s];
        var prev = i > 0 ? order[i - 1] : null;
        var next = i + 1 < order.Length ? order[i + 1] : null;
        if (prev is null && next is null) return;
        html.Append("<p class=\"section-nav\">");
        if (prev is not null)
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"prev\" href=\"#{prev.Anchor}\" rel=\"prev\"><span aria-hidden=\"true\">←</span> <span class=\"visually-hidden\">Previous section: </span>{Esc(prev.DisplayTitle)}</a>");
        if (next is not null)
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"next\" href=\"#{next.Anchor}\" rel=\"next\"><span class=\"visually-hidden\">Next section: </span>{Esc(next.DisplayTitle)} <span aria-hidden=\"true\">→</span></a>");
        html.Append("</p>\n");
    }

    private static void Toc(IEnumerable<ContentsEntry> entries, StringBuilder html)
    {
        html.Append("<ol>");
        foreach (var e in entries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{e.Anchor}\" data-anchor=\"{e.Anchor}\"{(e.IsNoStipulation ? " class=\"toc-nostip\"" : "")}><span class=\"toc-number\">{Esc(e.Label)}</span> {Esc(e.Title)}</a>");
            if (!e.Children.IsEmpty) Toc(e.Children, html);
            html.Append("</li>");
        }
        html.Append("</ol>\n");
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
