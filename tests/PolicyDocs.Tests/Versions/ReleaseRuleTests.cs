using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Versions;

/// <summary>PD0155: declared releases that cannot be published are warnings at policyset.yaml, and the current version is still built.</summary>
public sealed class ReleaseRuleTests : IDisposable
{
    private readonly SampleCopy _copy = new();

    private (int Code, string Out) Build()
    {
        var (code, stdout, _) = Run.Cli("build", "--content", _copy.Content, "--output", Path.Combine(_copy.Root, "site"));
        return (code, stdout);
    }

    [Fact]
    public void Pd0155_releases_declared_outside_a_git_repository()
    {
        _copy.Edit("policyset.yaml", s => s + "\nreleases:\n  tags: \"v*\"\n");
        var (code, stdout) = Build();
        Assert.Equal(0, code);
        Assert.Contains("warning PD0155", stdout, StringComparison.Ordinal);
        Assert.Contains("is not in a git repository; only the current version is published", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_copy.Root, "site", "cps", "index.html")));
    }

    [Fact]
    public void Pd0155_a_tagged_release_whose_content_does_not_compile_is_left_out()
    {
        _copy.Edit("policyset.yaml", s => s + "\nreleases:\n  tags: \"v*\"\n");
        var yaml = File.ReadAllText(Path.Combine(_copy.Content, "documents", "cps", "document.yaml"));
        File.WriteAllText(Path.Combine(_copy.Content, "documents", "cps", "document.yaml"), "kind: [unclosed\n");
        _copy.Git("init", "-q");
        _copy.Git("add", "-A");
        _copy.Git("commit", "-q", "-m", "broken");
        _copy.Git("tag", "v0.9");
        File.WriteAllText(Path.Combine(_copy.Content, "documents", "cps", "document.yaml"), yaml);
        var (code, stdout) = Build();
        Assert.Equal(0, code);
        Assert.Contains("warning PD0155", stdout, StringComparison.Ordinal);
        Assert.Contains("v0.9", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_copy.Root, "site", "changes", "cps")));
    }

    public void Dispose() => _copy.Dispose();
}
