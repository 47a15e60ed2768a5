using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Markdig.Syntax;

namespace PolicyDocs.Xrefs;

/// <summary>
/// The outcome of resolving references: the target of every <c>[[...]]</c>, <c>xref:</c> and <c>#fragment</c>
/// link in the parsed prose, the backlinks of every section, and the anchors each document page defines.
/// </summary>
internal sealed class XrefIndex
{
    private readonly ConditionalWeakTable<MarkdownObject, XrefTarget> _targets;
    private readonly FrozenDictionary<(string Doc, string Section), Backlink[]> _backlinks;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _anchors;
    private readonly ConditionalWeakTable<HeadingBlock, string> _headingIds;
    private readonly FrozenDictionary<(string, string), string> _sectionSlugs;

    internal XrefIndex(ConditionalWeakTable<MarkdownObject, XrefTarget> targets,
        Dictionary<(string, string), SortedSet<(string, string, string)>> backlinks,
        Dictionary<string, Dictionary<string, string>> anchors,
        ConditionalWeakTable<HeadingBlock, string>? headingIds = null,
        Dictionary<(string, string), string>? sectionSlugs = null)
    {
        _targets = targets;
        _headingIds = headingIds ?? [];
        _sectionSlugs = (sectionSlugs ?? []).ToFrozenDictionary();
        _backlinks = backlinks.ToFrozenDictionary(kv => kv.Key,
            kv => kv.Value.Select(b => new Backlink(b.Item1, b.Item2, b.Item3)).ToArray());
        _anchors = anchors.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The target of a reference inline or link, or null when it is not a resolved internal reference.</summary>
    public XrefTarget? Resolve(MarkdownObject node) => _targets.TryGetValue(node, out var t) ? t : null;

    /// <summary>Sections that refer to section <paramref name="number"/> of <paramref name="documentId"/>, sorted.</summary>
    public IReadOnlyList<Backlink> BacklinksOf(string documentId, string number) =>
        _backlinks.TryGetValue((documentId, number), out var list) ? list : [];

    /// <summary>The id of a heading inside a section body: the one written (<c>{#id}</c>) or the heading's GitHub id;
    /// null when another anchor of the document has that id.</summary>
    public string? IdOf(HeadingBlock heading) => _headingIds.TryGetValue(heading, out var id) ? id : null;

    /// <summary>The GitHub id of the heading of the section with <paramref name="anchor"/> in <paramref name="documentId"/>;
    /// null when another anchor of the document has that id.</summary>
    public string? SlugOf(string documentId, string anchor) => _sectionSlugs.GetValueOrDefault((documentId, anchor));

    /// <summary>Anchor ids defined on a document's page, each mapped to the section that holds it.</summary>
    public IReadOnlyDictionary<string, string> AnchorsOf(string documentId) =>
        _anchors.TryGetValue(documentId, out var a) ? a : FrozenDictionary<string, string>.Empty;
}
