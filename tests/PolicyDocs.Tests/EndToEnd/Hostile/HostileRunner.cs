using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PolicyDocs.Text;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>
/// Runs a <see cref="HostileCase"/> as a user would: the real CLI in its own process, on the case's own folder, with a
/// time bound after which the process tree is killed. Then checks the case's own expectations and every invariant the
/// corpus holds for all inputs.
/// </summary>
public static partial class HostileRunner
{
    /// <summary>No case may take longer: a slower one counts as a hang.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "PolicyDocs.Cli.dll");
    private static readonly HtmlParser Parser = new();
    private static readonly string[] HostFingerprints = ["root:x:0:0:", "PRETTY_NAME=", CaseFolder.Canary];

    /// <summary>Runs the case and returns every broken expectation (empty when it held).</summary>
    public static List<string> Check(HostileCase c)
    {
        using var folder = new CaseFolder();
        c.Arrange(folder);
        var before = ContentFingerprint(folder);
        var result = Execute(c, folder);
        var failures = new List<string>();
        if (result is null)
        {
            failures.Add($"did not finish within {Bound.TotalSeconds:0} s (killed)");
            return failures;
        }
        var printed = result.Out + result.Err;
        if (!c.Exits.Contains(result.Code))
            failures.Add($"exit code {result.Code}, expected {string.Join(" or ", c.Exits)}");
        if (StackTrace().IsMatch(printed) || printed.Contains("Unhandled exception", StringComparison.Ordinal))
            failures.Add("printed a stack trace");
        if (IsDiagnosticCommand(c.Args))
            foreach (var line in result.Out.Split('\n'))
                if (line.Length > 0 && !DiagnosticLine().IsMatch(line))
                    failures.Add($"stdout line is not one whole diagnostic: {Shorten(line)}");
        if (result.Code == 2)
        {
            var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (!lines.Any(l => l.StartsWith("policydocs: ", StringComparison.Ordinal)))
                failures.Add("exit 2 without a 'policydocs: …' line on stderr");
            if (lines.Length > 2) failures.Add($"exit 2 with {lines.Length} lines on stderr, not one reason");
        }
        if (c.Code is { } code)
        {
            var hits = result.Out.Split('\n').Where(l => l.Contains($" {code}: ", StringComparison.Ordinal)).ToList();
            if (hits.Count == 0) failures.Add($"no {code} diagnostic");
            else if (c.Line is { } line && !hits.Any(h => h.Contains($":{line}:", StringComparison.Ordinal)))
                failures.Add($"{code} not at line {line}: {Shorten(hits[0])}");
        }
        if (c.Says is { } says && !printed.Contains(says, StringComparison.OrdinalIgnoreCase))
            failures.Add($"did not say '{says}'");
        if (!c.MayChangeContent)
        {
            var after = ContentFingerprint(folder);
            foreach (var (path, hash) in before)
                if (!after.TryGetValue(path, out var now))
                {
                    if (!c.MayDelete.Any(p => path.StartsWith(p, StringComparison.Ordinal))) failures.Add($"{path} was deleted");
                }
                else if (now != hash) failures.Add($"{path} was changed");
            foreach (var path in after.Keys.Except(before.Keys)) failures.Add($"{path} was created outside the output");
        }
        if (result.Code != 0 && !SameAsPrevious(folder.Site))
            failures.Add("the previous site was not left intact after a failure");
        failures.AddRange(ScanPublished(folder));
        if (c.Shows is { } shows && !PublishedText(folder).Any(t => t.Contains(shows, StringComparison.Ordinal)))
            failures.Add($"no page shows '{shows}' as text");
        if (failures.Count == 0 && c.Then?.Invoke(folder, result) is { } extra) failures.Add(extra);
        if (failures.Count > 0) failures.Add($"exit {result.Code} in {result.Elapsed.TotalSeconds:0.0} s; printed:\n{Shorten(printed, 1500)}");
        return failures;
    }

