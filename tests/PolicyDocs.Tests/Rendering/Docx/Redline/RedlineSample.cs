using PolicyDocs.Compiling;

using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>The sample policy set compiled once as the old version, plus a second copy that tests edit and restore.</summary>
public sealed class RedlineSample : IDisposable
{
    private readonly SampleCopy _old = new();
    private readonly SampleCopy _new = new();

    public RedlineSample()
    {
        Old = PolicyCompiler.Compile(_old.Content);
        Assert.Equal(0, Old.ErrorCount);
    }

    internal Compilation Old { get; }

    /// <summary>Compiles the sample with <paramref name="file"/> (relative to content/) replaced by <paramref name="text"/>.</summary>
    internal Compilation CompileEdited(string file, string text) => CompileEdited((file, text));

    /// <summary>Compiles the sample with the given files (relative to content/) replaced.</summary>
    internal Compilation CompileEdited(params (string File, string Text)[] files)
    {
        var originals = files.Select(f => (Path: Path.Combine(_new.Content, f.File), Text: File.ReadAllText(Path.Combine(_new.Content, f.File)))).ToList();
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(_new.Content, file), text);
        try { return PolicyCompiler.Compile(_new.Content); }
        finally { foreach (var (path, text) in originals) File.WriteAllText(path, text); }
    }

    /// <summary>The sample's text of <paramref name="file"/>.</summary>
    public string Read(string file) => File.ReadAllText(Path.Combine(_old.Content, file));

    public void Dispose()
    {
        _old.Dispose();
        _new.Dispose();
    }
}
