using PolicyDocs.Pipeline;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;
using PolicyDocs.Cli.Serve;
using PolicyDocs.Output;
using PolicyDocs.Compiling;

namespace PolicyDocs.Benchmarks;

/// <summary>Measurement modes of the benchmark program that BenchmarkDotNet cannot express: sizes, in-browser and end-to-end times.</summary>
internal static class Measurements
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Byte size of the search index of the 100-document synthetic set (raw and gzip, as a server would send it).</summary>
    public static int SearchSize()
    {
        var dir = BenchPaths.NewTemp("search-size");
        try
        {
            var rendered = SearchIndexBenchmarks.Compile(SyntheticPolicySet.WriteFolder(Path.Combine(dir, "content"), SearchIndexBenchmarks.Documents));
            var bytes = SearchIndexBenchmarks.Build(rendered);
            using var gz = new MemoryStream();
            using (var z = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) z.Write(bytes);
            var sections = rendered.Documents.Sum(d => d.ReadingOrder.Length);
            Console.WriteLine(string.Create(Inv, $"search index: {SearchIndexBenchmarks.Documents} documents, {sections} sections, {bytes.Length} bytes ({bytes.Length / 1024.0 / 1024.0:F2} MiB), gzip {gz.Length} bytes ({gz.Length / 1024.0 / 1024.0:F2} MiB)"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>
    /// Builds the 100-document synthetic site, opens it in Chromium over file:// and times, in the page with
    /// performance.now(), loading the index and 50 queries typed into the search box (search and rendering the results).
    /// </summary>
    public static async Task<int> SearchQuery()
    {
        var dir = BenchPaths.NewTemp("search-query");
        try
        {
            var sw = Stopwatch.StartNew();
            var c = PolicyCompiler.Compile(SyntheticPolicySet.WriteFolder(Path.Combine(dir, "content"), SearchIndexBenchmarks.Documents), new CompileOptions());
            if (c.ErrorCount > 0) throw new InvalidOperationException(string.Join("\n", c.Diagnostics.Take(20)));
            var build = SiteBuilder.Build(c.Published!);
            if (build.HasErrors) throw new InvalidOperationException(string.Join("\n", build.Diagnostics.Take(20)));
            var site = Path.Combine(dir, "site");
            if (OutputWriter.Write(build.Output, site, OutputGuard.ForContent(Path.Combine(dir, "content"))) is { } refused) throw new IOException(refused);
            Console.WriteLine(string.Create(Inv, $"built the {SearchIndexBenchmarks.Documents}-document site in {sw.Elapsed.TotalSeconds:F1} s"));

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri);
            var load = await page.EvaluateAsync<double>("""
                async () => {
                  const input = document.getElementById('search-input');
                  const t0 = performance.now();
                  await new Promise((ok, fail) => { const s = document.createElement('script'); s.src = input.getAttribute('data-index'); s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
                  input.dispatchEvent(new Event('focus'));
                  return performance.now() - t0;
                }
                """);
            string[] queries =
            [
                "revocation", "key", "audit", "hardware security module", "trusted role", "ceremony", "subscriber private key", "4.9.1",
                "6.2", "records", "witnessed", "policy authority", "identity", "seven years", "procedures", "the CA shall",
                "emphasis", "certificate issuance", "backup", "two persons", "no stipulation", "openssl", "1.3", "9.6.3", "compromise",
                "zzzz", "maintain records", "verify identity", "documented", "security", "module", "RA", "issuance and revocation",
                "least", "years", "strong text", "details", "5.2.2", "anchor", "Subscriber", "old text", "CA shall maintain",
                "hardware", "ceremony witnessed by two persons", "authority", "7", "revocation for at least", "trusted", "code", "note",
            ];
            var json = await page.EvaluateAsync<string>("""
                (queries) => {
                  const input = document.getElementById('search-input');
                  const box = document.getElementById('search-results');
                  const times = [], counts = [];
                  for (const q of queries) {
                    const t0 = performance.now();
                    input.value = q;
                    input.dispatchEvent(new Event('input'));
                    times.push(performance.now() - t0);
                    counts.push(box.querySelectorAll('a.search-result').length);
                  }
                  return JSON.stringify({ times, counts });
                }
                """, queries);
            using var doc = JsonDocument.Parse(json);
            var times = doc.RootElement.GetProperty("times").EnumerateArray().Select(e => e.GetDouble()).ToList();
            var counts = doc.RootElement.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()).ToList();
            var index = new FileInfo(Directory.GetFiles(Path.Combine(site, "assets"), "search-index.*.js").Single()).Length;
            Console.WriteLine(string.Create(Inv, $"search index {index} bytes; load and prepare {load:F1} ms"));
            Console.WriteLine(string.Create(Inv, $"{times.Count} queries: median {BenchPaths.Median(times):F2} ms, min {times.Min():F2} ms, max {times.Max():F2} ms; queries with results: {counts.Count(n => n > 0)}"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>
    /// The live preview end to end: <c>PreviewServer</c> on a copy of the sample set; each round saves a one-section
    /// edit and times until the server holds the new build (watcher, debounce and rebuild).
    /// </summary>
    public static async Task<int> Preview(int rounds = 15)
    {
        var dir = BenchPaths.NewTemp("preview-e2e");
        try
        {
            var section = PreviewRebuildBenchmarks.CopySample(dir);
            var text = await File.ReadAllTextAsync(section);
            var log = new StringWriter();
            await using var server = await PreviewServer.StartAsync(Path.Combine(dir, "content"), 0, TextWriter.Synchronized(log));
            var times = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                var before = server.State.Generation;
                var sw = Stopwatch.StartNew();
                await File.WriteAllTextAsync(section, PreviewRebuildBenchmarks.Edit(text, round));
                while (server.State.Generation == before)
                {
                    if (sw.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("no rebuild after 30 s:\n" + log);
                    await Task.Delay(1);
                }
                var elapsed = sw.Elapsed.TotalMilliseconds;
                if (!server.State.Ok) throw new InvalidOperationException(string.Join("\n", server.State.Errors));
                if (round > 0) times.Add(elapsed); // round 0 warms up the JIT
                // Let any trailing watcher events settle before the next save.
                await Task.Delay(600);
                if (server.State.Generation != before + 1) Console.WriteLine($"round {round}: {server.State.Generation - before} rebuilds for one save");
            }
            var built = log.ToString().Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"Built in (\d+) ms"))
                .Where(m => m.Success).Skip(2).Select(m => double.Parse(m.Groups[1].Value, Inv)).ToList();
            Console.WriteLine(string.Create(Inv, $"save to rebuilt (watcher + debounce + rebuild), {times.Count} edits: median {BenchPaths.Median(times):F0} ms, min {times.Min():F0} ms, max {times.Max():F0} ms"));
            if (built.Count > 0) Console.WriteLine(string.Create(Inv, $"rebuild alone (as logged by serve): median {BenchPaths.Median(built):F0} ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>
    /// Whole-process time of the shipped CLI against pandoc on the same file: <c>EXE build --content FILE</c> (site and
    /// Word) and <c>pandoc FILE -o x.docx</c> run in turn, one warm-up each, then <paramref name="rounds"/> pairs. Prints
    /// the median wall time of each, the median of the pairwise ratios, and the CLI's median peak memory when GNU
    /// time is installed.
    /// </summary>
    public static int Shipped(string file, string executable, int rounds = 11)
    {
        var dir = Path.Combine(Path.GetTempPath(), "policydocs-shipped-" + Environment.ProcessId);
        var time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        (double Ms, double? PeakMiB) Once(string program, params string[] args)
        {
            var psi = new ProcessStartInfo(time ?? program) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (time is not null)
            {
                psi.ArgumentList.Add("-f");
                psi.ArgumentList.Add("peak-kib %M");
                psi.ArgumentList.Add(program);
            }
            foreach (var a in args) psi.ArgumentList.Add(a);
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var ms = sw.Elapsed.TotalMilliseconds;
            if (p.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {p.ExitCode}: {err.Result}");
            var peak = err.Result.Split('\n').LastOrDefault(l => l.StartsWith("peak-kib ", StringComparison.Ordinal));
            return (ms, peak is null ? null : double.Parse(peak[9..], Inv) / 1024);
        }
        try
        {
            // Without the PDFs, which pandoc's Word file does not include either.
            (double, double?) Ours() => Once(executable, "build", "--content", file, "--output", Path.Combine(dir, "site"), "--no-pdf");
            (double, double?) Pandoc() => Once("pandoc", file, "-o", Path.Combine(dir, "pandoc.docx"));
            Directory.CreateDirectory(dir);
            Ours();
            Pandoc();
            var ours = new List<double>();
            var theirs = new List<double>();
            var ratios = new List<double>();
            var peaks = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var (a, peak) = Ours();
                var (b, _) = Pandoc();
                ours.Add(a);
                theirs.Add(b);
                ratios.Add(a / b);
                if (peak is { } mib) peaks.Add(mib);
            }
            Console.WriteLine(string.Create(Inv, $"{rounds} pairs: build median {BenchPaths.Median(ours):F0} ms, pandoc median {BenchPaths.Median(theirs):F0} ms, ratio median {BenchPaths.Median(ratios):F3} (min {ratios.Min():F3}, max {ratios.Max():F3})"));
            if (peaks.Count > 0) Console.WriteLine(string.Create(Inv, $"build peak memory median {BenchPaths.Median(peaks):F0} MiB"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
