using BenchmarkDotNet.Attributes;
using PolicyDocs.Diff;
using PolicyDocs.Compiling;
using PolicyDocs.Pipeline;

namespace PolicyDocs.Benchmarks;

/// <summary>
/// <c>policydocs diff</c> of two versions of the synthetic CP/CPS: compile both, compare, and render the HTML
/// redline. Two sizes (2 and 4 paragraphs per section; 4 gives about 370 KB of Markdown) show how time and memory grow.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DiffBenchmarks
{
    private string _dir = "";
    private string _old = "";
    private string _new = "";

    /// <summary>Paragraphs per section of the synthetic document.</summary>
    [Params(2, 4)]
    public int Paragraphs { get; set; }

    /// <summary>Writes the two versions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = BenchPaths.NewTemp("diff");
        (_old, _new) = Write(_dir, Paragraphs);
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>Writes version 2.1 and its revision 2.2 into <paramref name="dir"/>.</summary>
    public static (string Old, string New) Write(string dir, int paragraphs)
    {
        var a = Path.Combine(dir, "v2.1", "CP-CPS.md");
        var b = Path.Combine(dir, "v2.2", "CP-CPS.md");
        Directory.CreateDirectory(Path.GetDirectoryName(a)!);
        Directory.CreateDirectory(Path.GetDirectoryName(b)!);
        File.WriteAllText(a, SyntheticPolicySet.Generate(paragraphs));
        File.WriteAllText(b, SyntheticPolicySet.Generate(paragraphs, revised: true));
        return (a, b);
    }

    /// <summary>Compile both versions, compare them and render each changed document's HTML redline; returns the redline's length.</summary>
    [Benchmark]
    public int CompileCompareRedline() => Run(_old, _new);

    /// <summary>The diff pipeline once.</summary>
    public static int Run(string oldPath, string newPath)
    {
        var result = PolicyPipeline.Diff(new ComparedVersion(oldPath, "2.1"), new ComparedVersion(newPath, "2.2"), new CompareOptions(Html: true));
        if (result.Changes is not { Documents.Count: > 0 }) throw new InvalidOperationException($"no changes found ({result.Outcome})");
        return result.Html!.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).Sum(f => f.Value.Length);
    }
}
