using Microsoft.Playwright;
using PolicyDocs.Cli.Serve;
using PolicyDocs.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PolicyDocs.Browser.Tests;

/// <summary>
/// Content written as an attacker would runs nothing in Chromium: hostile data values in the built site opened from
/// file://, and hostile prose in the page the preview server shows (which, unlike build, renders despite the errors).
/// Every payload would set <c>window.__pwned</c>, open a dialog or fetch from another origin if it ran.
/// </summary>
public sealed class HostileContentBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<img src=x onerror=\"window.__pwned=1;alert(1)\"><script>window.__pwned=2</script><svg onload=\"window.__pwned=3\"></svg>";

    private static readonly string[] Prose =
    [
        "Text <script>window.__pwned=10;alert(10)</script> more.",
        "<script>\nwindow.__pwned=11\n</script>",
        "<img src=x onerror=\"window.__pwned=12\">",
        "<svg onload=\"window.__pwned=13\"><circle r=\"1\"/></svg>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<details open ontoggle=\"window.__pwned=14\"><summary>x</summary></details>",
        "<input autofocus onfocus=\"window.__pwned=15\">",
        "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned=16>\"></noscript>",
        "<a id=\"jslink\" href=\"javascript:window.__pwned=17\">click me</a>",
        "Read [the link](javascript:window.__pwned=18) and <javascript:window.__pwned=19>.",
        "A paragraph.\n{onclick=\"window.__pwned=20\" #attr-para}",
        "<img src=\"https://evil.example/track.png\">", // allowed as HTML; the Content-Security-Policy stops the request
        "E = mc<sup onmouseover=\"window.__pwned=21\">2</sup>",
    ];

    [Fact]
    public async Task Hostile_data_values_in_the_built_site_run_nothing_from_file()
    {
        fx.RequireBrowser();
        using var tree = new TempTree();
        string P(string field) => $"\"{field} {Payload.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        PolicySetBuilder.Valid()
            .WithData("cas", $"- id: root\n  name: {P("caname")}\n  type: root\n  subject: {P("casubject")}\n  operation: offline\n  description: {P("cadesc")}\n")
            .WithData("glossary", $"- term: {P("term")}\n  definition: {P("definition")}\n")
            .Replace("documents/cp/document.yaml", "  - issuing\n", "")
            .Body("cp", "1.1", "Root {{ cas.root.name }}; {{ cas.root.description }}.")
            .WriteTo(Path.Combine(tree.Root, "content"));
        var site = Path.Combine(tree.Root, "site");
        var err = new StringWriter();
        var code = PolicyDocs.Cli.CliApp.Run(["build", "--content", Path.Combine(tree.Root, "content"), "--output", site], new StringWriter(), err);
        Assert.True(code == 0, err.ToString());

        var escaped = new List<string>();
        await using var context = await fx.NewContextAsync(escaped);
        foreach (var page in (string[])["index.html", "cp/index.html"])
        {
            var tab = await context.NewPageAsync();
            var dialogs = new List<string>();
            tab.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
            await tab.GotoAsync(new Uri(Path.Combine(site, page)).AbsoluteUri);
            await tab.WaitForLoadStateAsync(LoadState.Load);
            Assert.Null(await tab.EvaluateAsync<int?>("() => window.__pwned ?? null"));
            Assert.Empty(dialogs);
            if (page == "cp/index.html") await Expect(tab.Locator("main")).ToContainTextAsync("caname <img src=x onerror=");
            await tab.CloseAsync();
        }
        Assert.Empty(escaped);
    }

    [Fact]
    public async Task Hostile_prose_after_sanitising_runs_nothing_in_Chromium()
    {
        // build refuses to publish prose with PD0304 errors; the pages are rendered here anyway, to show in a real
        // browser that what the sanitiser leaves is inert.
        fx.RequireBrowser();
        using var tree = new TempTree();
        var content = PolicySetBuilder.Valid().Body("cp", "1.1", "Start of the overview.\n\n" + string.Join("\n\n", Prose) + "\n\nEnd of the overview.")
            .WriteTo(Path.Combine(tree.Root, "content"));
        var compilation = PolicyDocs.Compiling.PolicyCompiler.Compile(content, new PolicyDocs.Compiling.CompileOptions(false));
        Assert.Contains(compilation.Diagnostics, d => d.Code == "PD0304");
        var site = Path.Combine(tree.Root, "site");
        foreach (var (path, bytes) in PolicyDocs.Pipeline.SiteBuilder.Build(compilation.Published!).Output.Files)
        {
            var full = Path.Combine(site, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        var escaped = new List<string>();
        await using var context = await fx.NewContextAsync(escaped);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        await page.GotoAsync(new Uri(Path.Combine(site, "cp/index.html")).AbsoluteUri);
        await Expect(page.Locator("main")).ToContainTextAsync("End of the overview.");
        // What is left of the links is text; hovering and clicking what remains runs nothing either.
        await Expect(page.Locator("a[href^='javascript:' i]")).ToHaveCountAsync(0);
        await page.Locator("main sup").First.HoverAsync();
        await page.Locator("main").GetByText("click me").ClickAsync();
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Empty(dialogs);
        Assert.Empty(escaped); // the remote image is refused by the page's own Content-Security-Policy
    }

    [Fact]
    public async Task Hostile_prose_saved_while_previewing_runs_nothing()
    {
        fx.RequireBrowser();
        using var tree = new TempTree();
        var content = PolicySetBuilder.Valid().WriteTo(Path.Combine(tree.Root, "content"));
        var file = Path.Combine(content, PolicySetBuilder.FileFor("cp", "1.1"));
        var log = new StringWriter();
        await using var server = await PreviewServer.StartAsync(content, 0, TextWriter.Synchronized(log));
        var origin = server.Address.GetLeftPart(UriPartial.Authority);
        var escaped = new List<string>();
        await using var context = await fx.NewContextAsync(escaped, origin);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        await page.GotoAsync(new Uri(server.Address, "cp/").AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.querySelector('script[src=\"/__policydocs/livereload.js\"]') !== null");
        File.AppendAllText(file, "\n\n" + string.Join("\n\n", Prose) + "\n");
        var overlay = page.Locator("#policydocs-overlay");
        await Expect(overlay).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(overlay).ToContainTextAsync("PD0304");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Empty(dialogs);
        Assert.Empty(escaped);
    }
}
