namespace PolicyDocs.Tests;

/// <summary>Locations in the repository the tests read.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding PolicyDocs.sln).</summary>
    public static string RepoRoot { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyDocs.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PolicyDocs.sln not found above " + AppContext.BaseDirectory);
    }
}