    /// <summary>Runs the CLI for the case; null when it had to be killed.</summary>
    public static CaseResult? Execute(HostileCase c, CaseFolder folder)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = c.WorkingDirectory is null ? folder.Root : Path.Combine(folder.Root, c.WorkingDirectory),
        };
        psi.ArgumentList.Add(Cli);
        foreach (var a in c.Args) psi.ArgumentList.Add(Expand(a, folder));
        // The corpus is about what the build makes of hostile input, not about printing it: no PDFs (their own tests
        // are in Rendering/Pdf).
        if (c.Args.Length > 0 && c.Args[0] is "build" or "diff" && !c.Args.Contains("--help")) psi.ArgumentList.Add("--no-pdf");
        psi.Environment["HOME"] = folder.Home;
        psi.Environment["CI"] = "true";
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Bound))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(TimeSpan.FromSeconds(30));
            return null;
        }
        p.WaitForExit(); // drains the redirected streams
        return new CaseResult(p.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>Replaces {content}, {site}, {root}, {home} and {outside} in an argument.</summary>
    public static string Expand(string arg, CaseFolder f) => arg
        .Replace("{content}", f.Content, StringComparison.Ordinal)
        .Replace("{site}", f.Site, StringComparison.Ordinal)
        .Replace("{root}", f.Root, StringComparison.Ordinal)
        .Replace("{home}", f.Home, StringComparison.Ordinal)
        .Replace("{outside}", f.Outside, StringComparison.Ordinal)
        .Replace("{port}", f.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static bool IsDiagnosticCommand(string[] args) =>
        args.Length > 0 && args[0] is "check" or "build" && !args.Contains("--format") && !args.Contains("--help");

    // Everything in the case folder but the outputs a command may replace: the site and any folder named out*.
    private static SortedDictionary<string, string> ContentFingerprint(CaseFolder f) =>
        CaseFolder.Fingerprint(f.Root, rel => rel == "site" || rel.StartsWith("site/", StringComparison.Ordinal)
                                              || rel.StartsWith("out", StringComparison.Ordinal));

    private static bool SameAsPrevious(string site)
    {
        var now = Support.TempTree.Snapshot(site);
        var previous = CaseFolder.PreviousSite;
        return now.Count == previous.Count && now.All(kv => previous.TryGetValue(kv.Key, out var b) && b.AsSpan().SequenceEqual(kv.Value));
    }

    /// <summary>Every published file (the site and out* folders): no host file's text, no script that could run, no truncated page.</summary>
    private static IEnumerable<string> ScanPublished(CaseFolder f)
    {
        foreach (var file in PublishedFiles(f))
        {
            var rel = Path.GetRelativePath(f.Root, file);
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var print in HostFingerprints)
                if (text.Contains(print, StringComparison.Ordinal)) yield return $"{rel} publishes a file from outside the content ('{print}')";
            if (!file.EndsWith(".html", StringComparison.Ordinal)) continue;
            if (!text.TrimEnd().EndsWith("</html>", StringComparison.OrdinalIgnoreCase)) yield return $"{rel} is truncated: it does not end with </html>";
            var folder = Path.GetDirectoryName(file)!;
            // The published folder is the nearest one above the page that carries the output marker.
            var top = Path.Combine(f.Root, rel.Split(Path.DirectorySeparatorChar)[0]);
            var root = folder;
            while (root.Length > top.Length && !File.Exists(Path.Combine(root, PolicyDocs.Output.OutputTarget.MarkerName))) root = Path.GetDirectoryName(root)!;
            var published = root + Path.DirectorySeparatorChar;
            bool OwnFile(string src)
            {
                // A root-relative path (the 404 page's) is relative to the published folder, as the host serves it.
                var full = Path.GetFullPath(src.StartsWith('/') ? Path.Combine(published, src.TrimStart('/')) : Path.Combine(folder, src));
                return full.StartsWith(published, StringComparison.Ordinal) && File.Exists(full) && !CaseFolder.IsLink(full);
            }
            foreach (var problem in ScriptVectors(text, OwnFile)) yield return $"{rel}: {problem}";
        }
    }

    private static IEnumerable<string> PublishedFiles(CaseFolder f) =>
        Directory.EnumerateDirectories(f.Root)
            .Where(d => Path.GetFileName(d) is var n && (n == "site" || n.StartsWith("out", StringComparison.Ordinal)) && !CaseFolder.IsLink(d))
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(p => !CaseFolder.IsLink(p));

    private static IEnumerable<string> PublishedText(CaseFolder f) =>
        PublishedFiles(f).Where(p => p.EndsWith(".html", StringComparison.Ordinal))
            .Select(p => Parser.ParseDocument(File.ReadAllText(p)).Body?.TextContent ?? "");

    private static readonly string[] Forbidden = ["iframe", "frame", "object", "embed", "applet", "base", "link[rel=import]", "meta[http-equiv]:not([http-equiv='Content-Security-Policy' i])"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset"];

    /// <summary>What in a page could run script: inline or foreign scripts, event handlers, refused URL schemes, active elements.</summary>
    /// <param name="html">The page.</param>
    /// <param name="ownFile">True for a script path (relative to the page) that is a file of the published output itself;
    /// without it, only the site's assets/ count as its own.</param>
    public static IEnumerable<string> ScriptVectors(string html, Func<string, bool>? ownFile = null)
    {
        var doc = Parser.ParseDocument(html);
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            var own = src is not null && !src.Contains(':') && !src.StartsWith("//", StringComparison.Ordinal)
                      && (ownFile?.Invoke(src.Split('?', '#')[0]) ?? src.Contains("assets/", StringComparison.Ordinal));
            if (!own || script.TextContent.Trim().Length > 0)
                yield return $"a script that is not one of the site's own files: {Shorten(script.OuterHtml)}";
        }
        foreach (var selector in Forbidden)
            foreach (var e in doc.QuerySelectorAll(selector)) yield return $"an active element: {Shorten(e.OuterHtml)}";
        foreach (var e in doc.All)
            foreach (var a in e.Attributes)
            {
                if (a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) yield return $"an event handler: {Shorten(e.OuterHtml)}";
                else if (UrlAttributes.Contains(a.Name, StringComparer.OrdinalIgnoreCase) && !UrlPolicy.IsAllowed(a.Value))
                    yield return $"a refused URL in {a.Name}: {Shorten(e.OuterHtml)}";
                else if (a.Name.Equals("style", StringComparison.OrdinalIgnoreCase) && a.Value.Contains("url(", StringComparison.OrdinalIgnoreCase))
                    yield return $"a style loading a URL: {Shorten(e.OuterHtml)}";
            }
    }

    private static string Shorten(string s, int max = 200) => s.Length <= max ? s : s[..max] + "…";

    [GeneratedRegex(@"^\s+at \S+.*\(.*\)|^\s+at [\w.<>`]+\.[\w<>`]+\(", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    [GeneratedRegex(@"^.+?(:\d+(:\d+)?)?: (error|warning) PD\d{4}: [^\n\r]+$")]
    private static partial Regex DiagnosticLine();
}
