namespace PolicyDocs.Matrix;

/// <summary>Coverage figures of one CA: how many recommendations apply at its level and how they stand.</summary>
/// <param name="CaId">The CA id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Level">Its impact level, or null when it has none (then nothing applies).</param>
/// <param name="Applicable">Recommendations that apply at its level.</param>
/// <param name="Implemented">Of those, implemented.</param>
/// <param name="Partial">Partly implemented.</param>
/// <param name="Planned">Planned.</param>
/// <param name="NotApplicable">Declared not applicable.</param>
/// <param name="Gaps">Neither addressed nor planned.</param>
internal sealed record CaCoverage(string CaId, string Name, string? Level, int Applicable, int Implemented, int Partial, int Planned, int NotApplicable, int Gaps)
{
    /// <summary>Addressed = implemented + partial + not applicable.</summary>
    public int Addressed => Implemented + Partial + NotApplicable;

    /// <summary>Addressed as a whole percentage of the applicable ones (100 when none apply).</summary>
    public int Percent => Applicable == 0 ? 100 : (int)Math.Floor(100.0 * Addressed / Applicable);
}
