namespace PolicyDocs.Output;

/// <summary>
/// Writes an <see cref="OutputSet"/> to a folder beside the target and swaps it in whole, so a failed build never
/// leaves a half-written site and the target is never missing: on Linux the two folders are exchanged in one step;
/// elsewhere by two renames, and a kill between them is repaired at the next write (<see cref="Recover"/>). Only
/// folders <see cref="OutputTarget"/> allows are replaced, and only folders that carry the marker are ever deleted.
/// </summary>
internal static class OutputWriter
{
    /// <summary>Writes <paramref name="output"/> (and the marker) to <paramref name="directory"/>, replacing what was
    /// there; returns null, or why the folder was refused (then nothing was touched).</summary>
    public static string? Write(OutputSet output, string directory, OutputGuard guard)
    {
        if (OutputTarget.Refusal(directory, guard) is { } refused) return refused;
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Recover(parent, name);
        if (OutputTarget.Refusal(directory, guard) is { } stillRefused) return stillRefused;
        Directory.CreateDirectory(parent);
        var suffix = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];
        var temp = Path.Combine(parent, $".{name}.building-{suffix}");
        var old = Path.Combine(parent, $".{name}.old-{suffix}");
        try
        {
            Directory.CreateDirectory(temp);
            // The marker comes first, so even a half-written folder is known as ours and cleaned up.
            File.WriteAllBytes(Path.Combine(temp, OutputTarget.MarkerName), OutputTarget.MarkerContent.ToArray());
            var root = temp + Path.DirectorySeparatorChar;
            foreach (var (path, content) in output.Files)
            {
                var full = Path.GetFullPath(Path.Combine(temp, path.Replace('/', Path.DirectorySeparatorChar)));
                if (!full.StartsWith(root, StringComparison.Ordinal) || path == OutputTarget.MarkerName)
                    throw new IOException($"the output path '{path}' is not a file inside the output folder");
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllBytes(full, content);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The OS message alone names the temporary folder; say which output could not be written, and that
                    // the target was left as it was.
                    throw new IOException($"cannot write {path} into {directory} ({ex.Message.TrimEnd('.')}); {directory} was left unchanged.", ex);
                }
            }
            if (!Directory.Exists(target))
                Directory.Move(temp, target);
            else if (FolderSwap.TryExchange(temp, target))
                DeleteOwned(temp); // now the previous output
            else
            {
                Directory.Move(target, old);
                Directory.Move(temp, target);
                DeleteOwned(old);
            }
        }
        catch
        {
            if (!Directory.Exists(target) && Directory.Exists(old)) Directory.Move(old, target);
            if (Directory.Exists(temp)) DeleteOwned(temp);
            throw;
        }
        return null;
    }

    /// <summary>
    /// Checks that <paramref name="directory"/> may be replaced and, when it may, repairs what an interrupted earlier write
    /// left there (<see cref="Recover(string, string)"/>) before any other work, so a failing build still restores the
    /// previous output. Returns null, or why the folder is refused (then nothing was touched).
    /// </summary>
    public static string? Prepare(string directory, OutputGuard guard)
    {
        if (OutputTarget.Refusal(directory, guard) is { } refused) return refused;
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        Recover(Path.GetDirectoryName(target)!, Path.GetFileName(target));
        return OutputTarget.Refusal(directory, guard);
    }

    /// <summary>Repairs what an interrupted write into <paramref name="parent"/>/<paramref name="name"/> left: when the
    /// target is missing, the previous output (<c>.name.old-*</c>) is put back; every other leftover
    /// (<c>.name.building-*</c>, <c>.name.old-*</c>) that carries the marker is deleted. Nothing else is touched.</summary>
    public static void Recover(string parent, string name)
    {
        if (!Directory.Exists(parent)) return;
        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.*")
            .Where(d => Path.GetFileName(d) is { } n && (n.StartsWith($".{name}.building-", StringComparison.Ordinal) || n.StartsWith($".{name}.old-", StringComparison.Ordinal)))
            .Where(d => new DirectoryInfo(d).LinkTarget is null && OutputTarget.HasMarker(d))
            .Order(StringComparer.Ordinal)
            .ToList();
        var target = Path.Combine(parent, name);
        if (!Directory.Exists(target) && !File.Exists(target) && new FileInfo(target).LinkTarget is null
            && leftovers.FirstOrDefault(d => Path.GetFileName(d).StartsWith($".{name}.old-", StringComparison.Ordinal)) is { } previous)
        {
            Directory.Move(previous, target);
            leftovers.Remove(previous);
        }
        foreach (var d in leftovers) DeleteOwned(d);
    }

    /// <summary>Deletes <paramref name="folder"/> if it carries the marker (the marker last, so an interrupted delete
    /// still leaves it recognisable) or is empty; leaves anything else alone.</summary>
    private static void DeleteOwned(string folder)
    {
        if (!OutputTarget.HasMarker(folder))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
            return;
        }
        var marker = Path.Combine(folder, OutputTarget.MarkerName);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.FullName == marker) continue;
            if (entry is DirectoryInfo { LinkTarget: null } dir) dir.Delete(true);
            else entry.Delete();
        }
        File.Delete(marker);
        Directory.Delete(folder);
    }
}
