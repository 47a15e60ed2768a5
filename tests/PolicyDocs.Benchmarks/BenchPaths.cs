namespace PolicyDocs.Benchmarks;

/// <summary>Locations the benchmarks read and write.</summary>
internal static class BenchPaths
{
    /// <summary>The repository root (the folder holding PolicyDocs.sln), found from the working directory or the program.</summary>
    public static string RepoRoot { get; } = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("PolicyDocs.sln not found above the working directory or the program.");

    /// <summary>A fresh temporary folder.</summary>
    public static string NewTemp(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"policydocs-bench-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Copies the folder <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, true);
        }
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyDocs.sln"))) return dir.FullName;
        return null;
    }
}
