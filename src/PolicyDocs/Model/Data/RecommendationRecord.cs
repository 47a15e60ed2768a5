using System.Collections.Immutable;

namespace PolicyDocs.Model.Data;

/// <summary>Whether a recommendation is aimed at one component (tactical) or needs planning or redesign (strategic).</summary>
internal enum RecommendationKind
{
    /// <summary>Aimed at a component; can be done within current operations.</summary>
    Tactical,
    /// <summary>Needs planning, possibly redesign.</summary>
    Strategic,
}

/// <summary>Where the policy set stands on a recommendation.</summary>
internal enum RecommendationStatus
{
    /// <summary>Fully addressed by the sections it names.</summary>
    Implemented,
    /// <summary>Addressed in part by the sections it names.</summary>
    Partial,
    /// <summary>Not yet addressed; due by a date.</summary>
    Planned,
    /// <summary>Does not apply to this PKI; a justification says why.</summary>
    NotApplicable,
}

/// <summary>A reference from a recommendation to a document section, written <c>cps:6.2.1</c>.</summary>
/// <param name="DocumentId">The document id ("cps").</param>
/// <param name="Number">The section number ("6.2.1").</param>
/// <param name="Span">Where the reference is written.</param>
internal sealed record SectionReference(string DocumentId, string Number, SourceSpan Span)
{
    /// <summary>The written form, <c>cps:6.2.1</c>.</summary>
    public override string ToString() => DocumentId + ":" + Number;
}

/// <summary>A security recommendation with the impact level from which it applies and the sections that address it
/// (data/recommendations.yaml).</summary>
internal sealed record RecommendationRecord
{
    /// <summary>Identifier as written ("PROC-01"); used in <c>[[rec:PROC-01]]</c> and the matrix anchor.</summary>
    public required string Id { get; init; }
    /// <summary>The chapter or category that makes the recommendation ("PKI process security").</summary>
    public required string Chapter { get; init; }
    /// <summary>The recommendation, a short imperative sentence.</summary>
    public required string Text { get; init; }
    /// <summary>Tactical or strategic.</summary>
    public required RecommendationKind Kind { get; init; }
    /// <summary>The lowest impact level at which it applies; one of the policy set's scale.</summary>
    public required string Level { get; init; }
    /// <summary>Position of <see cref="Level"/> on the scale, 0 = lowest.</summary>
    public required int LevelRank { get; init; }
    /// <summary>The sections that address it.</summary>
    public ImmutableArray<SectionReference> Sections { get; init; } = [];
    /// <summary>Implemented, partial, planned or not applicable.</summary>
    public required RecommendationStatus Status { get; init; }
    /// <summary>Why it does not apply (required when not applicable).</summary>
    public string? Justification { get; init; }
    /// <summary>Who is responsible for it.</summary>
    public string? Owner { get; init; }
    /// <summary>When a planned item is due.</summary>
    public DateOnly? Due { get; init; }
    /// <summary>Where the record is written.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>The written form of a status ("not-applicable").</summary>
    public static string StatusName(RecommendationStatus s) => s switch
    {
        RecommendationStatus.Implemented => "implemented",
        RecommendationStatus.Partial => "partial",
        RecommendationStatus.Planned => "planned",
        _ => "not-applicable",
    };

    /// <summary>The written form of a kind ("tactical").</summary>
    public static string KindName(RecommendationKind k) => k == RecommendationKind.Tactical ? "tactical" : "strategic";
}
