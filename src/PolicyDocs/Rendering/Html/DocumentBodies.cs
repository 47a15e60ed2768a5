using PolicyDocs.Publication;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// The HTML of one published document's section bodies and preamble, each rendered once: a document's page and its
/// print view (and any other page at any depth) show the same rendering, with the way up to the site root that page needs.
/// </summary>
internal sealed class DocumentBodies
{
    private readonly Dictionary<PublishedSection, SiteRelativeHtml> _bodies = new(ReferenceEqualityComparer.Instance);

    /// <summary>Renders the bodies of <paramref name="doc"/> of <paramref name="set"/>.</summary>
    public DocumentBodies(PublishedSet set, PublishedDocument doc)
    {
        var renderer = new HtmlBodyRenderer(set.Xrefs, doc.Id, 0, doc.Document.Images);
        Preamble = doc.Preamble?.Body is { } preamble ? renderer.RenderRelative(preamble, 1, "preamble") : SiteRelativeHtml.Empty;
        void Add(PublishedSection s)
        {
            // Below the section's heading, which DocumentHtml writes at its depth + 1; ids prefixed with its anchor.
            if (s.Body is not null) _bodies[s] = renderer.RenderRelative(s.Body, HeadingLevel(s), s.Anchor);
            foreach (var c in s.Children) Add(c);
        }
        foreach (var s in doc.Sections) Add(s);
        foreach (var a in doc.Appendices) Add(a);
    }

    /// <summary>The HTML level of a section's heading on the document's pages: h2 for a chapter, at most h6.</summary>
    public static int HeadingLevel(PublishedSection s) => Math.Min(6, s.Depth + 1);

    /// <summary>The text before the first section, if any (empty otherwise).</summary>
    public SiteRelativeHtml Preamble { get; }

    /// <summary>The body of <paramref name="section"/>; empty for a section without one.</summary>
    public SiteRelativeHtml Of(PublishedSection section) => _bodies.GetValueOrDefault(section) ?? SiteRelativeHtml.Empty;
}
