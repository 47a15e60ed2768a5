using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PolicyDocs.Model;

/// <summary>What a policy document is.</summary>
internal enum DocumentKind
{
    /// <summary>Certificate Policy.</summary>
    Cp,
    /// <summary>Certification Practice Statement.</summary>
    Cps,
    /// <summary>Combined CP and CPS.</summary>
    CpCps,
    /// <summary>Any other document (requirements, guidelines): not laid out by RFC 3647 unless it says so.</summary>
    Other,
}

/// <summary>The names of a <see cref="DocumentKind"/>.</summary>
internal static class DocumentKinds
{
    /// <summary>The <c>kind</c> values of document.yaml and front matter.</summary>
    public static readonly IReadOnlyDictionary<string, DocumentKind> ByKey =
        new Dictionary<string, DocumentKind> { ["cp"] = DocumentKind.Cp, ["cps"] = DocumentKind.Cps, ["cp-cps"] = DocumentKind.CpCps, ["other"] = DocumentKind.Other };

    /// <summary>The <c>kind</c> value that reads back as <paramref name="kind"/>.</summary>
    public static string Key(DocumentKind kind) => ByKey.First(p => p.Value == kind).Key;

    /// <summary>"CP", "CPS", "CP/CPS" or "Document".</summary>
    public static string Label(DocumentKind kind) => kind switch
    {
        DocumentKind.Cp => "CP", DocumentKind.Cps => "CPS", DocumentKind.CpCps => "CP/CPS", _ => "Document",
    };
}

/// <summary>Where a document version stands.</summary>
internal enum DocumentStatus
{
    /// <summary>Not yet approved; published with a DRAFT marking.</summary>
    Draft,
    /// <summary>Approved and in effect from its effective date.</summary>
    Approved,
    /// <summary>Replaced by a later version.</summary>
    Superseded,
}

/// <summary>One entry of a document's revision history.</summary>
/// <param name="Version">The version this revision produced.</param>
/// <param name="Date">The date of the revision (its effective date).</param>
/// <param name="Summary">What changed, in one or two sentences.</param>
/// <param name="Approval">Id of the Policy Authority decision that approved it, if any.</param>
/// <param name="Span">Where the entry is written.</param>
internal sealed record Revision(string Version, DateOnly Date, string Summary, string? Approval, SourceSpan Span);

/// <summary>Identity and metadata of a policy document (what document.yaml or front matter says).</summary>
internal sealed record DocumentInfo
{
    /// <summary>Short id used in paths and cross-references ("cp", "cps").</summary>
    public required string Id { get; init; }
    /// <summary>CP, CPS or combined.</summary>
    public required DocumentKind Kind { get; init; }
    /// <summary>Full title.</summary>
    public required string Title { get; init; }
    /// <summary>Short title for headers and reference text ("Northwind CPS").</summary>
    public required string ShortTitle { get; init; }
    /// <summary>The document's policy OID, if assigned.</summary>
    public string? Oid { get; init; }
    /// <summary>Version of this text ("1.2"); null when the document states none.</summary>
    public string? Version { get; init; }
    /// <summary>The name of this version in paths and archives: its version, or "current" when it states none.</summary>
    public string VersionKey => Version ?? "current";
    /// <summary>The date this version takes effect.</summary>
    public DateOnly? EffectiveDate { get; init; }
    /// <summary>Draft, approved or superseded; null when the document does not say.</summary>
    public DocumentStatus? Status { get; init; }
    /// <summary>The subtitle the document states (pandoc <c>subtitle</c>), if any.</summary>
    public string? Subtitle { get; init; }
    /// <summary>The authors the document names (pandoc <c>author</c>).</summary>
    public ImmutableArray<string> Authors { get; init; } = [];
    /// <summary>The date the document states for itself (pandoc <c>date</c>), if any.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The language of the text as a BCP 47 tag ("en"), if stated.</summary>
    public string? Language { get; init; }
    /// <summary>The copyright notice the document states (pandoc <c>copyright</c>), if any.</summary>
    public string? Copyright { get; init; }
    /// <summary>False when the title is the file's name, the document stating none (no front-matter title, no "# " heading).</summary>
    public bool TitleStated { get; init; } = true;
    /// <summary>False when the kind is assumed (a single file that does not say), so no output names it.</summary>
    public bool KindStated { get; init; } = true;
    /// <summary>
    /// True when <see cref="Revisions"/> were read from the document's own revision table: the document's statement,
    /// published as written and not held to the dated changelog rules of a history kept in YAML.
    /// </summary>
    public bool RevisionsFromText { get; init; }
    /// <summary>Ids of the CAs the document applies to.</summary>
    public ImmutableArray<string> Cas { get; init; } = [];
    /// <summary>For a CPS: ids of the CPs it implements.</summary>
    public ImmutableArray<string> Implements { get; init; } = [];
    /// <summary>Revision history, oldest first.</summary>
    public ImmutableArray<Revision> Revisions { get; init; } = [];
    /// <summary>Where the metadata is written.</summary>
    public required SourceSpan Span { get; init; }
    /// <summary>True when the sections follow the RFC 3647 outline and are checked against it (<c>outline: rfc3647</c>,
    /// the default but for <c>kind: other</c>); false for <c>outline: none</c>.</summary>
    public bool FollowsRfc3647 { get; init; } = true;
    /// <summary>True when <c>kind</c> or <c>outline</c> says whether the document follows RFC 3647; otherwise its
    /// chapters decide (<see cref="Rules.NotRfc3647"/>).</summary>
    public bool OutlineStated { get; init; } = true;

