using BenchmarkDotNet.Running;
using PolicyDocs.Benchmarks;

if (args.Length == 2 && args[0] == "generate")
{
    // Writes the synthetic CP/CPS used for whole-process timings.
    File.WriteAllText(args[1], SyntheticPolicySet.Generate());
    return 0;
}
if (args.Length == 2 && args[0] == "generate-pair")
{
    // Writes the two versions of the synthetic CP/CPS the redline benchmarks compare (old/ and new/ under a folder).
    RedlineBenchmarks.WritePair(args[1]);
    return 0;
}
if (args.Length == 2 && args[0] == "stages")
{
    // Quick per-stage wall times and allocations of one file: the first round includes first-use costs, the later
    // ones show steady state. The site's figure includes its own link check, which is also timed alone.
    for (var round = 0; round < 8; round++)
    {
        string Stage(string name, Action run)
        {
            var before = GC.GetTotalAllocatedBytes(true);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            run();
            return System.FormattableString.Invariant($"{name} {sw.Elapsed.TotalMilliseconds:F0} ms ({(GC.GetTotalAllocatedBytes(true) - before) >> 20} MiB)");
        }
        PolicyDocs.Compiling.Compilation c = null!;
        PolicyDocs.Pipeline.SiteBuild site = null!;
        var compile = Stage("compile", () => c = PolicyDocs.Compiling.PolicyCompiler.Compile(args[1]));
        var docx = Stage("docx", () => PolicyDocs.Rendering.Docx.DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Documents[0])));
        var pages = Stage("site", () => site = PolicyDocs.Pipeline.SiteBuilder.Build(c.Published!, null, wordDownloads: false));
        var links = Stage("link check alone", () => PolicyDocs.Rendering.Html.LinkChecker.Find(site.Output));
        Console.WriteLine($"round {round}: {compile}, {docx}, {pages}, {links}");
    }
    return 0;
}
if (args.Length == 1 && args[0] == "preview-stages")
{
    var content = Path.Combine(BenchPaths.RepoRoot, "content");
    for (var round = 0; round < 6; round++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var c = PolicyDocs.Compiling.PolicyCompiler.Compile(content, new PolicyDocs.Compiling.CompileOptions());
        var compile = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var o = new PolicyDocs.Output.OutputSet();
        PolicyDocs.Rendering.Docx.DocxRenderer.RenderAll(c.Published!, o);
        var docx = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        PolicyDocs.Pipeline.SiteBuilder.Build(c.Published!);
        Console.WriteLine($"round {round}: compile {compile:F0} ms, docx {docx:F0} ms, site build (incl. docx) {sw.Elapsed.TotalMilliseconds:F0} ms");
    }
    return 0;
}
if (args.Length is 3 or 4 && args[0] == "shipped")
    return Measurements.Shipped(args[1], args[2], args.Length == 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 11);
if (args.Length == 1 && args[0] == "search-size") return Measurements.SearchSize();
if (args.Length == 1 && args[0] == "search-query") return await Measurements.SearchQuery();
if (args.Length == 1 && args[0] == "preview") return await Measurements.Preview();
if (args.Length == 1 && args[0] == "redline-stages")
{
    // Per-stage wall times of the diff and both redlines of the synthetic document and its edited copy.
    var bench = new RedlineBenchmarks();
    bench.Setup();
    for (var round = 0; round < 3; round++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (diff, html, docx) = bench.Stages();
        Console.WriteLine($"round {round}: diff {diff:F0} ms, html {html:F0} ms, docx {docx:F0} ms, total {sw.Elapsed.TotalMilliseconds:F0} ms");
    }
    bench.Cleanup();
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(CompileAndRenderBenchmarks).Assembly).Run(args);
return 0;
