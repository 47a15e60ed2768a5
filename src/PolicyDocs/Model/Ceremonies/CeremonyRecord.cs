using System.Collections.Immutable;

namespace PolicyDocs.Model.Ceremonies;

/// <summary>
/// The record of a ceremony as performed (ceremonies/&lt;id&gt;.record.yaml): who took part, when each step was done
/// and initialled, the bags sealed, and every deviation from the script with its explanation.
/// </summary>
internal sealed record CeremonyRecord
{
    /// <summary>The day the ceremony took place.</summary>
    public required DateOnly ActualDate { get; init; }
    /// <summary>Everyone who took part, with role and initials.</summary>
    public ImmutableArray<RecordParticipant> Participants { get; init; } = [];
    /// <summary>One entry per step performed (or deviated from).</summary>
    public ImmutableArray<RecordStep> Steps { get; init; } = [];
    /// <summary>Tamper-evident bags sealed during the ceremony.</summary>
    public ImmutableArray<RecordBag> Bags { get; init; } = [];
    /// <summary>Deviations from the script.</summary>
    public ImmutableArray<RecordDeviation> Deviations { get; init; } = [];
    /// <summary>The record file.</summary>
    public required SourceSpan Span { get; init; }
}

/// <summary>A person who took part in a ceremony.</summary>
internal sealed record RecordParticipant(string Name, string Role, string Initials, SourceSpan Span)
{
    /// <summary>Where the role is written.</summary>
    public SourceSpan RoleSpan { get; init; } = Span;
}

/// <summary>A step as performed: when, initialled by whom, and whether it deviated from the script.</summary>
internal sealed record RecordStep(string Step, string? Time, string? Operator, string? Witness, bool Deviated, SourceSpan Span);

/// <summary>A tamper-evident bag sealed during the ceremony.</summary>
internal sealed record RecordBag(string Serial, string? Contents, SourceSpan Span);

/// <summary>A deviation from the script: which step and why.</summary>
internal sealed record RecordDeviation(string Step, string? Explanation, SourceSpan Span);
