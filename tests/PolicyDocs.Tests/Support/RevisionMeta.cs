namespace PolicyDocs.Tests.Support;

/// <summary>One entry of a document's revisions list; <paramref name="Approval"/> names an approvals.yaml record.</summary>
public sealed record RevisionMeta(string Version, string Date, string Summary, string? Approval = null);
