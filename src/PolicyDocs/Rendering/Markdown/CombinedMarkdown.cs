using System.Globalization;
using System.Text;
using Markdig.Syntax;
using PolicyDocs.Output;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Publication;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Rendering.Markdown;

/// <summary>
/// Writes the combined, authoritative Markdown of a document: plain GitHub-flavoured Markdown rendered from the
/// model's section trees (bound, sanitised, references resolved), so its text is the site's and the Word file's.
/// It compiles by itself as a single-file CP/CPS (<c>policydocs build --content doc.md</c>).
/// <para>
/// The front matter carries what the single-file loader reads and the file can stand behind on its own: the policy
/// set's name and publisher, and the document's id, kind, titles, OID, version, effective date, status and revision
/// history. The CAs the document applies to and the CPs a CPS implements are records of the policy set's data, which
/// the file does not hold, so they are left out (the text names them: sections 1.1 to 1.3).
/// </para>
/// <para>
/// References become ordinary links with their generated text: to a section or a term, role or CA defined in this
/// document, the GitHub slug of the heading of the section that holds it, as written in this file (headings inside
/// sections counted, repeats numbered as GitHub does); to another document, its published page
/// (<c>base_url</c> + <c>cp/index.html#section-4.9.1</c>, as the site links it). Without a base URL, and for
/// recommendations (published on the matrix page, not in the file), the text stands alone.
/// </para>
/// </summary>
internal static class CombinedMarkdown
{
    /// <summary>The site path of a document's Markdown download.</summary>
    public static string PathOf(DocumentInfo info) => SitePaths.MarkdownDownload(info.Id, info.VersionKey);

    /// <summary>The folder beside the download that holds its images, as the file links it: "cps-1.2/".</summary>
    public static string ImageFolder(DocumentInfo info) => SitePaths.MarkdownImageFolder(info.Id, info.VersionKey)["downloads/".Length..];

    /// <summary>
    /// The image files shipped beside the download, by site path: each image under the download's image folder at the
    /// path it had beside the Markdown ("downloads/cps-1.2/images/ca.svg"), an SVG's PNG rendering beside it, so the file
    /// and its folder compile by themselves as they did in the content.
    /// </summary>
    public static IEnumerable<(string Path, byte[] Bytes)> Images(PolicyDocument doc)
    {
        var folder = SitePaths.MarkdownImageFolder(doc.Info.Id, doc.Info.VersionKey);
        foreach (var image in doc.Images.Values.DistinctBy(i => i.Path, StringComparer.Ordinal))
        {
            yield return (folder + image.Path, image.Bytes);
            if (image.Fallback is { } png) yield return (folder + png.Path, png.Bytes);
        }
    }

