using System.Globalization;
using System.Net;
using System.Text;
using PolicyDocs.Output;
using PolicyDocs.Model;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// The HTML of one document's sections for a page at a given depth: numbered headings with permalinks, bodies,
/// "No stipulation." sections set apart, "Referenced by" backlinks, previous/next links, and the contents tree.
/// </summary>
public sealed class DocumentHtml
{
    private readonly PolicySet _set;
    private readonly XrefIndex _xrefs;
    private readonly PolicyDocument _doc;
    private readonly int _depth;
    private readonly bool _print;
    private readonly HtmlBodyRenderer _renderer;
    private readonly Matrix.RecommendationIndex _recommendations;
    private readonly List<Section> _order;
    private readonly Dictionary<Section, int> _position = new(ReferenceEqualityComparer.Instance);

    /// <summary>Prepares to render <paramref name="doc"/> for a page <paramref name="depth"/> folders deep; <paramref name="print"/> drops interactive parts.</summary>
    public DocumentHtml(PolicySet set, XrefIndex xrefs, PolicyDocument doc, int depth, bool print, Matrix.RecommendationIndex? recommendations = null)
    {
        _set = set;
        _recommendations = recommendations ?? Matrix.RecommendationIndex.Empty;
        _xrefs = xrefs;
        _doc = doc;
        _depth = depth;
        _print = print;
        _renderer = new HtmlBodyRenderer(xrefs, doc.Id, depth);
        _order = [.. doc.AllSections];
        foreach (var a in doc.Appendices) Flatten(a, _order);
        for (var i = 0; i < _order.Count; i++) _position[_order[i]] = i;
    }

    private static void Flatten(Section s, List<Section> into)
    {
        into.Add(s);
        foreach (var c in s.Children) Flatten(c, into);
    }

    /// <summary>Every section in reading order (numbered sections, then appendices).</summary>
    public IReadOnlyList<Section> Order => _order;

    /// <summary>The preamble's HTML, if any.</summary>
    public string Preamble() => _doc.Preamble?.Body is { } body ? _renderer.Render(body, 1, "preamble") : "";

    /// <summary>The body HTML; <paramref name="onSection"/> receives each section's own rendered body (for the search index).</summary>
    public string Body(Action<Section, string>? onSection = null)
    {
        var html = new StringBuilder();
        foreach (var s in _doc.Sections) Section(s, html, onSection);
        foreach (var a in _doc.Appendices) Section(a, html, onSection);
        return html.ToString();
    }

    /// <summary>The contents tree as nested lists of links to section anchors.</summary>
    public string Toc()
    {
        var html = new StringBuilder();
        Toc(_doc.Sections.Concat(_doc.Appendices), html);
        return html.ToString();
    }

