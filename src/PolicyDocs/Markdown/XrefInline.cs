using Markdig.Syntax.Inlines;

namespace PolicyDocs.Markdown;

/// <summary>What a <c>[[...]]</c> reference points at.</summary>
internal enum XrefKind
{
    /// <summary>A section: [[4.9.1]] or [[cp:4.9.1]].</summary>
    Section,
    /// <summary>A whole document: [[cp]].</summary>
    Document,
    /// <summary>A glossary term: [[term:HSM]].</summary>
    Term,
    /// <summary>A recommendation: [[rec:PROC-01]].</summary>
    Recommendation,
    /// <summary>A trusted role: [[role:auditor]].</summary>
    Role,
    /// <summary>A CA: [[ca:issuing]].</summary>
    Ca,
    /// <summary>Not a reference but an anchor definition: [[#term-hsm]], used by generated blocks.</summary>
    Anchor,
    /// <summary>An anchor of the same document, in any of its sections, with the link's text: [[#grace|the grace rule]].</summary>
    AnchorLink,
}

/// <summary>A <c>[[...]]</c> cross-reference in prose; its text and target are filled in by the resolver.</summary>
internal sealed class XrefInline : LeafInline
{
    /// <summary>The text between the brackets, as written.</summary>
    public required string Raw { get; init; }
    /// <summary>What it points at.</summary>
    public required XrefKind Kind { get; init; }
    /// <summary>The document id named before the colon ([[cp:4.9.1]]), or null for the current document.</summary>
    public string? DocumentId { get; init; }
    /// <summary>Section number, term, role id, CA id, recommendation id or anchor id (without the '#').</summary>
    public required string Target { get; init; }
    /// <summary>Text given after a bar ([[4.9.1|this section]]), which replaces the generated text.</summary>
    public string? CustomText { get; init; }
}
