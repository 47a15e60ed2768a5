using PolicyDocs.Diff;
using PolicyDocs.Output;
using PolicyDocs.Rendering.Docx.Redline;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Diff;

/// <summary>Word redline file names: the document id and short labels of the two versions, bounded, deterministic and distinct.</summary>
public sealed class RedlineFileNameTests
{
    private static DocumentChange Doc(string id, string? from, string? to) =>
        new() { DocumentId = id, Title = "T", FromVersion = from, ToVersion = to, Kind = ChangeKind.Modified, Metadata = [], Sections = [] };

    private static string Name(string from, string to, string? fromVersion = null, string? toVersion = null, string id = "cps") =>
        DocxRedlineRenderer.FileName(new ChangeSet(from, to, [], []), Doc(id, fromVersion, toVersion));

    [Fact]
    public void DocumentVersionsNameTheFileWhenTheyDiffer() =>
        Assert.Equal("cps-1.2-to-1.3-redline.docx", Name("/a/b/old.md", "/a/b/new.md", "1.2", "1.3"));

    [Fact]
    public void GitRefsAreUsedAsGiven() =>
        Assert.Equal("cps-v5.0-to-v5.1-redline.docx", Name("v5.0", "v5.1", "current", "current"));

    [Fact]
    public void PathsAreShortenedToTheSegmentsThatDiffer()
    {
        var deep = "/tmp/" + string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 12));
        Assert.Equal("cps-first_policy-to-second_policy-redline.docx", Name(deep + "/first/policy.md", deep + "/second/policy.md"));
        Assert.Equal("cps-old-to-new-redline.docx", Name(deep + "/old.md", deep + "/new.md"));
    }

    [Fact]
    public void LongLabelsAreBoundedAndStayDistinct()
    {
        var stem = new string('x', 300);
        var a = Name(stem + "1", stem + "2");
        var b = Name(stem + "3", stem + "2");
        Assert.True(a.Length < 140, a);
        Assert.NotEqual(a, b);
        Assert.Equal(a, Name(stem + "1", stem + "2")); // deterministic
        var parts = a[..^"-redline.docx".Length].Split("-to-");
        Assert.NotEqual(parts[0], parts[1]);
    }

    [Fact]
    public void LabelsThatCleanAlikeStayApart()
    {
        var name = Name("draft one", "draft_one");
        var parts = name[4..^"-redline.docx".Length].Split("-to-");
        Assert.NotEqual(parts[0], parts[1]);
        Assert.StartsWith("draft_one-", parts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatCannotBeWrittenIsNamedAndTheTargetIsLeftAlone()
    {
        using var tree = new TempTree();
        var set = new OutputSet();
        set.AddText(new string('n', 300) + ".docx", "x");
        var target = tree.PathOf("redlines");
        var error = Assert.Throws<IOException>(() => OutputWriter.Write(set, target, new OutputGuard([], null)));
        Assert.Contains("cannot write nnn", error.Message, StringComparison.Ordinal);
        Assert.Contains("left unchanged", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(tree.Root));
    }
}
