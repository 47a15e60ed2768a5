using PolicyDocs.Pipeline;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Pipeline;

/// <summary>Identical inputs give identical outputs: every published byte, on every build, whatever the thread timing.</summary>
public sealed class DeterminismTests
{
    private static SortedDictionary<string, byte[]> Build(string content) =>
        new(SiteBuilder.Build(Run.Compile(content).Published!).Output.Files.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal);

    [Fact]
    public void The_sample_builds_to_the_same_bytes_every_time()
    {
        var content = Path.Combine(Run.RepoRoot(), "content");
        var first = Build(content);
        for (var run = 0; run < 3; run++)
        {
            var again = Build(content);
            Assert.Equal(first.Keys, again.Keys);
            foreach (var (path, bytes) in first)
                Assert.True(bytes.AsSpan().SequenceEqual(again[path]), $"{path} differs on build {run + 2}");
        }
    }

    [Fact]
    public void Hostile_prose_builds_to_the_same_bytes_every_time()
    {
        using var tree = PolicySetBuilder.Valid("cp", "cps")
            .Body("cp", "1.1", "E = mc<sup onclick=\"x()\">2</sup> <font color=red>red</font> {{ cas.root.name }}")
            .Body("cps", "1.1", "{{ for i in 1..200 }}row {{ i }} {{ cas.root.name }}\n{{ end }}")
            .Write();
        var first = Build(tree.Root);
        var again = Build(tree.Root);
        Assert.Equal(first.Keys, again.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(again[path]), path);
    }
}