    private void Section(Section s, StringBuilder html, Action<Section, string>? onSection)
    {
        var level = Math.Min(6, s.Depth + 1);
        var noStip = s.IsNoStipulation;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{s.Anchor}\" class=\"section depth-{s.Depth}{(noStip ? " no-stipulation" : "")}\" aria-labelledby=\"h-{s.Anchor}\">\n");
        var number = s.IsAppendix ? "Appendix " + s.Number : s.Number;
        html.Append(CultureInfo.InvariantCulture, $"<h{level} id=\"h-{s.Anchor}\"><span class=\"section-number\">{Esc(number)}</span> <span class=\"section-title\">{Esc(s.Title)}</span>");
        if (noStip) html.Append(" <span class=\"badge badge-nostip\">No stipulation</span>");
        if (!_print) html.Append(CultureInfo.InvariantCulture, $"<a class=\"permalink\" href=\"#{s.Anchor}\" aria-label=\"Permalink to section {Esc(number)}\">#</a>");
        html.Append(CultureInfo.InvariantCulture, $"</h{level}>\n");
        AppliesTo(s, html);
        var body = s.Body is null ? "" : _renderer.Render(s.Body, level, s.Anchor);
        onSection?.Invoke(s, body);
        if (noStip && !_print)
            html.Append("<details class=\"nostip-details\"><summary>This document makes no stipulation here</summary>\n").Append(body).Append("</details>\n");
        else html.Append(body);
        Recommendations(s, html);
        Backlinks(s, html);
        if (!_print && !noStip) Neighbours(s, html);
        foreach (var c in s.Children) Section(c, html, onSection);
        html.Append("</section>\n");
    }

    /// <summary>For a document covering several CAs, the CAs a section's practice is limited to.</summary>
    private void AppliesTo(Section s, StringBuilder html)
    {
        if (s.Cas.IsEmpty) return;
        html.Append("<p class=\"section-cas\"><span class=\"backlinks-label\">Applies to:</span> ");
        for (var i = 0; i < s.Cas.Length; i++)
        {
            if (i > 0) html.Append(", ");
            var name = _set.Data.Cas.FirstOrDefault(c => c.Id == s.Cas[i])?.Name ?? s.Cas[i];
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"badge\" href=\"{SiteLinks.Root(_depth)}index.html#ca-{Esc(s.Cas[i])}\">{Esc(name)}</a>");
        }
        html.Append("</p>\n");
    }

    private void Recommendations(Section s, StringBuilder html)
    {
        var recs = _recommendations.For(_doc.Id, s.Number);
        if (recs.IsEmpty) return;
        html.Append("<p class=\"addresses-recommendations\"><span class=\"backlinks-label\">Addresses recommendations:</span> ");
        for (var i = 0; i < recs.Length; i++)
        {
            if (i > 0) html.Append(", ");
            var href = SiteLinks.Root(_depth) + MatrixPageModel.PagePath + "#rec-" + recs[i].Id;
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Esc(href)}\" title=\"{Esc(recs[i].Text)}\">{Esc(recs[i].Id)}</a>");
        }
        html.Append("</p>\n");
    }

    private void Backlinks(Section s, StringBuilder html)
    {
        if (s.IsAppendix) return;
        var backlinks = _xrefs.BacklinksOf(_doc.Id, s.Number);
        if (backlinks.Count == 0) return;
        html.Append("<p class=\"backlinks\"><span class=\"backlinks-label\">Referenced by:</span> ");
        for (var i = 0; i < backlinks.Count; i++)
        {
            var b = backlinks[i];
            if (i > 0) html.Append(", ");
            var same = b.DocumentId == _doc.Id;
            var href = (same ? "" : SiteLinks.Root(_depth) + SitePaths.DocumentPage(b.DocumentId)) + "#" + PolicyDocs.Markdown.SectionAnchor.Of(b.SectionNumber);
            var label = same ? b.SectionNumber : $"{_set.Find(b.DocumentId)?.Info.KindLabel} {b.SectionNumber}";
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Esc(href)}\" title=\"{Esc(b.Title)}\">{Esc(label)}</a>");
        }
        html.Append("</p>\n");
    }

    private void Neighbours(Section s, StringBuilder html)
    {
        var i = _position[s];
        var prev = i > 0 ? _order[i - 1] : null;
        var next = i + 1 < _order.Count ? _order[i + 1] : null;
        if (prev is null && next is null) return;
        html.Append("<p class=\"section-nav\">");
        if (prev is not null)
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"prev\" href=\"#{prev.Anchor}\" rel=\"prev\"><span aria-hidden=\"true\">←</span> <span class=\"visually-hidden\">Previous section: </span>{Esc(prev.DisplayTitle)}</a>");
        if (next is not null)
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"next\" href=\"#{next.Anchor}\" rel=\"next\"><span class=\"visually-hidden\">Next section: </span>{Esc(next.DisplayTitle)} <span aria-hidden=\"true\">→</span></a>");
        html.Append("</p>\n");
    }

    private static void Toc(IEnumerable<Section> sections, StringBuilder html)
    {
        html.Append("<ol>");
        foreach (var s in sections)
        {
            var number = s.IsAppendix ? "Appendix " + s.Number : s.Number;
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{s.Anchor}\" data-anchor=\"{s.Anchor}\"{(s.IsNoStipulation ? " class=\"toc-nostip\"" : "")}><span class=\"toc-number\">{Esc(number)}</span> {Esc(s.Title)}</a>");
            if (!s.Children.IsEmpty) Toc(s.Children, html);
            html.Append("</li>");
        }
        html.Append("</ol>\n");
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
