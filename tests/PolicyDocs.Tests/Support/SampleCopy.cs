namespace PolicyDocs.Tests.Support;

/// <summary>A temporary copy of the repository's sample content that a test may edit.</summary>
/// <remarks>Also a git repository on request (<see cref="Git"/>), for tests of versions and releases.</remarks>
internal sealed class SampleCopy : IDisposable
{
    private readonly TempTree _tree = new();

    public SampleCopy()
    {
        Root = _tree.Root;
        Content = Path.Combine(Root, "content");
        Copy(Path.Combine(Run.RepoRoot(), "content"), Content);
    }

    public string Root { get; }
    public string Content { get; }

    /// <summary>Runs git in the copy's root (a repository once "init" has run); fails the test if git fails.</summary>
    public void Git(params string[] args)
    {
        var (code, _, err) = Tool.Run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", .. args], Root);
        Assert.True(code == 0, $"git {string.Join(' ', args)}: {err}");
    }

    public void Edit(string relative, Func<string, string> edit)
    {
        var path = Path.Combine(Content, relative);
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    internal static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose() => _tree.Dispose();
}
