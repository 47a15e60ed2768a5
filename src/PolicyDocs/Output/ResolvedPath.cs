namespace PolicyDocs.Output;

/// <summary>Absolute paths with every symbolic link in their existing part resolved, and containment between them.</summary>
internal static class ResolvedPath
{
    /// <summary>The absolute form of <paramref name="path"/> with the symbolic links of its existing part resolved
    /// (the part that does not exist yet is appended as given); no trailing separator except on a root.</summary>
    public static string Of(string path)
    {
        var full = Trim(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists) info = new DirectoryInfo(next);
            if (!info.Exists)
                return Trim(Path.Combine([current, .. parts[i..]]));
            var hops = 0;
            while (info.LinkTarget is { } link && hops++ < 40)
            {
                next = Trim(Path.GetFullPath(link, Path.GetDirectoryName(next) ?? root));
                next = Of(next);
                info = new FileInfo(next);
                if (!info.Exists) info = new DirectoryInfo(next);
            }
            current = next;
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both resolved).</summary>
    public static bool IsSameOrUnder(string path, string folder)
    {
        if (string.Equals(path, folder, StringComparison.Ordinal)) return true;
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string Trim(string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        return path.Length > root.Length ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;
    }
}
