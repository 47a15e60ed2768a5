namespace PolicyDocs.Model.Ceremonies;

/// <summary>Something a ceremony produces (a key backup, a CSR, the signed script), where it goes and who keeps it.</summary>
/// <param name="Item">What it is.</param>
/// <param name="Bag">Serial number of the tamper-evident bag it is sealed in, if any.</param>
/// <param name="Custodian">The role (data/roles.yaml id) that takes custody of it, if any.</param>
/// <param name="Span">Where it is written.</param>
internal sealed record CeremonyArtifact(string Item, string? Bag, string? Custodian, SourceSpan Span);
