namespace PolicyDocs.Model;

/// <summary>How the Policy Authority takes decisions (policyset.yaml <c>governance</c>).</summary>
/// <param name="Quorum">Voting members who must be present for a vote to count; null when not configured.</param>
internal sealed record Governance(int? Quorum);
