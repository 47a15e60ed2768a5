using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using MdFootnote = Markdig.Extensions.Footnotes.Footnote;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Publication;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Rendering.Docx;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// State of one document render: bookmark names and ids (one counter), hyperlink relationships with fixed ids,
/// list numbering, and footnotes in order of first reference.
/// </summary>
internal sealed class DocxContext
{
    private readonly Dictionary<string, string> _sectionBookmarks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _anchorBookmarks;
    private readonly HashSet<string> _claimedAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<(DocxPart, string), string> _relationships;
    private readonly Dictionary<DocxPart, int> _relationshipCounts;
    private DocxPart _linkPart;
    private readonly Dictionary<MdFootnote, int> _footnoteIds = [];
    private int _nextBookmarkId;

    /// <summary>A context for <paramref name="published"/>. A redline writes both versions into one package: its old-version
    /// context passes the new one as <paramref name="sharing"/>, to share its list numbering and link relationships.</summary>
    public DocxContext(PublishedDocument published, ReferenceDocument reference, DocxPart main, DocxContext? sharing = null)
    {
        var document = published.Document;
        Set = published.Set.Set;
        Document = document;
        Xrefs = published.Set.Xrefs;
        Reference = reference;
        Main = main;
        _linkPart = main;
        Numbering = sharing?.Numbering ?? new DocxNumbering();
        _relationships = sharing?._relationships ?? [];
        _relationshipCounts = sharing?._relationshipCounts ?? [];
        Images = sharing?.Images;
        foreach (var s in document.AllSections.Concat(document.AllAppendices))
            _sectionBookmarks.TryAdd(s.Number, DocxNames.SectionBookmark(s));
        IEnumerable<Section> all = [.. document.Preamble is { } p ? [p] : Array.Empty<Section>(), .. document.AllSections, .. document.AllAppendices];
        _anchorBookmarks = [.. all.SelectMany(s => s.Body?.Descendants<XrefInline>().Where(x => x.Kind == XrefKind.Anchor).Select(x => x.Target) ?? [])
            .Concat(all.SelectMany(s => s.Body is null ? [] : HtmlAnchors.In(s.Body).Select(a => a.Id)))
            .Concat(all.SelectMany(s => s.Body?.Descendants<HeadingBlock>().Select(Xrefs.IdOf).OfType<string>() ?? []))
            .Select(DocxNames.AnchorBookmark)];
    }

    public PolicySet Set { get; }
    public PolicyDocument Document { get; }
    public XrefIndex Xrefs { get; }
    public ReferenceDocument Reference { get; }
    public DocxPart Main { get; }
    public DocxNumbering Numbering { get; }
    public List<OpenXmlElement> FootnoteBodies { get; } = [];

    /// <summary>The package's pictures; null shows images as their alternative text.</summary>
    public DocxImages? Images { get; set; }

    /// <summary>The part links and pictures are written into now (the main document, or the footnotes while a footnote renders).</summary>
    public DocxPart CurrentPart => _linkPart;

    /// <summary>The footnotes part, created before rendering when the document has footnotes.</summary>
    public DocxPart? FootnotesPart { get; set; }

    public static IEnumerable<Section> Flatten(Section s) => [s, .. s.Children.SelectMany(Flatten)];

    /// <summary>Next bookmark id (bookmarks are the only annotations this writer emits).</summary>
    public int NextBookmarkId() => _nextBookmarkId++;

    /// <summary>The bookmark of section <paramref name="number"/>, if the document has it.</summary>
    public string? SectionBookmark(string number) => _sectionBookmarks.GetValueOrDefault(number);

    /// <summary>Claims an anchor bookmark the first time it is defined; later duplicates are skipped.</summary>
    public bool ClaimAnchor(string name, out string id)
    {
        id = "";
        if (!_claimedAnchors.Add(name)) return false;
        id = NextBookmarkId().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The bookmark a resolved reference into this document lands on, or null when there is none.</summary>
    public string? BookmarkFor(XrefTarget target)
    {
        if (target.Kind == XrefKind.Section)
            return target.SectionNumber is { } n ? SectionBookmark(n) : null;
        if (target.Kind == XrefKind.Document) return null;
        var anchor = DocxNames.AnchorBookmark(target.Anchor);
        if (_anchorBookmarks.Contains(anchor)) return anchor;
        if (target.Anchor.StartsWith("section-", StringComparison.Ordinal)) return SectionBookmark(target.Anchor["section-".Length..]);
        return target.SectionNumber is { } holder ? SectionBookmark(holder) : null;
    }

    /// <summary>The relationship id of an external or relative link target, created on first use ("rIdLink1"...).</summary>
    public string? Relationship(string url)
    {
        if (_relationships.TryGetValue((_linkPart, url), out var id)) return id;
        if (!Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri)) return null;
        var n = _relationshipCounts.GetValueOrDefault(_linkPart) + 1;
        _relationshipCounts[_linkPart] = n;
        id = "rIdLink" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _linkPart.AddHyperlink(uri.OriginalString, id);
        _relationships[(_linkPart, url)] = id;
        return id;
    }

    /// <summary>The Word footnote id of every Markdown footnote rendered so far.</summary>
    public IReadOnlyDictionary<MdFootnote, int> FootnoteIds => _footnoteIds;

    /// <summary>The Word footnote id of a Markdown footnote, rendering its body on first use.</summary>
    public int Footnote(MdFootnote footnote, DocxBodyWriter writer)
    {
        if (_footnoteIds.TryGetValue(footnote, out var id)) return id;
        id = _footnoteIds.Count + 1;
        _footnoteIds[footnote] = id;
        var blocks = new List<OpenXmlElement>();
        var outer = _linkPart;
        _linkPart = FootnotesPart ?? Main;
        writer.WriteBlocks(footnote, blocks);
        _linkPart = outer;
        if (blocks.Count == 0 || blocks[^1] is not Paragraph) blocks.Add(new Paragraph());
        var first = blocks.OfType<Paragraph>().First();
        first.ParagraphProperties ??= new ParagraphProperties();
        first.ParagraphProperties.ParagraphStyleId = new ParagraphStyleId { Val = "FootnoteText" };
        first.InsertAfter(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }), first.ParagraphProperties);
        first.InsertAfter(new Run(new RunProperties { RunStyle = new RunStyle { Val = "FootnoteReference" } }, new FootnoteReferenceMark()), first.ParagraphProperties);
        foreach (var p in blocks.OfType<Paragraph>().Skip(1))
        {
            p.ParagraphProperties ??= new ParagraphProperties();
            p.ParagraphProperties.ParagraphStyleId ??= new ParagraphStyleId { Val = "FootnoteText" };
        }
        FootnoteBodies.Add(new Footnote(blocks) { Id = id });
        return id;
    }
}
