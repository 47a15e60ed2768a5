using System.Collections.Immutable;

namespace PolicyDocs.Model.Ceremonies;

/// <summary>A trusted role present at a ceremony: the role id, how many persons hold it there, optionally their names.</summary>
internal sealed record CeremonyRole(string Role, int Count, ImmutableArray<string> Names, SourceSpan Span);
