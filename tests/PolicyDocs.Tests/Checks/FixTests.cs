using System.Text;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary><c>check --fix</c> writes "No stipulation." into blank leaf sections and nothing else.</summary>
public sealed class FixTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void FixInsertsNoStipulationIntoBlankSectionsAndChangesNothingElse(string newline)
    {
        var b = PolicySetBuilder.Valid()
            .Replace("documents/cp/04.md", "### 4.4.2 Publication of the certificate by the CA\n\nText of 4.4.2.\n\n", "### 4.4.2 Publication of the certificate by the CA\n\n")
            .Replace("documents/cp/09.md", "## 9.17 Other provisions\n\nText of 9.17.\n\n", "## 9.17 Other provisions\n");
        foreach (var key in b.Files.Keys.Where(k => k.EndsWith(".md", StringComparison.Ordinal)).ToList())
            b.Files[key] = b.Files[key].Replace("\n", newline, StringComparison.Ordinal);
        using var tree = b.Write();
        var before = TempTree.Snapshot(tree.Root);

        var (code, _, stderr) = Run.Cli("check", "--content", tree.Root, "--fix");
        Assert.Equal(0, code);
        Assert.Contains("2 blank sections", stderr, StringComparison.Ordinal);

        var after = TempTree.Snapshot(tree.Root);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before)
        {
            if (path is "documents/cp/04.md" or "documents/cp/09.md") continue;
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        }
        var nl = newline;
        var expected04 = b.Files["documents/cp/04.md"].Replace(
            $"### 4.4.2 Publication of the certificate by the CA{nl}{nl}",
            $"### 4.4.2 Publication of the certificate by the CA{nl}{nl}No stipulation.{nl}{nl}", StringComparison.Ordinal);
        Assert.Equal(expected04, Encoding.UTF8.GetString(after["documents/cp/04.md"]));
        var expected09 = b.Files["documents/cp/09.md"].Replace(
            $"## 9.17 Other provisions{nl}", $"## 9.17 Other provisions{nl}{nl}No stipulation.{nl}", StringComparison.Ordinal);
        Assert.Equal(expected09, Encoding.UTF8.GetString(after["documents/cp/09.md"]));

        // A second run finds nothing to fix and changes nothing.
        var (code2, _, stderr2) = Run.Cli("check", "--content", tree.Root, "--fix");
        Assert.Equal(0, code2);
        Assert.Contains("0 blank sections", stderr2, StringComparison.Ordinal);
        Assert.Equal(after, TempTree.Snapshot(tree.Root), new BytesComparer());
    }

    [Fact]
    public void CheckWithoutFixModifiesNothing()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "9.17", "");
        using var tree = b.Write();
        var before = TempTree.Snapshot(tree.Root);
        Assert.Equal(1, Run.Cli("check", "--content", tree.Root).Code);
        Assert.Equal(before, TempTree.Snapshot(tree.Root), new BytesComparer());
    }

    private sealed class BytesComparer : IEqualityComparer<SortedDictionary<string, byte[]>>
    {
        public bool Equals(SortedDictionary<string, byte[]>? x, SortedDictionary<string, byte[]>? y) =>
            x!.Count == y!.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v.AsSpan().SequenceEqual(kv.Value));

        public int GetHashCode(SortedDictionary<string, byte[]> obj) => obj.Count;
    }
}
