using System.Collections.Frozen;
using PolicyDocs.Output;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Downloads still rendering while the site renders: the paths they will add to the output, and the task that adds
/// them. Pages link a pending download at once; reading its size or hash waits for the task.
/// </summary>
/// <param name="Paths">The paths the task adds, each for certain once it completes.</param>
/// <param name="Done">The task rendering them.</param>
internal sealed record PendingDownloads(IReadOnlySet<string> Paths, Task Done)
{
    /// <summary>No pending downloads.</summary>
    public static PendingDownloads None { get; } = new(FrozenSet<string>.Empty, Task.CompletedTask);

    /// <summary>The bytes of <paramref name="path"/> in <paramref name="output"/>, waiting for the task if the path is pending;
    /// null when the path is neither produced nor pending.</summary>
    public Func<byte[]>? Bytes(OutputSet output, string path)
    {
        if (output.Get(path) is { } bytes) return () => bytes;
        if (!Paths.Contains(path)) return null;
        return () =>
        {
            Done.GetAwaiter().GetResult();
            return output.Get(path) ?? throw new InvalidOperationException($"The pending download {path} was not produced.");
        };
    }
}
