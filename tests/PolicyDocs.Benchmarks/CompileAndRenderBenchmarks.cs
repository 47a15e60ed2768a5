using BenchmarkDotNet.Attributes;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Docx;

namespace PolicyDocs.Benchmarks;

/// <summary>Compile and DOCX render of the synthetic full RFC 3647 CP/CPS (about 350 KB of Markdown).</summary>
[MemoryDiagnoser]
public class CompileAndRenderBenchmarks
{
    private string _dir = "";
    private string _file = "";
    private Compilation? _compilation;

    /// <summary>Writes the synthetic document and compiles it once for the render benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "policydocs-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "CP-CPS.md");
        File.WriteAllText(_file, SyntheticPolicySet.Generate());
        _compilation = PolicyCompiler.Compile(_file);
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>Load, bind, resolve and check (the compilation is returned as object: the benchmark class is public, the
    /// library's types are internal).</summary>
    [Benchmark]
    public object Compile() => PolicyCompiler.Compile(_file);

    /// <summary>Word document of the compiled document.</summary>
    [Benchmark]
    public byte[] RenderDocx() => DocxRenderer.Render(_compilation!.Published!.Documents[0]);
}
