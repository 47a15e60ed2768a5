namespace PolicyDocs.Model.Ceremonies;

/// <summary>
/// One item of the materials checklist: hardware, transport media, tamper-evident bags.
/// </summary>
/// <param name="Item">What it is ("HSM", "USB transport medium").</param>
/// <param name="Serial">Its serial or asset number, if any.</param>
/// <param name="InspectForTampering">True when the item must be inspected for tampering before use.</param>
/// <param name="Bag">Serial number of the tamper-evident bag it is kept or delivered in, if any.</param>
/// <param name="Span">Where it is written.</param>
internal sealed record CeremonyMaterial(string Item, string? Serial, bool InspectForTampering, string? Bag, SourceSpan Span);
