using System.Collections.Immutable;

namespace PolicyDocs.Model.Ceremonies;

/// <summary>A named phase of a ceremony script and its steps, in order.</summary>
internal sealed record CeremonyPhase(string Name, ImmutableArray<CeremonyStep> Steps, SourceSpan Span);
