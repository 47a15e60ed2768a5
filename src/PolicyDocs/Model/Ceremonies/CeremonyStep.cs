namespace PolicyDocs.Model.Ceremonies;

/// <summary>One step of a ceremony script.</summary>
internal sealed record CeremonyStep
{
    /// <summary>Id unique within the ceremony ("2.3"), used by records and deviations.</summary>
    public required string Id { get; init; }
    /// <summary>The role (data/roles.yaml id) of the person who performs the step.</summary>
    public required string Actor { get; init; }
    /// <summary>What is done.</summary>
    public required string Action { get; init; }
    /// <summary>What the operator and witness should observe.</summary>
    public required string Expected { get; init; }
    /// <summary>The multi-party task (data/tasks.yaml id) the step performs, if any.</summary>
    public string? Task { get; init; }
    /// <summary>Where the step is written.</summary>
    public required SourceSpan Span { get; init; }
    /// <summary>Where the actor is written.</summary>
    public required SourceSpan ActorSpan { get; init; }
    /// <summary>Where the task is written (the step, when absent).</summary>
    public required SourceSpan TaskSpan { get; init; }
}
