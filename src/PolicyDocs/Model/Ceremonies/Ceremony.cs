using System.Collections.Immutable;

namespace PolicyDocs.Model.Ceremonies;

/// <summary>
/// A key ceremony script (ceremonies/&lt;id&gt;.yaml): who must be present, what is checked and in which order the
/// steps are performed, plus the completed record of the ceremony when one exists.
/// </summary>
internal sealed record Ceremony
{
    /// <summary>The id: the file name without .yaml.</summary>
    public required string Id { get; init; }
    /// <summary>Why the ceremony is held.</summary>
    public required string Purpose { get; init; }
    /// <summary>The CA (data/cas.yaml id) whose keys the ceremony concerns.</summary>
    public required string Ca { get; init; }
    /// <summary>Where the CA id is written.</summary>
    public required SourceSpan CaSpan { get; init; }
    /// <summary>When it is planned to take place.</summary>
    public required DateOnly PlannedDate { get; init; }
    /// <summary>Where it takes place.</summary>
    public required string Location { get; init; }
    /// <summary>The trusted roles present and how many persons hold each.</summary>
    public ImmutableArray<CeremonyRole> Roles { get; init; } = [];
    /// <summary>The role (data/roles.yaml id) of the witness; null when the script names none.</summary>
    public string? Witness { get; init; }
    /// <summary>Where the witness is written (or the file, when absent).</summary>
    public required SourceSpan WitnessSpan { get; init; }
    /// <summary>The materials checklist.</summary>
    public ImmutableArray<CeremonyMaterial> Materials { get; init; } = [];
    /// <summary>The phases in order; each starts on a new printed page.</summary>
    public ImmutableArray<CeremonyPhase> Phases { get; init; } = [];
    /// <summary>What the ceremony produces (key backups, CSRs, certificates, logs).</summary>
    public ImmutableArray<CeremonyArtifact> Artifacts { get; init; } = [];
    /// <summary>The record of the ceremony as performed, when ceremonies/&lt;id&gt;.record.yaml exists.</summary>
    public CeremonyRecord? Record { get; init; }
    /// <summary>The script file.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>Every step of every phase, in order.</summary>
    public IEnumerable<CeremonyStep> Steps => Phases.SelectMany(p => p.Steps);
}
