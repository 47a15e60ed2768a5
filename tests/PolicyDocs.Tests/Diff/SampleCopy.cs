namespace PolicyDocs.Tests.Diff;

/// <summary>A temporary copy of the repository's sample content that a test may edit.</summary>
internal sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "pd-diff-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        Copy(Path.Combine(RepoRoot(), "content"), Content);
    }

    public string Root { get; }
    public string Content { get; }

    public static string RepoRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "PolicyDocs.sln"))) return dir;
        throw new InvalidOperationException("repository root not found");
    }

    public void Edit(string relative, Func<string, string> edit)
    {
        var path = Path.Combine(Content, relative);
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, true);
    }
}
