namespace PolicyDocs.Output;

/// <summary>
/// Whether a folder may be replaced by a build: only when it is absent, empty, or a previous PolicyDocs output (it
/// carries the <see cref="MarkerName"/> file that every build writes), and never when it is a file, a symbolic link,
/// the root of the file system, the home folder, a git work tree, or is, contains or lies inside the content or the
/// templates.
/// </summary>
internal static class OutputTarget
{
    /// <summary>The marker file every output folder carries. It is not part of the <see cref="OutputSet"/>, so it is
    /// not listed in <c>SHA256SUMS</c>: it says who owns the folder, it is not published content, and leaving it out
    /// keeps the checksums (and every golden output) what they were.</summary>
    public const string MarkerName = ".policydocs-output";

    /// <summary>The marker's content: the same in every build.</summary>
    public static ReadOnlySpan<byte> MarkerContent => "This folder is PolicyDocs output: every build replaces it whole.\n"u8;

    /// <summary>Why <paramref name="directory"/> must not be replaced, as one sentence naming it; null when it may be.</summary>
    public static string? Refusal(string directory, OutputGuard guard)
    {
        if (string.IsNullOrWhiteSpace(directory)) return "the output folder is an empty path";
        if (directory.Contains('\0', StringComparison.Ordinal)) return "the output folder's name contains a NUL character";
        var shown = directory;
        var full = Path.GetFullPath(directory);
        if (Path.GetPathRoot(full) == full || Path.GetPathRoot(full) == full + Path.DirectorySeparatorChar)
            return $"{shown}: refusing to replace the root of the file system";
        var trimmed = full.TrimEnd(Path.DirectorySeparatorChar);
        if (new FileInfo(trimmed) is { LinkTarget: not null }) return $"{shown}: is a symbolic link; give the folder it points to";
        if (File.Exists(trimmed)) return $"{shown}: is a file, not a folder";
        var target = ResolvedPath.Of(trimmed);
        if (guard.Home is { } home && ResolvedPath.IsSameOrUnder(ResolvedPath.Of(home), target))
            return $"{shown}: refusing to replace {(ResolvedPath.Of(home) == target ? "your home folder" : "a folder that contains your home folder")}";
        foreach (var (what, path) in guard.Protected)
        {
            var p = ResolvedPath.Of(path);
            if (p == target) return $"{shown}: is {what}; choose another output folder";
            if (ResolvedPath.IsSameOrUnder(p, target)) return $"{shown}: contains {what} ({path}); choose another output folder";
            if (ResolvedPath.IsSameOrUnder(target, p)) return $"{shown}: lies inside {what} ({path}); choose an output folder outside it";
        }
        if (!Directory.Exists(target)) return null;
        var entries = Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).ToList();
        if (entries.Count == 0) return null;
        if (entries.Contains(".git")) return $"{shown}: is a git work tree; choose another output folder";
        if (!HasMarker(target))
            return $"{shown}: is not empty and is not PolicyDocs output (it has no {MarkerName} file); delete it or choose another output folder";
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var git = Directory.EnumerateFileSystemEntries(target, ".git", options).FirstOrDefault();
        if (git is not null) return $"{shown}: contains a git work tree ({Path.GetRelativePath(target, git)}); choose another output folder";
        return null;
    }

    /// <summary>True when <paramref name="folder"/> carries the marker as a regular file.</summary>
    public static bool HasMarker(string folder)
    {
        var marker = new FileInfo(Path.Combine(folder, MarkerName));
        return marker.Exists && marker.LinkTarget is null;
    }
}
