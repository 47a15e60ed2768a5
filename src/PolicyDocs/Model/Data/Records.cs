using System.Collections.Immutable;

namespace PolicyDocs.Model.Data;

/// <summary>A certification authority of the hierarchy (data/cas.yaml).</summary>
internal sealed record CaRecord(string Id, string Name, string Type, string? Parent, string? Subject, string Operation,
    string? KeyAlgorithm, string? KeySize, string? Hash, int? ValidityYears, string? Level, string? Description, SourceSpan Span);

/// <summary>A trusted role (data/roles.yaml).</summary>
internal sealed record RoleRecord(string Id, string Name, ImmutableArray<string> Duties, ImmutableArray<string> Incompatible,
    bool Auditor, SourceSpan Span)
{
    /// <summary>Span of the incompatible list (the record when absent), for checks that point at it.</summary>
    public SourceSpan IncompatibleSpan { get; init; } = Span;
}

/// <summary>A task that needs multi-party control (data/tasks.yaml).</summary>
internal sealed record TaskRecord(string Id, string Name, int MinPersons, ImmutableArray<string> Roles,
    ImmutableArray<string> RequiredRoles, string? Description, SourceSpan Span)
{
    /// <summary>Span of the min_persons value, for checks that point at it.</summary>
    public SourceSpan MinPersonsSpan { get; init; } = Span;

    /// <summary>True for an audit function (archiving or deleting audit logs, ...): the only tasks where
    /// persons in auditor roles count towards <see cref="MinPersons"/>.</summary>
    public bool AuditFunction { get; init; }

    /// <summary>Span of the roles list, for checks that point at it.</summary>
    public SourceSpan RolesSpan { get; init; } = Span;
}

/// <summary>A glossary entry (data/glossary.yaml): a defined term or an acronym.</summary>
internal sealed record GlossaryTerm(string Id, string Term, string Definition, bool Acronym, SourceSpan Span);

/// <summary>A Policy Authority decision approving document versions (data/approvals.yaml).</summary>
internal sealed record ApprovalRecord(string Id, DateOnly Date, string Meeting, string Decision,
    ImmutableArray<string> Members, ImmutableArray<(string Document, string Version)> Approves, SourceSpan Span)
{
    /// <summary>The votes cast, when recorded.</summary>
    public VoteCount? Votes { get; init; }
    /// <summary>Voting members present, when recorded (a count, or the length of a list of names).</summary>
    public int? MembersPresent { get; init; }
}
