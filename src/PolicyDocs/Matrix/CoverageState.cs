namespace PolicyDocs.Matrix;

/// <summary>How one recommendation stands for one CA.</summary>
internal enum CoverageState
{
    /// <summary>The recommendation's level is above the CA's level (or the CA has no level): it does not apply.</summary>
    NotRequired,
    /// <summary>Implemented in sections of documents that apply to the CA.</summary>
    Implemented,
    /// <summary>Partly implemented in sections of documents that apply to the CA.</summary>
    Partial,
    /// <summary>Planned, with a due date.</summary>
    Planned,
    /// <summary>Declared not applicable, with a justification.</summary>
    NotApplicable,
    /// <summary>Applies but is not addressed in any document of the CA.</summary>
    Gap,
}
