using PolicyDocs.Pipeline;
using BenchmarkDotNet.Attributes;
using PolicyDocs.Compiling;

namespace PolicyDocs.Benchmarks;

/// <summary>
/// What <c>policydocs serve</c> does after a save (PreviewServer.Rebuild): compile the sample policy set and build
/// the whole site in memory, after a one-section edit of the CP. The watcher's debounce comes on top (see the
/// <c>preview</c> mode of the program for save-to-rebuilt wall time).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PreviewRebuildBenchmarks
{
    private string _dir = "";
    private string _section = "";
    private string _text = "";
    private int _edit;

    /// <summary>Copies the sample content and templates to a temporary folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = BenchPaths.NewTemp("preview");
        _section = CopySample(_dir);
        _text = File.ReadAllText(_section);
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>Copies content/ and templates/ into <paramref name="dir"/>; returns the CP file holding section 4.9.1.</summary>
    public static string CopySample(string dir)
    {
        BenchPaths.Copy(Path.Combine(BenchPaths.RepoRoot, "content"), Path.Combine(dir, "content"));
        BenchPaths.Copy(Path.Combine(BenchPaths.RepoRoot, "templates"), Path.Combine(dir, "templates"));
        return Path.Combine(dir, "content", "documents", "cp", "04-certificate-life-cycle-operational-requirements.md");
    }

    /// <summary>The text of the section file after edit number <paramref name="n"/>: one sentence appended to section 4.9.1.</summary>
    public static string Edit(string text, int n) =>
        text.Replace("### 4.9.2", $"Edit {n}: the CA records the reason.\n\n### 4.9.2", StringComparison.Ordinal);

    /// <summary>Save an edit of one section, then compile and build the site as the preview does.</summary>
    [Benchmark]
    public int EditAndRebuild()
    {
        File.WriteAllText(_section, Edit(_text, ++_edit));
        var compilation = PolicyCompiler.Compile(Path.Combine(_dir, "content"), new CompileOptions());
        if (compilation.ErrorCount > 0) throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics));
        var build = SiteBuilder.Build(compilation.Published!);
        if (build.HasErrors) throw new InvalidOperationException(string.Join("\n", build.Diagnostics));
        return build.Output.Files.Count;
    }
}
