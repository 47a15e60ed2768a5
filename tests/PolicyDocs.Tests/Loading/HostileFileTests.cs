using System.Diagnostics;
using System.Text;
using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>
/// Files that are not what they claim: FIFOs, links to host files and devices, links out of the tree, oversized
/// and non-UTF-8 files. Each is a diagnostic at the file, never read, and never blocks.
/// </summary>
public sealed class HostileFileTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="work"/> on another thread and fails (instead of hanging) past the bound.</summary>
    internal static T Within<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Bound), $"did not finish within {Bound.TotalSeconds} s (blocked on a FIFO or device?)");
        return task.Result;
    }

    private static Compilation Compile(string root) => Within(() => PolicyCompiler.Compile(root));

    private static string Path(TempTree tree, string relative) => tree.PathOf(relative).Replace('\\', '/');

    private static void MakeFifo(string path)
    {
        if (!File.Exists("/usr/bin/mkfifo")) Assert.Skip("/usr/bin/mkfifo is missing; install coreutils to run the FIFO cases.");
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    private static Diagnostic Single(Compilation c, string code, string path)
    {
        var found = c.Diagnostics.Where(d => d.Code == code && d.Span.Path == path).ToList();
        Assert.True(found.Count == 1, $"expected one {code} at {path}:\n{c.Dump()}");
        return found[0];
    }

    [Fact]
    public void AFifoAsADataFileIsReportedWithoutOpeningIt()
    {
        using var tree = PolicySetBuilder.Valid().Write();
        MakeFifo(tree.PathOf("data/extra.yaml"));
        var d = Single(Compile(tree.Root), "PD0013", Path(tree, "data/extra.yaml"));
        Assert.Equal((1, 1), (d.Span.Line, d.Span.Column));
        Assert.Contains("FIFO", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoAsAMarkdownFileIsReported()
    {
        using var tree = PolicySetBuilder.Valid().Write();
        MakeFifo(tree.PathOf("documents/cp/zz.md"));
        Single(Compile(tree.Root), "PD0013", Path(tree, "documents/cp/zz.md"));
    }

    [Fact]
    public void AFifoAsTheSingleFileOrADiffInputExitsTwoAtOnce()
    {
        using var tree = new TempTree();
        var good = PolicySetBuilder.SingleFile("good.md", "# 1. INTRODUCTION\n\nText.\n").WriteTo(tree.Root);
        var fifo = tree.PathOf("fifo.md");
        MakeFifo(fifo);
        var (code, _, err) = Within(() => Run.Cli("check", "--content", fifo));
        Assert.Equal(2, code);
        Assert.Contains("FIFO", err, StringComparison.Ordinal);
        (code, _, err) = Within(() => Run.Cli("diff", good, fifo));
        Assert.Equal(2, code);
        Assert.Contains("FIFO", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkToAHostFileIsNotPublished()
    {
        using var outside = new TempTree();
        var secret = outside.Write("secret.yaml", "- id: x\n  password: hunter2\n");
        using var tree = PolicySetBuilder.Valid().Write();
        File.CreateSymbolicLink(tree.PathOf("data/leak.yaml"), secret);
        var c = Compile(tree.Root);
        var d = Single(c, "PD0014", Path(tree, "data/leak.yaml"));
        Assert.Equal((1, 1), (d.Span.Line, d.Span.Column));
        Assert.False(c.Published!.Set.Data.Files.ContainsKey("leak"));
    }

    [Fact]
    public void ALinkToADeviceIsNotRead()
    {
        if (!File.Exists("/dev/urandom")) Assert.Skip("no /dev/urandom here");
        using var tree = PolicySetBuilder.Valid().Write();
        File.CreateSymbolicLink(tree.PathOf("data/noise.yaml"), "/dev/urandom");
        File.CreateSymbolicLink(tree.PathOf("documents/cp/zero.md"), "/dev/zero");
        var c = Compile(tree.Root);
        Single(c, "PD0014", Path(tree, "data/noise.yaml"));
        Single(c, "PD0014", Path(tree, "documents/cp/zero.md"));
    }

    [Fact]
    public void ASingleFileLinkedToADeviceExitsTwo()
    {
        if (!File.Exists("/dev/zero")) Assert.Skip("no /dev/zero here");
        using var tree = new TempTree();
        var link = tree.PathOf("cp.md");
        File.CreateSymbolicLink(link, "/dev/zero");
        var (code, _, err) = Within(() => Run.Cli("check", "--content", link));
        Assert.Equal(2, code);
        Assert.Contains("outside", err, StringComparison.Ordinal);
        (code, _, _) = Within(() => Run.Cli("check", "--content", "/dev/zero"));
        Assert.Equal(2, code);
    }

    [Fact]
    public void ALinkInsideTheTreeIsFollowed()
    {
        using var tree = PolicySetBuilder.Valid().Write();
        Directory.CreateDirectory(tree.PathOf("shared"));
        File.Move(tree.PathOf("data/cas.yaml"), tree.PathOf("shared/cas.yaml"));
        File.CreateSymbolicLink(tree.PathOf("data/cas.yaml"), "../shared/cas.yaml");
        var c = Compile(tree.Root);
        Assert.Equal(0, c.ErrorCount);
        Assert.Equal(2, c.Published!.Set.Data.Cas.Length);
    }

    [Fact]
    public void AFolderLinkedOutOfTheTreeIsReportedOnce()
    {
        using var outside = new TempTree();
        outside.Write("cas.yaml", PolicySetBuilder.DefaultCas);
        using var tree = PolicySetBuilder.Valid().Write();
        Directory.Delete(tree.PathOf("data"), true);
        Directory.CreateSymbolicLink(tree.PathOf("data"), outside.Root);
        var c = Compile(tree.Root);
        Single(c, "PD0014", Path(tree, "data/"));
        Assert.True(c.Published!.Set.Data.Cas.IsEmpty);
    }

    [Fact]
    public void ATemplateLinkedToAHostFileIsNotIncluded()
    {
        using var outside = new TempTree();
        var secret = outside.Write("passwd", "root:x:0:0:SECRET-MARKER:/root:/bin/sh\n");
        using var tree = PolicySetBuilder.Valid().Body("cp", "1.1", "{{ include \"leak\" }}").Write();
        Directory.CreateDirectory(tree.PathOf("templates/markdown"));
        File.CreateSymbolicLink(tree.PathOf("templates/markdown/leak.sbn"), secret);
        var c = Compile(tree.Root);
        var d = Single(c, "PD0014", "templates/markdown/leak.sbn");
        Assert.Equal((1, 1), (d.Span.Line, d.Span.Column));
        Assert.DoesNotContain(c.Published!.Set.Documents.SelectMany(x => x.AllSections), s => (s.BoundSource ?? "").Contains("SECRET-MARKER", StringComparison.Ordinal));
    }

    [Fact]
    public void ATemplateThatIsNotUtf8IsReportedAtItsByte()
    {
        using var tree = PolicySetBuilder.Valid().WithBytes("templates/markdown/bad.sbn", [.. "ok\nab"u8, 0xC3, 0x28]).Write();
        var d = Single(Compile(tree.Root), "PD0016", "templates/markdown/bad.sbn");
        Assert.Equal((2, 3), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void AFileOverTheLimitIsNotRead()
    {
        using var tree = PolicySetBuilder.Valid().Write();
        using (var f = new FileStream(tree.PathOf("data/huge.yaml"), FileMode.Create)) f.SetLength(Text.ContentFile.MaxBytes + 1L);
        Single(Compile(tree.Root), "PD0015", Path(tree, "data/huge.yaml"));
    }

    [Fact]
    public void InvalidUtf8IsAnErrorAtItsLineAndColumn()
    {
        // "é" is two characters' worth of bytes but one column; the bad byte follows it.
        using var tree = PolicySetBuilder.Valid().WithBytes("data/notes.yaml", [.. Encoding.UTF8.GetBytes("a: 1\nb: é"), 0xFF, .. "\n"u8]).Write();
        var d = Single(Compile(tree.Root), "PD0016", Path(tree, "data/notes.yaml"));
        Assert.Equal((2, 5), (d.Span.Line, d.Span.Column));
        Assert.Contains("0xFF", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABomIsFineAndUtf16IsNamed()
    {
        var b = PolicySetBuilder.Valid().WithBytes("data/notes.yaml", [0xEF, 0xBB, 0xBF, .. "a: 1\n"u8]);
        using var tree = b.Write();
        var c = Compile(tree.Root);
        Assert.Equal(0, c.ErrorCount);
        Assert.Equal("1", Assert.IsType<DataScalar>(Assert.IsType<DataMap>(c.Published!.Set.Data.Files["notes"]).Get("a")).Value);
        b.WithBytes("data/notes.yaml", [0xFF, 0xFE, (byte)'a', 0]).WriteTo(tree.Root);
        Assert.Contains("UTF-16", Single(Compile(tree.Root), "PD0016", Path(tree, "data/notes.yaml")).Message, StringComparison.Ordinal);
    }
}
