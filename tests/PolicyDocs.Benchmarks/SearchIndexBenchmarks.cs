using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyDocs.Output;
using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Html;

namespace PolicyDocs.Benchmarks;

/// <summary>
/// The site's search index for a 100-document policy set: plain text of every rendered section, then the index
/// script. The section HTML is rendered once in setup, as the site build renders it anyway.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SearchIndexBenchmarks
{
    /// <summary>Documents in the synthetic policy set.</summary>
    public const int Documents = 100;

    private string _dir = "";
    private List<(PolicyDocument Doc, List<(Section Section, string Html)> Sections)> _rendered = [];

    /// <summary>Writes and compiles the policy set and renders each document's sections.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = BenchPaths.NewTemp("search");
        _rendered = Render(SyntheticPolicySet.WriteFolder(Path.Combine(_dir, "content"), Documents));
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>Index build: plain text of every section and the index script, as UTF-8 bytes (what the site publishes).</summary>
    [Benchmark]
    public byte[] BuildIndex() => Build(_rendered);

    /// <summary>Compiles <paramref name="content"/> and renders every section of every document to HTML.</summary>
    public static List<(PolicyDocument, List<(Section, string)>)> Render(string content)
    {
        var c = PolicyCompiler.Compile(content);
        if (c.ErrorCount > 0) throw new InvalidOperationException(string.Join("\n", c.Diagnostics.Take(20)));
        return [.. c.Set!.Documents.AsParallel().AsOrdered().Select(doc =>
        {
            var sections = new List<(Section, string)>();
            new DocumentHtml(c.Set, c.Xrefs!, doc, 1, print: false, c.Recommendations).Body((s, html) => sections.Add((s, html)));
            return (doc, sections);
        })];
    }

    /// <summary>The index script's bytes for the rendered documents.</summary>
    public static byte[] Build(List<(PolicyDocument Doc, List<(Section Section, string Html)> Sections)> rendered)
    {
        var index = new SearchIndex();
        foreach (var (doc, sections) in rendered)
        {
            var d = index.AddDocument(doc.Id, doc.Info.ShortTitle, SitePaths.DocumentPage(doc.Id));
            foreach (var (section, html) in sections) index.AddSection(d, section, PlainText.Of(html));
        }
        return new UTF8Encoding(false).GetBytes(index.ToScript());
    }
}
