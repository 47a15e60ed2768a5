using System.Collections.Immutable;
using Markdig.Syntax;
using PolicyDocs.Model;

namespace PolicyDocs.Publication;

/// <summary>A CA a section's practice is limited to, by id and display name.</summary>
/// <param name="Id">The CA's id (data/cas.yaml).</param>
/// <param name="Name">Its name, or the id when the record is missing.</param>
internal sealed record CaReference(string Id, string Name);

/// <summary>A recommendation a section addresses.</summary>
/// <param name="Id">The recommendation's id.</param>
/// <param name="Text">What it recommends.</param>
internal sealed record AddressedRecommendation(string Id, string Text);

/// <summary>A section that refers to this one.</summary>
/// <param name="DocumentId">The referring document.</param>
/// <param name="SectionNumber">The referring section.</param>
/// <param name="Title">The referring section's title.</param>
/// <param name="Label">How the reference is shown: "4.9.1" within the document, "CP 4.9.1" from another.</param>
/// <param name="SameDocument">True when the referring section is in this document.</param>
internal sealed record ReferencedBy(string DocumentId, string SectionNumber, string Title, string Label, bool SameDocument);

/// <summary>
/// One section as every output shows it: its number, title and anchor, the CAs it is limited to, the
/// recommendations it addresses, the sections that refer to it, whether it makes no stipulation, its body (the
/// bound, parsed Markdown; references resolved in the set's <see cref="Xrefs.XrefIndex"/>) and its subsections.
/// </summary>
internal sealed record PublishedSection
{
    /// <summary>The model section it publishes.</summary>
    public required Section Source { get; init; }

    /// <summary>The section number ("4.9.1") or appendix letter ("A").</summary>
    public string Number => Source.Number;

    /// <summary>The title as written.</summary>
    public string Title => Source.Title;

    /// <summary>The anchor id on the document's page ("section-4.9.1", "appendix-a").</summary>
    public string Anchor => Source.Anchor;

    /// <summary>The GitHub id of the section's heading, also an id on the page and a Word bookmark; null when another
    /// anchor of the document already has it.</summary>
    public required string? Slug { get; init; }

    /// <summary>1 for chapters and appendices.</summary>
    public int Depth => Source.Depth;

    /// <summary>True for appendices.</summary>
    public bool IsAppendix => Source.IsAppendix;

    /// <summary>The number as shown in headings and contents: "4.9.1", "Appendix A –", "A.1.1." (see <see cref="Section.Label"/>).</summary>
    public string Label => Source.Label;

    /// <summary>"4.9.1 Circumstances for revocation", "Appendix A – Profiles".</summary>
    public string DisplayTitle => Source.DisplayTitle;

    /// <summary>True when the section says only "No stipulation."</summary>
    public required bool IsNoStipulation { get; init; }

    /// <summary>The CAs the section's practice is limited to; empty when it applies to all the document's CAs.</summary>
    public required ImmutableArray<CaReference> Cas { get; init; }

    /// <summary>The recommendations the section addresses.</summary>
    public required ImmutableArray<AddressedRecommendation> Addresses { get; init; }

    /// <summary>The sections that refer to this one, sorted; none for appendices.</summary>
    public required ImmutableArray<ReferencedBy> ReferencedBy { get; init; }

    /// <summary>The parsed body; null for a heading with no text of its own.</summary>
    public MarkdownDocument? Body => Source.Body;

    /// <summary>The subsections, in order.</summary>
    public required ImmutableArray<PublishedSection> Children { get; init; }
}
