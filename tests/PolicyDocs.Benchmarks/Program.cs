using BenchmarkDotNet.Running;
using PolicyDocs.Benchmarks;

if (args.Length == 2 && args[0] == "generate")
{
    // Writes the synthetic CP/CPS used for whole-process timings.
    File.WriteAllText(args[1], SyntheticPolicySet.Generate());
    return 0;
}
if (args.Length == 2 && args[0] == "stages")
{
    // Quick per-stage wall times of one file: the first round includes first-use costs, the later ones show steady state.
    for (var round = 0; round < 8; round++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(true);
        long Allocated()
        {
            var now = GC.GetTotalAllocatedBytes(true);
            var mib = (now - allocated) >> 20;
            allocated = now;
            return mib;
        }
        var c = PolicyDocs.Pipeline.PolicyCompiler.Compile(args[1]);
        var compile = (sw.Elapsed.TotalMilliseconds, Allocated());
        sw.Restart();
        PolicyDocs.Rendering.Docx.DocxRenderer.Render(c, c.Set!.Documents[0]);
        var docx = (sw.Elapsed.TotalMilliseconds, Allocated());
        sw.Restart();
        var site = PolicyDocs.Rendering.SiteBuilder.Build(c, null, wordDownloads: false);
        var siteMs = (sw.Elapsed.TotalMilliseconds, Allocated());
        sw.Restart();
        PolicyDocs.Rendering.Html.LinkChecker.Check(site.Output);
        var links = (sw.Elapsed.TotalMilliseconds, Allocated());
        Console.WriteLine(System.FormattableString.Invariant(
            $"round {round}: compile {compile.Item1:F0} ms ({compile.Item2} MiB allocated), docx {docx.Item1:F0} ms ({docx.Item2} MiB), site {siteMs.Item1:F0} ms ({siteMs.Item2} MiB), link check {links.Item1:F0} ms ({links.Item2} MiB)"));
    }
    return 0;
}
if (args.Length == 1 && args[0] == "preview-stages")
{
    var content = Path.Combine(BenchPaths.RepoRoot, "content");
    for (var round = 0; round < 6; round++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var c = PolicyDocs.Pipeline.PolicyCompiler.Compile(content, new PolicyDocs.Pipeline.CompileOptions());
        var compile = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var o = new PolicyDocs.Output.OutputSet();
        PolicyDocs.Rendering.Docx.DocxRenderer.RenderAll(c, o);
        var docx = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        PolicyDocs.Rendering.SiteBuilder.Build(c);
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
