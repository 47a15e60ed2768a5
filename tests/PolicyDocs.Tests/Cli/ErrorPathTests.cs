using PolicyDocs.Output;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary>Every refusal and environment fault is one line <c>policydocs: …</c>, exit 2, no stack trace, nothing deleted.</summary>
public sealed class ErrorPathTests
{
    private static void AssertOneLineUsage((int Code, string Out, string Err) r)
    {
        Assert.True(r.Code == 2, r.Out + r.Err);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, r.Err);
        Assert.StartsWith("policydocs: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildRefusesEveryFolderThatIsNotOutputAndDeletesNothing()
    {
        using var repo = PolicySetBuilder.Valid().Write();
        Directory.CreateDirectory(repo.PathOf(".git"));
        repo.Write("notes/keep.txt", "mine");
        repo.Write("afile", "x");
        var before = TempTree.Snapshot(repo.Root);
        foreach (var target in new[] { repo.Root, repo.PathOf("documents"), Path.GetDirectoryName(repo.Root)!, repo.PathOf("notes"), repo.PathOf("afile"), "" })
        {
            AssertOneLineUsage(Run.Cli("build", "--content", repo.Root, "--output", target));
            Assert.Equal(before.Keys, TempTree.Snapshot(repo.Root).Keys);
        }
        using var content = PolicySetBuilder.Valid().Write();
        AssertOneLineUsage(Run.Cli("build", "--content", content.Root, "--output", content.Root));
        AssertOneLineUsage(Run.Cli("build", "--content", "", "--output", repo.PathOf("site")));
    }

    [Fact]
    public void BuildReplacesItsOwnOutput()
    {
        using var content = PolicySetBuilder.Valid().Write();
        using var output = new TempTree();
        var site = output.PathOf("site");
        Assert.Equal(0, Run.Cli("build", "--content", content.Root, "--output", site).Code);
        Assert.True(File.Exists(Path.Combine(site, OutputTarget.MarkerName)));
        Assert.DoesNotContain(OutputTarget.MarkerName, File.ReadAllText(Path.Combine(site, "SHA256SUMS")), StringComparison.Ordinal);
        Assert.Equal(0, Run.Cli("build", "--content", content.Root, "--output", site).Code);
    }

    [Fact]
    public void BadPortAndHtmlGivenAFileAreOneLine()
    {
        AssertOneLineUsage(Run.Cli("serve", "--port", "abc"));
        using var tree = new TempTree();
        var file = tree.Write("redline", "x");
        AssertOneLineUsage(Run.Cli("diff", tree.Root, tree.Root, "--html", file));
        Assert.Equal("x", tree.Read("redline"));
    }

    [Fact]
    public void ADiagnosticIsOneLine()
    {
        var d = new PolicyDocs.Model.Diagnostic(PolicyDocs.Model.Rules.All[0], PolicyDocs.Model.Severity.Error,
            new PolicyDocs.Model.SourceSpan("a\nb.md", 1, 1), "bad\r\nvalue\u001b[2J");
        Assert.DoesNotContain('\n', d.ToString());
        Assert.DoesNotContain('\u001b', d.ToString());
        var json = PolicyDocs.Reporting.DiagnosticFormatter.Json([d]);
        Assert.Equal("bad\r\nvalue\u001b[2J", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("diagnostics")[0].GetProperty("message").GetString());
    }
}
