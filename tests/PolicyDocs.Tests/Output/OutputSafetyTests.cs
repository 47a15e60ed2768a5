using PolicyDocs.Output;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Output;

/// <summary>An output folder is replaced only when absent, empty or marked; a swap never loses the previous site.</summary>
public sealed class OutputSafetyTests
{
    private static OutputSet Site(string text)
    {
        var set = new OutputSet();
        set.AddText("index.html", text);
        return set;
    }

    [Fact]
    public void HomeAndRootAreRefusedEvenWithAMarker()
    {
        using var tree = new TempTree();
        tree.Write("home/" + OutputTarget.MarkerName, "");
        var guard = new OutputGuard([], tree.PathOf("home"));
        Assert.Contains("home folder", OutputTarget.Refusal(tree.PathOf("home"), guard), StringComparison.Ordinal);
        Assert.Contains("contains your home", OutputTarget.Refusal(tree.Root, guard), StringComparison.Ordinal);
        Assert.Contains("root of the file system", OutputTarget.Refusal("/", guard), StringComparison.Ordinal);
        Assert.Null(OutputTarget.Refusal(tree.PathOf("home/site"), guard));
    }

    [Fact]
    public void MarkedFolderIsReplacedAndUnmarkedOneIsNot()
    {
        using var tree = new TempTree();
        var guard = new OutputGuard([], null);
        var site = tree.PathOf("site");
        Assert.Null(OutputWriter.Write(Site("one"), site, guard));
        Assert.True(OutputTarget.HasMarker(site));
        Assert.Null(OutputWriter.Write(Site("two"), site, guard));
        Assert.Equal("two", tree.Read("site/index.html"));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(tree.Root).Select(Path.GetFileName));

        tree.Write("other/keep.txt", "mine");
        Assert.NotNull(OutputWriter.Write(Site("x"), tree.PathOf("other"), guard));
        Assert.Equal("mine", tree.Read("other/keep.txt"));
    }

    [Fact]
    public void LeftoversAreRestoredWhenTheTargetIsMissingAndDeletedOtherwise()
    {
        using var tree = new TempTree();
        var guard = new OutputGuard([], null);
        // A kill between the two renames: no site, the previous one hidden, the new one half written.
        tree.Write($".site.old-1/{OutputTarget.MarkerName}", "");
        tree.Write(".site.old-1/index.html", "previous");
        tree.Write($".site.building-1/{OutputTarget.MarkerName}", "");
        tree.Write(".site.building-2/unmarked.txt", "not ours");
        OutputWriter.Recover(tree.Root, "site");
        Assert.Equal("previous", tree.Read("site/index.html"));
        Assert.False(Directory.Exists(tree.PathOf(".site.old-1")));
        Assert.False(Directory.Exists(tree.PathOf(".site.building-1")));
        Assert.Equal("not ours", tree.Read(".site.building-2/unmarked.txt"));

        tree.Write($".site.old-3/{OutputTarget.MarkerName}", "");
        Assert.Null(OutputWriter.Write(Site("new"), tree.PathOf("site"), guard));
        Assert.Equal("new", tree.Read("site/index.html"));
        Assert.False(Directory.Exists(tree.PathOf(".site.old-3")));
    }

    [Fact]
    public void FoldersAreExchangedInOneStepOnLinux()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var tree = new TempTree();
        tree.Write("a/x", "a");
        tree.Write("b/x", "b");
        Assert.True(FolderSwap.TryExchange(tree.PathOf("a"), tree.PathOf("b")));
        Assert.Equal("b", tree.Read("a/x"));
        Assert.Equal("a", tree.Read("b/x"));
    }
}
