namespace PolicyDocs.Tests.Support;

/// <summary>A temporary folder deleted on dispose; content trees are written into it.</summary>
public sealed class TempTree : IDisposable
{
    /// <summary>Creates an empty temporary folder.</summary>
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "policydocs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>Full path of <paramref name="relative"/> (forward slashes).</summary>
    public string PathOf(string relative) => PathOf(Root, relative);

    /// <summary>Full path of <paramref name="relative"/> (forward slashes) under <paramref name="folder"/>.</summary>
    public static string PathOf(string folder, string relative) => Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a file, creating its folder.</summary>
    public string Write(string relative, string text) => Write(Root, relative, text);

    /// <summary>Writes a file under <paramref name="folder"/>, creating its folder; returns its full path.</summary>
    public static string Write(string folder, string relative, string text)
    {
        var full = PathOf(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Reads a file.</summary>
    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every file under <paramref name="folder"/> with its bytes, keyed by relative path.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return result;
        foreach (var f in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(folder, f).Replace('\\', '/')] = File.ReadAllBytes(f);
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { Directory.Delete(Root, true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
