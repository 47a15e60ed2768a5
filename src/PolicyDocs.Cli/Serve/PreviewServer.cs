using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Pipeline;
using PolicyDocs.Rendering;

namespace PolicyDocs.Cli.Serve;

/// <summary>
/// The live preview behind <c>policydocs serve</c>: Kestrel on 127.0.0.1 serving the in-memory build, rebuilt when
/// content or templates change (debounced). Pages get a reload script (a file, so the site's CSP holds) that listens
/// for builds over Server-Sent Events. A build with errors keeps the last good site and shows the errors over it.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private const string Prefix = "/__policydocs/";

    // Editors save in bursts of events a few milliseconds apart (write, rename, touch); 50 ms joins a burst into one
    // rebuild without adding much to the save-to-reload time (about 150 ms of rebuild for the sample set).
    private const int DebounceMilliseconds = 50;
    private static readonly string[] Reasons = [];
    private readonly string _content;
    private readonly TextWriter _log;
    private readonly Lock _buildLock = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounce;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private volatile PreviewState _state = new(0, null, Reasons);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PreviewServer(string content, TextWriter log)
    {
        _content = content;
        _log = log;
        _debounce = new Timer(_ => Rebuild(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>The address served, e.g. http://127.0.0.1:5000/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Signalled when the host is asked to stop (SIGTERM, or Ctrl+C seen by the host).</summary>
    public CancellationToken Stopping => _app?.Lifetime.ApplicationStopping ?? _stopping.Token;

    /// <summary>The current state.</summary>
    public PreviewState State => _state;

    /// <summary>Builds <paramref name="content"/>, starts serving it on 127.0.0.1:<paramref name="port"/> (0 = any free port) and watches for changes.</summary>
    public static async Task<PreviewServer> StartAsync(string content, int port, TextWriter log)
    {
        var server = new PreviewServer(Path.GetFullPath(content), log);
        server.Rebuild();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        server.Watch();
        return server;
    }

    private void Watch()
    {
        var folders = new List<string>();
        var isFolder = Directory.Exists(_content);
        folders.Add(isFolder ? _content : Path.GetDirectoryName(_content)!);
        var beside = Path.Combine(Path.GetDirectoryName(_content.TrimEnd(Path.DirectorySeparatorChar)) ?? _content, "templates");
        if (isFolder && Directory.Exists(beside)) folders.Add(beside);
        foreach (var folder in folders)
        {
            var w = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            w.Changed += OnChange;
            w.Created += OnChange;
            w.Deleted += OnChange;
            w.Renamed += OnChange;
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (!_stopping.IsCancellationRequested) _debounce.Change(DebounceMilliseconds, Timeout.Infinite);
    }

    /// <summary>Compiles and renders now; keeps the last good site when this build has errors.</summary>
    public void Rebuild()
    {
        lock (_buildLock)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var errors = new List<string>();
            OutputSet? output = null;
            try
            {
                var compilation = PolicyCompiler.Compile(_content, new CompileOptions());
                if (compilation.Fatal is not null) errors.Add(compilation.Fatal);
                foreach (var d in compilation.Diagnostics) _log.WriteLine(d.ToString());
                errors.AddRange(compilation.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));
                if (errors.Count == 0)
                {
                    var build = SiteBuilder.Build(compilation, wordDownloads: false);
                    foreach (var d in build.Diagnostics) _log.WriteLine(d.ToString());
                    errors.AddRange(build.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));
                    if (errors.Count == 0) output = build.Output;
                }
            }
            catch (IOException ex)
            {
                errors.Add(ex.Message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug, not a content mistake: report it and keep serving the last good build.
                errors.Add($"internal error: {ex}");
            }
            var previous = _state;
            _state = new PreviewState(previous.Generation + 1, output ?? previous.Output, errors);
            _log.WriteLine(errors.Count == 0
                ? $"Built in {started.ElapsedMilliseconds} ms; serving the new build."
                : $"Build failed with {errors.Count} error{(errors.Count == 1 ? "" : "s")}; still serving the last good build.");
            _log.Flush();
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.Headers.CacheControl = "no-store";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await HandleInternalAsync(context, path[Prefix.Length..]).ConfigureAwait(false);
            return;
        }
        var state = _state;
        if (state.Output is null)
        {
            context.Response.StatusCode = 503;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Inject("<!DOCTYPE html><html lang=\"en\"><head><title>Build failed</title></head><body><main><h1>The policy set does not build yet</h1><p>Fix the errors shown; this page reloads by itself.</p></main></body></html>")).ConfigureAwait(false);
            return;
        }
        var file = Uri.UnescapeDataString(path.TrimStart('/'));
        if (file.Length == 0 || file.EndsWith('/')) file += "index.html";
        var bytes = state.Output.Get(file);
        if (bytes is null && state.Output.Contains(file + "/index.html"))
        {
            context.Response.Redirect(path + "/");
            return;
        }
        if (bytes is null)
        {
            context.Response.StatusCode = 404;
            file = "404.html";
            bytes = state.Output.Get(file) ?? Encoding.UTF8.GetBytes("Not found");
        }
        var type = ContentType(file);
        context.Response.ContentType = type;
        if (type.StartsWith("text/html", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync(Inject(Encoding.UTF8.GetString(bytes))).ConfigureAwait(false);
            return;
        }
        await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private async Task HandleInternalAsync(HttpContext context, string name)
    {
        switch (name)
        {
            case "livereload.js":
                context.Response.ContentType = "text/javascript; charset=utf-8";
                await using (var s = typeof(PreviewServer).Assembly.GetManifestResourceStream("livereload.js")!)
                    await s.CopyToAsync(context.Response.Body).ConfigureAwait(false);
                return;
            case "overlay.css":
                context.Response.ContentType = "text/css; charset=utf-8";
                await context.Response.WriteAsync(OverlayCss).ConfigureAwait(false);
                return;
            case "status.json":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(StateJson(_state)).ConfigureAwait(false);
                return;
            case "events":
                await EventsAsync(context).ConfigureAwait(false);
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    private async Task EventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var changed = _changed.Task;
                await context.Response.WriteAsync($"retry: 1000\nevent: build\ndata: {StateJson(_state)}\n\n", aborted.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(aborted.Token).ConfigureAwait(false);
                await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(15), aborted.Token)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the page went away or the server is stopping
        }
        finally
        {
            aborted.Dispose();
        }
    }

    private static string StateJson(PreviewState state)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("generation", state.Generation);
            w.WriteBoolean("ok", state.Ok);
            w.WriteStartArray("errors");
            foreach (var e in state.Errors) w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string Inject(string html)
    {
        const string tag = "<script src=\"/__policydocs/livereload.js\" defer></script>";
        var i = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return i < 0 ? html + tag : html.Insert(i, tag);
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => file.EndsWith("feed.xml", StringComparison.Ordinal) ? "application/atom+xml" : "application/xml",
        ".txt" or "" => "text/plain; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    private const string OverlayCss =
        ".policydocs-overlay{position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;z-index:1000;" +
        "background:#2b0b0b;color:#ffe9e9;border:2px solid #ff8a80;border-radius:8px;padding:1rem 1.25rem;" +
        "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 8px 30px rgba(0,0,0,.4)}" +
        ".policydocs-overlay h2{font:600 16px system-ui,sans-serif;margin:0 0 .5rem}" +
        ".policydocs-overlay ul{margin:0 0 .75rem;padding-left:1.2rem}" +
        ".policydocs-overlay button{font:inherit;background:#ffe9e9;color:#2b0b0b;border:0;border-radius:4px;padding:.2rem .8rem;cursor:pointer}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var w in _watchers) w.Dispose();
        await _debounce.DisposeAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }
}