    /// <summary>Renders <paramref name="doc"/> as one Markdown file.</summary>
    public static string Render(PublishedDocument doc)
    {
        var cover = doc.Cover;
        var sb = new StringBuilder();
        sb.Append("---\n");
        Field(sb, "id", cover.Id);
        if (cover.KindStated) Field(sb, "kind", DocumentKinds.Key(cover.Kind));
        if (!cover.FollowsRfc3647 && cover.Kind != DocumentKind.Other) Field(sb, "outline", "none");
        Field(sb, "title", cover.Title);
        if (cover.Subtitle is not null) Field(sb, "subtitle", cover.Subtitle);
        Field(sb, "short_title", cover.ShortTitle);
        if (cover.Oid is not null) Field(sb, "oid", cover.Oid);
        if (cover.Version is not null) Field(sb, "version", cover.Version);
        if (cover.EffectiveDate is { } d) sb.Append("effective_date: ").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (cover.Status is { } status) Field(sb, "status", status.ToString().ToLowerInvariant());
        if (cover.Authors.Length > 0)
        {
            sb.Append("author:\n");
            foreach (var a in cover.Authors) sb.Append("  - ").Append(Quote(a)).Append('\n');
        }
        if (cover.Date is { } date) sb.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (cover.Language is not null) Field(sb, "lang", cover.Language);
        Field(sb, "name", cover.SetName);
        if (cover.Publisher.Name is not null) Field(sb, "publisher", cover.Publisher.Name);
        // A history read from the document's own revision table stays in its text, where it is read again.
        if (!doc.Revisions.IsEmpty && !doc.Document.Info.RevisionsFromText)
        {
            sb.Append("revisions:\n");
            foreach (var r in doc.Revisions)
            {
                sb.Append("  - version: ").Append(Quote(r.Version)).Append('\n');
                sb.Append("    date: ").Append(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
                sb.Append("    summary: ").Append(Quote(r.Summary)).Append('\n');
                if (r.Approval is not null) sb.Append("    approval: ").Append(Quote(r.Approval)).Append('\n');
            }
        }
        sb.Append("---\n\n");

        var xrefs = doc.Set.Xrefs;
        var slugs = Slugs(doc, xrefs);
        var folder = ImageFolder(doc.Document.Info);
        var body = new GfmBodyRenderer(xrefs, t => Href(doc.Set.Set.Info.BaseUrl, doc.Id, slugs, t), url => doc.Document.Image(url) is { } image ? folder + string.Join('/', image.Path.Split('/').Select(Uri.EscapeDataString)) : null);
        // A footnote may be referred to before the section that defines it is written.
        foreach (var s in doc.Sections.Concat(doc.Appendices).SelectMany(Flatten))
            if (s.Body is not null) body.Prefix(s.Body, FootnotePrefix(s));
        if (doc.Preamble?.Body is { } preamble)
        {
            body.Prefix(preamble, "preamble");
            Append(sb, body.Render(preamble, 0, "preamble"));
        }
        foreach (var s in doc.Sections) Section(sb, s, body);
        foreach (var a in doc.Appendices) Section(sb, a, body);
        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>How a section's heading reads in the file: "# 1. Introduction", "## 1.1 Overview", "# Appendix A Profiles".</summary>
    private static string HeadingText(PublishedSection s) =>
        (s.IsAppendix ? s.Label : s.Depth == 1 ? s.Number + "." : s.Number) + (s.Title.Length > 0 ? " " + s.Title : "");


    private static int Level(PublishedSection s) => Math.Min(6, s.Depth);

    /// <summary>What makes the footnote labels of a section unique in the combined file: "4-9-1", or the appendix letter.</summary>
    private static string FootnotePrefix(PublishedSection s) => s.IsAppendix ? s.Number : s.Number.Replace('.', '-');

    private static IEnumerable<PublishedSection> Flatten(PublishedSection s) => [s, .. s.Children.SelectMany(Flatten)];

    private static void Section(StringBuilder sb, PublishedSection s, GfmBodyRenderer body)
    {
        sb.Append('#', Level(s)).Append(' ').Append(HeadingText(s)).Append("\n\n");
        if (s.Body is not null) Append(sb, body.Render(s.Body, Level(s), FootnotePrefix(s)));
        foreach (var c in s.Children) Section(sb, c, body);
    }

    private static void Append(StringBuilder sb, string markdown)
    {
        if (markdown.Length > 0) sb.Append(markdown).Append("\n\n");
    }

    /// <summary>
    /// The GitHub heading id of every section, by its anchor: the slugs of all headings of the file in order (the
    /// text before section 1, then each section heading followed by the headings in its body), a repeat getting
    /// "-1", "-2" as on GitHub.
    /// </summary>
    private static Dictionary<string, string> Slugs(PublishedDocument doc, XrefIndex xrefs)
    {
        var slugger = new GitHubSlugger();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void BodyHeadings(PublishedSection s)
        {
            // A heading's own id (its GitHub id in the source) links to its GitHub id in this file.
            foreach (var h in s.Body?.Descendants<HeadingBlock>() ?? [])
            {
                var slug = slugger.Next(InlineText.Of(h.Inline, xrefs));
                if (xrefs.IdOf(h) is { } id) result.TryAdd(id, slug);
            }
        }
        void Walk(PublishedSection s)
        {
            result.TryAdd(s.Anchor, slugger.Next(HeadingText(s)));
            BodyHeadings(s);
            foreach (var c in s.Children) Walk(c);
        }
        if (doc.Preamble is { } p) BodyHeadings(p);
        foreach (var s in doc.Sections) Walk(s);
        foreach (var a in doc.Appendices) Walk(a);
        return result;
    }

    /// <summary>Where a resolved reference links in the file; null when it is text only.</summary>
    private static string? Href(string? baseUrl, string documentId, Dictionary<string, string> slugs, XrefTarget target)
    {
        if (target.Kind == XrefKind.Recommendation || target.DocumentId is not { } id) return null;
        if (id != documentId)
        {
            if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out _)) return null;
            return baseUrl.TrimEnd('/') + "/" + id + "/index.html" + (target.Anchor.Length > 0 ? "#" + target.Anchor : "");
        }
        if (target.Kind == XrefKind.Document) return null;
        if (slugs.TryGetValue(target.Anchor, out var slug)) return "#" + slug;
        if (target.SectionNumber is { } number && slugs.TryGetValue(SectionAnchor.Of(number), out slug)) return "#" + slug;
        return null;
    }

    private static void Field(StringBuilder sb, string key, string value) => sb.Append(key).Append(": ").Append(Quote(value)).Append('\n');

    private static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
