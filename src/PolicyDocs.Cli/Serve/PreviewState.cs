using PolicyDocs.Output;

namespace PolicyDocs.Cli.Serve;

/// <summary>What the preview serves: the last good build, and how the latest build went.</summary>
/// <param name="Generation">Increases with every rebuild, good or bad.</param>
/// <param name="Output">The last good build's files; null until one succeeds.</param>
/// <param name="Errors">The latest build's errors, as text; empty when it succeeded.</param>
internal sealed record PreviewState(int Generation, OutputSet? Output, IReadOnlyList<string> Errors)
{
    /// <summary>True when the latest build succeeded.</summary>
    public bool Ok => Errors.Count == 0;
}
