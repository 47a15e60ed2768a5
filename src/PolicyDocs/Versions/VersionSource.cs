using System.Diagnostics;
using System.Formats.Tar;

namespace PolicyDocs.Versions;

/// <summary>A version of a policy set made readable on disk: a path as given, or a git ref extracted to a temporary folder.</summary>
internal sealed class MaterializedVersion : IDisposable
{
    private readonly string? _tempRoot;

    internal MaterializedVersion(string label, string contentPath, string displayPath, string? tempRoot, DateOnly? commitDate = null)
    {
        Label = label;
        CommitDate = commitDate;
        ContentPath = contentPath;
        DisplayPath = displayPath;
        _tempRoot = tempRoot;
    }

    /// <summary>How the version is named in output ("v1.0", "content-old").</summary>
    public string Label { get; }
    /// <summary>Where its content can be loaded from.</summary>
    public string ContentPath { get; }
    /// <summary>How its files are named in diagnostics ("v1.0:content/...").</summary>
    public string DisplayPath { get; }
    /// <summary>For a git ref, the commit date of the commit it names (the committer's calendar day); null for a path.</summary>
    public DateOnly? CommitDate { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_tempRoot is not null && Directory.Exists(_tempRoot)) Directory.Delete(_tempRoot, true);
    }
}

/// <summary>The outcome of resolving a version: the version, or why it cannot be read.</summary>
internal sealed record VersionResult(MaterializedVersion? Version, string? Error);

/// <summary>
/// Resolves FROM/TO arguments of <c>diff</c>: an existing folder or .md file is used as it is; anything else is a
/// git ref (tag, branch, commit) of the repository holding <c>--content</c>, read with <c>git archive</c> without
/// touching the working tree.
/// </summary>
internal static class VersionSource
{
    /// <summary>Resolves <paramref name="spec"/>; <paramref name="contentPath"/> says where the content sits in its repository.</summary>
    public static VersionResult Resolve(string spec, string contentPath)
    {
        if (Directory.Exists(spec) || File.Exists(spec))
            return new VersionResult(new MaterializedVersion(spec, spec, spec, null), null);
        var contentFull = Path.GetFullPath(contentPath);
        var repo = RepositoryOf(contentFull);
        if (repo is null)
            return new VersionResult(null, $"'{spec}' is not a folder or file, and {contentPath} is not in a git repository, so it cannot be read as a git ref.");
        var commit = Git(repo, "rev-parse", "--verify", "--quiet", spec + "^{commit}");
        if (commit.Code != 0)
            return new VersionResult(null, $"'{spec}' is neither a path nor a git ref (tag, branch or commit) of the repository at {repo}.");
        var relative = Path.GetRelativePath(repo, contentFull).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal))
            return new VersionResult(null, $"{contentPath} is outside the git repository at {repo}.");
        var temp = Path.Combine(Path.GetTempPath(), "policydocs-" + commit.Stdout.Trim()[..12] + "-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(temp);
        var archive = GitBytes(repo, "archive", "--format=tar", commit.Stdout.Trim(), "--", relative);
        if (archive.Code != 0)
        {
            Directory.Delete(temp, true);
            return new VersionResult(null, $"{relative} does not exist at git ref '{spec}'.");
        }
        using (var ms = new MemoryStream(archive.Bytes)) TarFile.ExtractToDirectory(ms, temp, overwriteFiles: true);
        var extracted = Path.Combine(temp, relative);
        if (!Directory.Exists(extracted) && !File.Exists(extracted))
        {
            Directory.Delete(temp, true);
            return new VersionResult(null, $"{relative} does not exist at git ref '{spec}'.");
        }
        return new VersionResult(new MaterializedVersion(spec, extracted, spec + ":" + relative, temp, CommitDate(repo, commit.Stdout.Trim())), null);
    }

    /// <summary>The commit date of <paramref name="commit"/> as the committer's calendar day (git's <c>%cs</c>), or null when git cannot say.</summary>
    internal static DateOnly? CommitDate(string repository, string commit)
    {
        var r = Git(repository, "show", "-s", "--format=%cs", commit);
        return r.Code == 0 && DateOnly.TryParseExact(r.Stdout.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The top folder of the git repository holding <paramref name="path"/>, or null.</summary>
    public static string? RepositoryOf(string path)
    {
        var probe = Path.GetFullPath(path);
        if (!Directory.Exists(probe)) probe = Path.GetDirectoryName(probe);
        while (probe is not null && !Directory.Exists(probe)) probe = Path.GetDirectoryName(probe);
        if (probe is null) return null;
        var top = Git(probe, "rev-parse", "--show-toplevel");
        return top.Code == 0 ? top.Stdout.Trim() : null;
    }

    /// <summary>Tags of <paramref name="repository"/> matching a glob, in version order (v1.9 before v1.10).</summary>
    public static IReadOnlyList<string> Tags(string repository, string pattern)
    {
        var r = Git(repository, "tag", "--list", pattern, "--sort=v:refname");
        return r.Code != 0 ? [] : [.. r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static (int Code, string Stdout) Git(string dir, params string[] args)
    {
        var r = GitBytes(dir, args);
        return (r.Code, System.Text.Encoding.UTF8.GetString(r.Bytes));
    }

    private static (int Code, byte[] Bytes) GitBytes(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            using var ms = new MemoryStream();
            var errTask = p.StandardError.ReadToEndAsync();
            p.StandardOutput.BaseStream.CopyTo(ms);
            p.WaitForExit();
            _ = errTask.Result;
            return (p.ExitCode, ms.ToArray());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, []);
        }
    }
}
