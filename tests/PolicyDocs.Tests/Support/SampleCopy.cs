using System.Diagnostics;

namespace PolicyDocs.Tests.Support;

/// <summary>A temporary copy of the repository's sample content that a test may edit.</summary>
/// <remarks>Also a git repository on request (<see cref="Git"/>), for tests of versions and releases.</remarks>
internal sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "pd-diff-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        Copy(Path.Combine(Run.RepoRoot(), "content"), Content);
    }

    public string Root { get; }
    public string Content { get; }

    /// <summary>Runs git in the copy's root (a repository once "init" has run); fails the test if git fails.</summary>
    public void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "user.name=Test", "-c", "user.email=test@example.invalid", .. args]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {err.Result}");
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
