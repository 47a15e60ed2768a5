using PolicyDocs.Markdown;

namespace PolicyDocs.Xrefs;

/// <summary>Where a reference lands and what it reads as; renderers turn it into an href or a Word bookmark link.</summary>
/// <param name="Kind">What it points at.</param>
/// <param name="DocumentId">The document holding the target; null for a target outside any document (no link).</param>
/// <param name="SectionNumber">The section holding the target, when there is one (for backlinks and bookmarks).</param>
/// <param name="Anchor">The HTML id within the document page ("section-4.9.1", "term-hsm"); empty for the document itself.</param>
/// <param name="Text">Generated link text: "Section 4.9.1 (Circumstances for revocation)".</param>
/// <param name="Title">Hover text: a term's definition or a section title.</param>
internal sealed record XrefTarget(XrefKind Kind, string? DocumentId, string? SectionNumber, string Anchor, string Text, string? Title);

/// <summary>A section that refers to another.</summary>
/// <param name="DocumentId">The referring document.</param>
/// <param name="SectionNumber">The referring section.</param>
/// <param name="Title">The referring section's display title.</param>
internal sealed record Backlink(string DocumentId, string SectionNumber, string Title);
