using System.Collections.Immutable;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Publication;

/// <summary>The facts of a document's cover page, title block and metadata.</summary>
internal sealed record Cover
{
    /// <summary>The document id ("cps").</summary>
    public required string Id { get; init; }
    /// <summary>CP, CPS or combined.</summary>
    public required DocumentKind Kind { get; init; }
    /// <summary>"CP", "CPS", "CP/CPS" or "Document".</summary>
    public string KindLabel => DocumentKinds.Label(Kind);
    /// <summary>The full title.</summary>
    public required string Title { get; init; }
    /// <summary>The short title.</summary>
    public required string ShortTitle { get; init; }
    /// <summary>The version; null when the document states none.</summary>
    public string? Version { get; init; }
    /// <summary>The subtitle, if stated.</summary>
    public string? Subtitle { get; init; }
    /// <summary>The authors the document names.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];
    /// <summary>The date the document states for itself, if any.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The language of the text, if stated.</summary>
    public string? Language { get; init; }
    /// <summary>The copyright notice, if stated (one paragraph per line).</summary>
    public string? Copyright { get; init; }
    /// <summary>False when the kind is only assumed, so the cover does not name it.</summary>
    public bool KindStated { get; init; } = true;
    /// <summary>False for a document checked without the RFC 3647 outline (<c>outline: none</c>).</summary>
    public bool FollowsRfc3647 { get; init; } = true;
    /// <summary>The policy OID, if any.</summary>
    public string? Oid { get; init; }
    /// <summary>The effective date, if any.</summary>
    public DateOnly? EffectiveDate { get; init; }
    /// <summary>Draft, approved, …; null when the document does not say.</summary>
    public DocumentStatus? Status { get; init; }
    /// <summary>The policy set's name.</summary>
    public required string SetName { get; init; }
    /// <summary>Who publishes the document.</summary>
    public required Model.Publisher Publisher { get; init; }
    /// <summary>The licence of the text, if declared.</summary>
    public string? Licence { get; init; }
    /// <summary>The CAs the document covers.</summary>
    public required ImmutableArray<CaReference> Cas { get; init; }
    /// <summary>The documents a CPS implements, by id and short title.</summary>
    public required ImmutableArray<(string Id, string ShortTitle)> Implements { get; init; }
}

/// <summary>One row of the revision table.</summary>
/// <param name="Version">The version.</param>
/// <param name="Date">The date of the revision.</param>
/// <param name="Summary">What changed.</param>
/// <param name="Approval">The approval record's id, if any.</param>
/// <param name="Approved">The approval record (data/approvals.yaml) the id names, when the set has it.</param>
internal sealed record RevisionRow(string Version, DateOnly Date, string Summary, string? Approval, ApprovalRecord? Approved);

/// <summary>An entry of the contents: a section or appendix, with its subsections.</summary>
/// <param name="Label">"4.9.1" or "Appendix A".</param>
/// <param name="Title">The title.</param>
/// <param name="Anchor">The anchor it links to.</param>
/// <param name="Depth">Its depth (1 for chapters and appendices).</param>
/// <param name="IsNoStipulation">True when the section makes no stipulation.</param>
/// <param name="Children">Its subsections.</param>
internal sealed record ContentsEntry(string Label, string Title, string Anchor, int Depth, bool IsNoStipulation, ImmutableArray<ContentsEntry> Children);

/// <summary>
/// One document version as every output shows it — the site page, the Word file, the combined Markdown, the
/// search index and the redlines: its cover facts, revision rows, contents, preamble, sections and appendices.
/// Built once after a successful compile by <see cref="DocumentPublisher"/>; immutable.
/// </summary>
internal sealed class PublishedDocument
{
    internal PublishedDocument(PolicyDocument document, Cover cover, ImmutableArray<RevisionRow> revisions, PublishedSection? preamble,
        ImmutableArray<PublishedSection> sections, ImmutableArray<PublishedSection> appendices)
    {
        Document = document;
        Cover = cover;
        Revisions = revisions;
        Preamble = preamble;
        Sections = sections;
        Appendices = appendices;
        var order = ImmutableArray.CreateBuilder<PublishedSection>();
        void Walk(PublishedSection s)
        {
            order.Add(s);
            foreach (var c in s.Children) Walk(c);
        }
        foreach (var s in sections) Walk(s);
        foreach (var a in appendices) Walk(a);
        ReadingOrder = order.ToImmutable();
        Contents = [.. sections.Concat(appendices).Select(Entry)];
    }

    private static ContentsEntry Entry(PublishedSection s) =>
        new(s.Label, s.Title, s.Anchor, s.Depth, s.IsNoStipulation, [.. s.Children.Select(Entry)]);

    /// <summary>The document id.</summary>
    public string Id => Document.Id;

    /// <summary>The published set it belongs to (its references, data, templates and the other documents).</summary>
    public PublishedSet Set { get; internal set; } = null!;

    /// <summary>The model document it publishes.</summary>
    public PolicyDocument Document { get; }

    /// <summary>Cover facts.</summary>
    public Cover Cover { get; }

    /// <summary>The revision table, oldest first.</summary>
    public ImmutableArray<RevisionRow> Revisions { get; }

    /// <summary>The text before section 1 of a single-file document (bound and parsed), if any.</summary>
    public PublishedSection? Preamble { get; }

    /// <summary>The numbered sections (chapters, with their subsections).</summary>
    public ImmutableArray<PublishedSection> Sections { get; }

    /// <summary>The appendices.</summary>
    public ImmutableArray<PublishedSection> Appendices { get; }

    /// <summary>Every section and appendix in reading order.</summary>
    public ImmutableArray<PublishedSection> ReadingOrder { get; }

    /// <summary>The contents tree.</summary>
    public ImmutableArray<ContentsEntry> Contents { get; }
}
