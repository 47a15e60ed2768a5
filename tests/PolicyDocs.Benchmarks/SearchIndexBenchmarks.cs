using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyDocs.Compiling;
using PolicyDocs.Publication;
using PolicyDocs.Rendering.Html;

namespace PolicyDocs.Benchmarks;

/// <summary>
/// The site's search index for a 100-document policy set: the plain text of every section's body, read from its
/// parsed Markdown, then the index script. The set is compiled once in setup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SearchIndexBenchmarks
{
    /// <summary>Documents in the synthetic policy set.</summary>
    public const int Documents = 100;

    private string _dir = "";
    private PublishedSet? _published;

    /// <summary>Writes and compiles the policy set.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = BenchPaths.NewTemp("search");
        _published = Compile(SyntheticPolicySet.WriteFolder(Path.Combine(_dir, "content"), Documents));
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>Index build: plain text of every section and the index script, as UTF-8 bytes (what the site publishes).</summary>
    [Benchmark]
    public byte[] BuildIndex() => Build(_published!);

    /// <summary>Compiles <paramref name="content"/>.</summary>
    internal static PublishedSet Compile(string content)
    {
        var c = PolicyCompiler.Compile(content);
        if (c.ErrorCount > 0 || c.Published is null) throw new InvalidOperationException(string.Join("\n", c.Diagnostics.Take(20)));
        return c.Published;
    }

    /// <summary>The index script's bytes for the compiled set.</summary>
    internal static byte[] Build(PublishedSet published) => new UTF8Encoding(false).GetBytes(SearchIndex.Of(published).ToScript());
}
