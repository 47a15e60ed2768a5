using System.Collections.Immutable;
using Markdig.Syntax;
using PolicyDocs.Outline;

namespace PolicyDocs.Model;

/// <summary>
/// One numbered section of a policy document (or an appendix). Created by the loader with its source text;
/// binding adds the bound text and the parsed Markdown tree; resolving adds the outline match.
/// </summary>
internal sealed record Section
{
    /// <summary>The section number as written, normalised ("4.9.1"); for an appendix its letter or name ("A").</summary>
    public required string Number { get; init; }

    /// <summary>The title as written, without the number.</summary>
    public required string Title { get; init; }

    /// <summary>The heading's position.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>The body as written (a Scriban template over Markdown), between this heading and the next.</summary>
    public required string Source { get; init; }

    /// <summary>1-based line of the first body line in the file, so template and Markdown positions map back.</summary>
    public required int SourceLine { get; init; }

    /// <summary>The heading as written, without its <c>#</c> marks and without a CA attribute
    /// ("Appendix A – Profiles", "A.1.1. CAA contactemail Property", "4.9.1 Circumstances for revocation"); null when
    /// the section was not read from a heading. Its GitHub slug is one of the section's anchors.</summary>
    public string? Heading { get; init; }

    /// <summary>True for appendices after section 9 and for the numbered sections inside them ("A.1", "D-1").</summary>
    public bool IsAppendix { get; init; }

    /// <summary>The CAs this section's practice applies to, when the heading names them (<c>{cas=root}</c>);
    /// empty means every CA the document applies to. Subsections inherit it.</summary>
    public ImmutableArray<string> Cas { get; init; } = [];

    /// <summary>Subsections in document order.</summary>
    public ImmutableArray<Section> Children { get; init; } = [];

    /// <summary>The body after binding (Markdown). Null before binding.</summary>
    public string? BoundSource { get; init; }

    /// <summary>The parsed Markdown of the bound body: the tree every renderer walks. Null before binding.</summary>
    public MarkdownDocument? Body { get; init; }

    /// <summary>The RFC 3647 entry this section fills, once aligned. Null for extra sections and appendices.</summary>
    public OutlineEntry? Outline { get; init; }

    /// <summary>Depth of the number: 1 for "4", 3 for "4.9.1"; 1 for appendix "A", 3 for "A.1.1", 2 for "D-1".</summary>
    public int Depth => IsAppendix ? SectionNumber.AppendixDepth(Number) : SectionNumber.Depth(Number);

    /// <summary>The HTML id: "section-4.9.1", or "appendix-a", "appendix-a.1.1".</summary>
    public string Anchor => IsAppendix ? "appendix-" + Number.ToLowerInvariant() : SectionNumber.Anchor(Number);

    /// <summary>The number as headings and contents show it: "4.9.1"; for an appendix the heading's words before its
    /// title, punctuation kept ("Appendix A –", "A.1.1."), else "Appendix A" and "A.1.1".</summary>
    public string Label => IsAppendix ? AppendixLabel() : Number;

    /// <summary>How the heading reads: "4.9.1 Circumstances for revocation", "Appendix A – Profiles", "A.1.1. Methods".</summary>
    public string DisplayTitle => IsAppendix ? $"{Label} {Title}".TrimEnd() : $"{Number} {Title}";

    private string AppendixLabel()
    {
        var fallback = SectionNumber.AppendixDepth(Number) == 1 ? "Appendix " + Number : Number;
        if (Heading is not { } heading) return fallback;
        var label = Title.Length > 0 && heading.EndsWith(Title, StringComparison.Ordinal) ? heading[..^Title.Length].TrimEnd() : heading.Trim();
        return label.Length > 0 ? label : fallback;
    }

    /// <summary>True when the body is exactly a "No stipulation." statement (comments and bare anchors aside).</summary>
    public bool IsNoStipulation => NoStipulation.IsExactly(SectionText.Substance(BoundSource ?? Source));
}
