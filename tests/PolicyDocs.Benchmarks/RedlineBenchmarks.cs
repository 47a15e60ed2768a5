using BenchmarkDotNet.Attributes;
using PolicyDocs.Diff;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Docx.Redline;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Versions;

namespace PolicyDocs.Benchmarks;

/// <summary>
/// Diff of two versions of the synthetic CP/CPS (about 350 KB of Markdown; the new one with words replaced,
/// paragraphs deleted and inserted throughout) plus both redlines: HTML and Word with tracked changes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RedlineBenchmarks
{
    private string _dir = "";
    private Compilation? _old;
    private Compilation? _new;
    private ChangeSet? _changes;

    /// <summary>Writes and compiles both versions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "policydocs-redline-bench-" + Environment.ProcessId);
        var text = SyntheticPolicySet.Generate();
        _old = Compile("old", text);
        _new = Compile("new", Edit(text));
        var changed = PolicyDiffer.Compare(_old.Published!, _new.Published!, "old", "new").Documents.Sum(d => d.Sections.Count);
        if (changed < 50) throw new InvalidOperationException($"Only {changed} sections changed; the edit did not apply.");
        _changes = PolicyDiffer.Compare(_old.Published!, _new.Published!, "old", "new");
        Console.WriteLine($"// {text.Length / 1024} KB of Markdown, {changed} sections changed");
    }

    /// <summary>Writes the two versions the benchmark compares, as <c>old/CP-CPS.md</c> and <c>new/CP-CPS.md</c> under <paramref name="dir"/>, for whole-process timings of <c>diff --docx</c>.</summary>
    public static void WritePair(string dir)
    {
        var text = SyntheticPolicySet.Generate();
        foreach (var (name, version) in new[] { ("old", text), ("new", Edit(text)) })
        {
            Directory.CreateDirectory(Path.Combine(dir, name));
            File.WriteAllText(Path.Combine(dir, name, "CP-CPS.md"), version);
        }
    }

    private Compilation Compile(string name, string text)
    {
        var dir = Path.Combine(_dir, name);
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "CP-CPS.md");
        File.WriteAllText(file, text);
        var c = PolicyCompiler.Compile(file);
        if (c.ErrorCount > 0 || c.Published!.Set is null) throw new InvalidOperationException($"The {name} version has {c.ErrorCount} errors.");
        return c;
    }

    /// <summary>Replaces a word in every 7th paragraph, deletes every 41st, inserts one after every 53rd, changes some table rows.</summary>
    public static string Edit(string text)
    {
        var blocks = text.Split("\n\n").ToList();
        var result = new List<string>(blocks.Count + 64);
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var prose = i > 0 && b.Length > 40 && char.IsLetter(b[0]);
            if (prose && i % 41 == 0) continue;
            if (prose && i % 7 == 0)
            {
                // The second word becomes "every".
                var a = b.IndexOf(' ');
                var z = b.IndexOf(' ', a + 1);
                b = b[..(a + 1)] + "every" + b[z..];
            }
            if (b.StartsWith("| Item", StringComparison.Ordinal) && i % 3 == 0) b = b.Replace("| 2 | ", "| 2 | Every ", StringComparison.Ordinal);
            result.Add(b);
            if (prose && i % 53 == 0) result.Add("An inserted paragraph states one more requirement for the benchmark.");
        }
        return string.Join("\n\n", result);
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>Milliseconds of the diff, the HTML redlines and the Word redlines, for a quick per-stage look.</summary>
    public (double Diff, double Html, double Docx) Stages()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var changes = PolicyDiffer.Compare(_old!.Published!, _new!.Published!, "old", "new");
        var diff = sw.Elapsed.TotalMilliseconds;
        var docs = changes.Documents.Where(d => d.Kind == ChangeKind.Modified).ToList();
        sw.Restart();
        foreach (var d in docs) RedlineHtmlRenderer.Body(VersionChange.Between(_old!.Published!, _new!.Published!, changes, d), RedlineLinks.Standalone(_new!.Published!.Set, 1));
        var html = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        foreach (var d in docs) DocxRedlineRenderer.Render(VersionChange.Between(_old!.Published!, _new!.Published!, changes, d));
        return (diff, html, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>The Word redline of every changed document alone, from a change set made once: what <c>diff --docx</c> adds to the comparison.</summary>
    [Benchmark]
    public int WordRedline()
    {
        var bytes = 0;
        foreach (var d in _changes!.Documents.Where(d => d.Kind == ChangeKind.Modified))
            bytes += DocxRedlineRenderer.Render(VersionChange.Between(_old!.Published!, _new!.Published!, _changes, d)).Length;
        return bytes;
    }

    /// <summary>Change set, HTML redline page and Word redline of every changed document.</summary>
    [Benchmark]
    public int DiffAndRedlines()
    {
        var changes = PolicyDiffer.Compare(_old!.Published!, _new!.Published!, "old", "new");
        var bytes = 0;
        foreach (var d in changes.Documents.Where(d => d.Kind == ChangeKind.Modified))
        {
            bytes += RedlineHtmlRenderer.Body(VersionChange.Between(_old!.Published!, _new!.Published!, changes, d), RedlineLinks.Standalone(_new!.Published!.Set, 1)).Length;
            bytes += DocxRedlineRenderer.Render(VersionChange.Between(_old!.Published!, _new!.Published!, changes, d)).Length;
        }
        return bytes;
    }
}
