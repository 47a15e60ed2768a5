namespace PolicyDocs.Model;

/// <summary>A check or loader rule: stable code, default severity, one-line fix hint and the requirement it enforces.</summary>
internal sealed record Rule(string Code, string Name, Severity DefaultSeverity, string Hint, string Requirement = "")
{
    /// <summary>Creates a diagnostic of this rule at its default severity.</summary>
    public Diagnostic At(SourceSpan span, string message) => new(this, DefaultSeverity, span, message);

    /// <summary>Creates a diagnostic of this rule at the given severity.</summary>
    public Diagnostic At(SourceSpan span, string message, Severity severity) => new(this, severity, span, message);
}
