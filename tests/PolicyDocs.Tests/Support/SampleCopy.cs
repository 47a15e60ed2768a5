namespace PolicyDocs.Tests.Support;

/// <summary>A temporary copy of the repository's sample content (<see cref="PolicySetBuilder.Sample"/>, written to
/// <c>content/</c>) that a test may edit.</summary>
/// <remarks>Also a git repository on request (<see cref="Git"/>), for tests of versions and releases.</remarks>
internal sealed class SampleCopy : IDisposable
{
    private readonly TempTree _tree = new();

    public SampleCopy()
    {
        Root = _tree.Root;
        Content = Path.Combine(Root, "content");
        PolicySetBuilder.Sample().WriteTo(Content);
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

    /// <summary>Copies the policy set in <paramref name="from"/> to <paramref name="to"/>, byte for byte.</summary>
    internal static void Copy(string from, string to) => PolicySetBuilder.FromFolder(from).WriteTo(to);

    public void Dispose() => _tree.Dispose();
}
