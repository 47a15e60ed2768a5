using PolicyDocs.Benchmarks;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary>
/// The CLI as it ships: <c>dotnet publish</c> of PolicyDocs.Cli, a native (ahead-of-time compiled) executable. It must
/// behave exactly as the portable build the other tests run in-process: the same files, byte for byte, the same
/// reports and the same exit codes.
/// </summary>
public sealed class PublishedCliTests(PublishedCliTests.Published published) : IClassFixture<PublishedCliTests.Published>
{
    /// <summary>Publishes the CLI once for the class, with its own intermediate folders so it cannot disturb the repository's.</summary>
    public sealed class Published : IDisposable
    {
        private readonly TempTree _tree = new();

        /// <summary>A first ahead-of-time publish restores the native compiler package and compiles the framework with the
        /// tool: many minutes on a cold 2-core machine.</summary>
        private static readonly TimeSpan PublishWait = TimeSpan.FromMinutes(40);

        public Published()
        {
            // Native AOT links with clang; without it there is nothing to test (CI installs it).
            if (Tool.OnPath("clang") is null) return;
            var project = Path.Combine(Run.RepoRoot(), "src", "PolicyDocs.Cli");
            var (code, stdout, stderr) = Tool.Run("dotnet",
                ["publish", project, "-c", "Release", "-o", _tree.PathOf("bin"), "--artifacts-path", _tree.PathOf("artifacts"), "-nologo"],
                wait: PublishWait);
            Assert.True(code == 0, $"dotnet publish failed:\n{stdout}\n{stderr}");
            Executable = _tree.PathOf("bin/PolicyDocs.Cli");
        }

        /// <summary>The published executable; null when clang is missing.</summary>
        public string? Executable { get; }

        public void Dispose() => _tree.Dispose();
    }

    private string Executable =>
        published.Executable ?? throw Xunit.Sdk.SkipException.ForSkip("clang is not installed (apt-get install -y clang), so the CLI cannot be published; CI installs it.");

    // With the arguments Run.Cli gives the portable build (build and diff without PDFs), so the two runs compare alike.
    private (int Code, string Out, string Err) Shipped(params string[] args) =>
        Tool.Run(Executable, args.Length > 0 && args[0] is "build" or "diff" && !args.Contains("--no-pdf") && !args.Contains("--") ? [.. args, "--no-pdf"] : args);

    private static void AssertSameTree(string expected, string actual)
    {
        var a = TempTree.Snapshot(expected);
        var b = TempTree.Snapshot(actual);
        Assert.NotEmpty(a);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs between the published CLI and the portable build");
    }

    [Fact]
    public void The_published_cli_is_a_native_executable()
    {
        var bytes = File.ReadAllBytes(Executable);
        Assert.True(bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8), "not an ELF executable");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Executable)!, "PolicyDocs.dll")), "the library ships as IL beside it");
        var (code, stdout, _) = Shipped("--version");
        Assert.Equal(0, code);
        Assert.Equal(PolicyDocs.Cli.CliApp.Version, stdout.Trim());
    }

    [Fact]
    public void Building_the_sample_set_gives_the_same_site()
    {
        using var tree = new TempTree();
        var content = Path.Combine(Run.RepoRoot(), "content");
        var portable = Run.Cli("build", "--content", content, "--output", tree.PathOf("portable"));
        var shipped = Shipped("build", "--content", content, "--output", tree.PathOf("shipped"));
        Assert.True(portable.Code == 0, portable.Err);
        Assert.True(shipped.Code == 0, shipped.Err);
        Assert.Equal(portable.Out, shipped.Out);
        AssertSameTree(tree.PathOf("portable"), tree.PathOf("shipped"));
    }

    [Fact]
    public void Building_a_large_single_file_cp_cps_gives_the_same_site_and_word_file()
    {
        using var tree = new TempTree();
        var file = tree.Write("CP-CPS.md", SyntheticPolicySet.Generate(2));
        var portable = Run.Cli("build", "--content", file, "--output", tree.PathOf("portable"));
        var shipped = Shipped("build", "--content", file, "--output", tree.PathOf("shipped"));
        Assert.Equal(portable.Code, shipped.Code);
        Assert.Equal(portable.Out, shipped.Out);
        Assert.Contains("downloads/cpcps-2.1.docx", TempTree.Snapshot(tree.PathOf("shipped")).Keys);
        AssertSameTree(tree.PathOf("portable"), tree.PathOf("shipped"));
    }

    [Fact]
    public void Check_reports_and_diff_redlines_are_the_same()
    {
        using var copy = new SampleCopy();
        var old = Path.Combine(copy.Root, "old");
        SampleCopy.Copy(copy.Content, old);
        var overview = Path.Combine(copy.Content, "documents", "cp", "01-introduction.md");
        File.WriteAllText(overview, File.ReadAllText(overview).Replace("This Certificate Policy", "This revised Certificate Policy", StringComparison.Ordinal));

        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var portable = Run.Cli("check", "--content", copy.Content, "--format", format);
            var shipped = Shipped("check", "--content", copy.Content, "--format", format);
            Assert.Equal((portable.Code, portable.Out), (shipped.Code, shipped.Out));
        }
        var p = Run.Cli("diff", old, copy.Content, "--html", Path.Combine(copy.Root, "portable"), "--docx", Path.Combine(copy.Root, "portable"));
        var s = Shipped("diff", old, copy.Content, "--html", Path.Combine(copy.Root, "shipped"), "--docx", Path.Combine(copy.Root, "shipped"));
        Assert.Equal(0, p.Code);
        Assert.Equal((p.Code, p.Out), (s.Code, s.Out));
        Assert.Contains("revised", p.Out, StringComparison.Ordinal);
        AssertSameTree(Path.Combine(copy.Root, "portable"), Path.Combine(copy.Root, "shipped"));
    }

    [Fact]
    public void Bad_input_gets_the_same_diagnostics_and_exit_codes()
    {
        using var tree = new TempTree();
        var broken = tree.Write("broken.md", "---\nid: [oops\n---\n# 1. INTRODUCTION\n");
        var template = tree.Write("template.md", "# 1. INTRODUCTION\n\n## 1.1 Overview\n\n{{ nope.x }} and [[9.99]]\n");
        foreach (var args in new[]
                 {
                     new[] { "check", "--content", tree.PathOf("missing") },
                     ["check", "--content", broken],
                     ["build", "--content", template, "--output", tree.PathOf("site")],
                     ["no-such-command"],
                 })
        {
            var portable = Run.Cli(args);
            var shipped = Shipped(args);
            Assert.NotEqual(0, shipped.Code);
            Assert.Equal((portable.Code, portable.Out, portable.Err), (shipped.Code, shipped.Out, shipped.Err));
        }
    }
}
