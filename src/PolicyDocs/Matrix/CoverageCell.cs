using System.Collections.Immutable;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Matrix;

/// <summary>One recommendation for one CA: whether it applies, how it stands, and the sections that address it there.</summary>
/// <param name="CaId">The CA.</param>
/// <param name="State">How it stands.</param>
/// <param name="Where">Existing sections, in documents that apply to the CA, that address it; empty when it does not apply.</param>
internal sealed record CoverageCell(string CaId, CoverageState State, ImmutableArray<SectionReference> Where)
{
    /// <summary>True when the recommendation applies at the CA's level.</summary>
    public bool Applies => State != CoverageState.NotRequired;

    /// <summary>True when it applies and is addressed (implemented, partial or justified as not applicable).</summary>
    public bool Addressed => State is CoverageState.Implemented or CoverageState.Partial or CoverageState.NotApplicable;

    /// <summary>Short word for tables and CSV: "implemented", "partial", "planned", "n/a", "gap", or "" when it does not apply.</summary>
    public string Label => State switch
    {
        CoverageState.Implemented => "implemented",
        CoverageState.Partial => "partial",
        CoverageState.Planned => "planned",
        CoverageState.NotApplicable => "not-applicable",
        CoverageState.Gap => "gap",
        _ => "",
    };
}