    /// <summary>"CP", "CPS", "CP/CPS" or "Document".</summary>
    public string KindLabel => DocumentKinds.Label(Kind);
}

/// <summary>
/// A policy document: metadata plus its section tree. Sections are indexed by number once, at construction.
/// </summary>
internal sealed class PolicyDocument
{
    private readonly FrozenDictionary<string, Section> _byNumber;

    /// <summary>Creates a document; later duplicates of a number are kept in the tree but not indexed.</summary>
    /// <param name="info">Metadata.</param>
    /// <param name="sections">Top-level sections.</param>
    /// <param name="appendices">Appendices.</param>
    /// <param name="preamble">Text before section 1 of a single file.</param>
    /// <param name="proseFolder">The folder its Markdown is read from, where relative image paths start.</param>
    /// <param name="images">The images its prose shows, by the URL as written.</param>
    public PolicyDocument(DocumentInfo info, ImmutableArray<Section> sections, ImmutableArray<Section> appendices, Section? preamble = null,
        string? proseFolder = null, ImmutableSortedDictionary<string, ImageAsset>? images = null)
    {
        Info = info;
        ProseFolder = proseFolder;
        Images = images ?? ImmutableSortedDictionary<string, ImageAsset>.Empty.WithComparers(StringComparer.Ordinal);
        Sections = sections;
        Appendices = appendices;
        Preamble = preamble;
        var all = ImmutableArray.CreateBuilder<Section>();
        foreach (var s in sections) Flatten(s, all);
        AllSections = all.ToImmutable();
        var allAppendices = ImmutableArray.CreateBuilder<Section>();
        foreach (var a in appendices) Flatten(a, allAppendices);
        AllAppendices = allAppendices.ToImmutable();
        var map = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var s in AllSections) map.TryAdd(s.Number, s);
        _byNumber = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Metadata.</summary>
    public DocumentInfo Info { get; }
    /// <summary>Shortcut for <c>Info.Id</c>.</summary>
    public string Id => Info.Id;
    /// <summary>Top-level sections (components 1–9 and extra ones) in document order.</summary>
    public ImmutableArray<Section> Sections { get; }
    /// <summary>Appendices after section 9.</summary>
    public ImmutableArray<Section> Appendices { get; }
    /// <summary>Every numbered section, depth-first in document order.</summary>
    public ImmutableArray<Section> AllSections { get; }
    /// <summary>Every appendix and every section of one ("A", "A.1", "A.1.1", "B"), depth-first in document order.</summary>
    public ImmutableArray<Section> AllAppendices { get; }
    /// <summary>
    /// Unnumbered Markdown before section 1 in a single-file document (title page, notices), if any: a section without
    /// number or title, bound, parsed and sanitised like every other.
    /// </summary>
    public Section? Preamble { get; }

    /// <summary>The folder the document's Markdown is read from (null when unknown): relative image paths start here.</summary>
    public string? ProseFolder { get; }

    /// <summary>The images the prose shows, keyed by the URL as written in the Markdown (resolved while compiling).</summary>
    public ImmutableSortedDictionary<string, ImageAsset> Images { get; }

    /// <summary>The image a Markdown image URL stands for, if it was resolved.</summary>
    public ImageAsset? Image(string? url) => url is not null && Images.TryGetValue(url, out var image) ? image : null;

    /// <summary>Returns a copy with <paramref name="info"/> in place of the document's facts.</summary>
    public PolicyDocument WithInfo(DocumentInfo info) => new(info, Sections, Appendices, Preamble, ProseFolder, Images);

    /// <summary>Returns a copy with <paramref name="preamble"/> in place of the preamble.</summary>
    public PolicyDocument WithPreamble(Section? preamble) => new(Info, Sections, Appendices, preamble, ProseFolder, Images);

    /// <summary>Returns a copy showing <paramref name="images"/>.</summary>
    public PolicyDocument WithImages(ImmutableSortedDictionary<string, ImageAsset> images) => new(Info, Sections, Appendices, Preamble, ProseFolder, images);

    /// <summary>The section with the given number, if any.</summary>
    public Section? Find(string number) => _byNumber.GetValueOrDefault(number);

    /// <summary>Returns a copy whose sections are replaced by <paramref name="map"/> applied to every section (children first).</summary>
    public PolicyDocument MapSections(Func<Section, Section> map)
    {
        Section Rec(Section s) => map(s with { Children = [.. s.Children.Select(Rec)] });
        return new PolicyDocument(Info, [.. Sections.Select(Rec)], [.. Appendices.Select(Rec)], Preamble, ProseFolder, Images);
    }

    private static void Flatten(Section s, ImmutableArray<Section>.Builder into)
    {
        into.Add(s);
        foreach (var c in s.Children) Flatten(c, into);
    }
}
