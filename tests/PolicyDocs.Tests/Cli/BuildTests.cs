using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary><c>build</c>: deterministic output, and nothing written when there are errors.</summary>
public sealed class BuildTests
{
    private static void AssertSameTree(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b)
    {
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs between builds");
    }

    [Fact]
    public void TwoBuildsGiveByteIdenticalOutputTrees()
    {
        using var tree = PolicySetBuilder.Valid("cp", "cps")
            .Body("cps", "4.9.3", "As [[cp:4.9.1]] requires, with an [[term:HSM]].")
            .Write();
        var content = tree.PathOf("content-in");
        Directory.Move(Path.Combine(tree.Root, "documents"), Path.Combine(tree.Root, "documents-tmp"));
        // Keep the content in its own folder so the outputs can sit beside it.
        Directory.CreateDirectory(content);
        foreach (var entry in new[] { "policyset.yaml", "data", "documents-tmp" })
        {
            var from = Path.Combine(tree.Root, entry);
            var to = Path.Combine(content, entry == "documents-tmp" ? "documents" : entry);
            if (Directory.Exists(from)) Directory.Move(from, to); else File.Move(from, to);
        }
        var one = tree.PathOf("site-one");
        var two = tree.PathOf("site-two");
        var r1 = Run.Cli("build", "--content", content, "--output", one);
        Assert.True(r1.Code == 0, r1.Out + r1.Err);
        Assert.Equal(0, Run.Cli("build", "--content", content, "--output", two).Code);
        var a = TempTree.Snapshot(one);
        Assert.Contains("cp/index.html", a.Keys);
        Assert.Contains("cps/index.html", a.Keys);
        AssertSameTree(a, TempTree.Snapshot(two));
        // Building again over an existing site replaces it with the same bytes.
        Assert.Equal(0, Run.Cli("build", "--content", content, "--output", one).Code);
        AssertSameTree(a, TempTree.Snapshot(one));
    }

    [Fact]
    public void FailedBuildWritesNothingAndLeavesThePreviousSiteIntact()
    {
        var b = PolicySetBuilder.Valid();
        using var content = b.Write();
        using var output = new TempTree();
        var site = output.PathOf("site");
        Assert.Equal(0, Run.Cli("build", "--content", content.Root, "--output", site).Code);
        var before = TempTree.Snapshot(site);
        Assert.NotEmpty(before);

        b.Set("documents/cp/04.md", b.Files["documents/cp/04.md"].Replace("### 4.4.2 Publication of the certificate by the CA\n\n", "", StringComparison.Ordinal)).WriteTo(content.Root);
        var (code, stdout, stderr) = Run.Cli("build", "--content", content.Root, "--output", site);
        Assert.Equal(1, code);
        Assert.Contains("PD0101", stdout, StringComparison.Ordinal);
        Assert.Contains("nothing was written", stderr, StringComparison.Ordinal);
        AssertSameTree(before, TempTree.Snapshot(site));
        Assert.Equal([site], Directory.GetFileSystemEntries(output.Root));

        var fresh = output.PathOf("fresh");
        Assert.Equal(1, Run.Cli("build", "--content", content.Root, "--output", fresh).Code);
        Assert.False(Directory.Exists(fresh));
    }

    [Fact]
    public void StrictBuildFailsOnWarnings()
    {
        using var content = PolicySetBuilder.Valid().Replace("documents/cp/06.md", "### 6.2.8 Method of activating private key", "### 6.2.8 Activating Private Keys").Write();
        using var output = new TempTree();
        Assert.Equal(0, Run.Cli("build", "--content", content.Root, "--output", output.PathOf("a")).Code);
        Assert.Equal(1, Run.Cli("build", "--content", content.Root, "--output", output.PathOf("b"), "--strict").Code);
        Assert.False(Directory.Exists(output.PathOf("b")));
    }

    [Fact]
    public void SingleFileBuilds()
    {
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("in/EXAMPLE-CPS.md", PolicyDocs.Tests.Loading.SingleFileLayoutTests.CaStyleDocument()).WriteTo(tree.Root);
        var r = Run.Cli("build", "--content", path, "--output", tree.PathOf("site"));
        Assert.True(r.Code == 0, r.Out + r.Err);
        Assert.True(File.Exists(tree.PathOf("site/example-cps/index.html")));
    }
}
