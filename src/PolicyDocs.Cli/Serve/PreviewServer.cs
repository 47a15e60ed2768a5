using PolicyDocs.Pipeline;
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
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Html;

namespace PolicyDocs.Cli.Serve;

/// <summary>
/// The live preview behind <c>policydocs serve</c>: Kestrel on 127.0.0.1 serving the in-memory build, rebuilt when
/// content or templates change (debounced). Pages get a reload script (a file, so the site's CSP holds) that listens
/// for builds over Server-Sent Events. A build with errors keeps the last good site and shows the errors over it.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
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
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            // A port in use: nothing was served; release what was made before the caller reports it.
            await app.DisposeAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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
                var result = PolicyPipeline.Build(_content, BuildOptions.Preview);
                if (result.Compilation.Fatal is { } fatal) errors.Add(fatal);
                foreach (var d in result.Compilation.Diagnostics.Concat(result.Site?.Diagnostics ?? []))
                {
                    _log.WriteLine(d.ToString());
                    if (d.Severity == Severity.Error) errors.Add(d.ToString());
                }
                if (result.Succeeded) output = result.Site!.Output;
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
        var response = context.Response;
        // Every answer carries the site's security headers, refusals included; the preview is never cached.
        foreach (var h in SecurityHeaders.EveryResponse) response.Headers[h.Name] = h.Value;
        response.Headers.CacheControl = "no-store";
        if (RefusedHost(context) is { } refusal)
        {
            await PlainAsync(context, refusal.Status, refusal.Message).ConfigureAwait(false);
            return;
        }
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            response.Headers.Allow = "GET, HEAD";
            await PlainAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed: the preview answers GET and HEAD only.\n").ConfigureAwait(false);
            return;
        }
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await HandleInternalAsync(context, path[Prefix.Length..]).ConfigureAwait(false);
            return;
        }
        var state = _state;
        if (state.Output is null)
        {
            await SendAsync(context, 503, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Inject("<!DOCTYPE html><html lang=\"en\"><head><title>Build failed</title></head><body><main><h1>The policy set does not build yet</h1><p>Fix the errors shown; this page reloads by itself.</p></main></body></html>"))).ConfigureAwait(false);
            return;
        }
        var file = Uri.UnescapeDataString(path.TrimStart('/'));
        if (file.Length == 0 || file.EndsWith('/')) file += "index.html";
        var bytes = state.Output.Get(file);
        if (bytes is null && state.Output.Contains(file + "/index.html"))
        {
            // To the folder's own path, rebuilt from the file name: the request's path could start with "//", which a
            // browser would read as another host.
            response.Redirect("/" + string.Join('/', file.Split('/').Select(Uri.EscapeDataString)) + "/");
            return;
        }
        var status = 200;
        if (bytes is null)
        {
            status = 404;
            file = "404.html";
            bytes = state.Output.Get(file) ?? Encoding.UTF8.GetBytes("Not found");
        }
        var type = ContentType(file);
        if (type.StartsWith("text/html", StringComparison.Ordinal)) bytes = Encoding.UTF8.GetBytes(Inject(Encoding.UTF8.GetString(bytes)));
        await SendAsync(context, status, type, bytes).ConfigureAwait(false);
    }

    /// <summary>Why the request is not for this preview (a foreign <c>Host</c>, as DNS rebinding sends, or an absolute
    /// request target naming another host); null when it is for 127.0.0.1, localhost or [::1] on this server's port.</summary>
    private (int Status, string Message)? RefusedHost(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "/";
        // origin-form ("/path") is what browsers send; absolute-form must name this server too (RFC 9112, 3.2.2).
        if (!target.StartsWith('/'))
        {
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.UserInfo.Length > 0
                || !IsLoopbackName(uri.Host) || uri.Port != port)
                return (StatusCodes.Status400BadRequest, "Bad request: the preview answers only requests for its own address.\n");
        }
        var host = context.Request.Headers.Host.Count == 1 ? context.Request.Headers.Host[0] ?? "" : "";
        return IsOwnHost(host, port) ? null
            : (StatusCodes.Status421MisdirectedRequest, "Misdirected request: the preview answers only for 127.0.0.1, localhost or [::1] on its own port.\n");
    }

    /// <summary>True when a <c>Host</c> header value names this preview: 127.0.0.1, localhost or [::1], with
    /// <paramref name="port"/> (which may be left out only when it is 80).</summary>
    public static bool IsOwnHost(string host, int port)
    {
        string name;
        string? portText;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return false;
            name = host[..(close + 1)];
            var rest = host[(close + 1)..];
            if (rest.Length > 0 && rest[0] != ':') return false;
            portText = rest.Length > 0 ? rest[1..] : null;
        }
        else
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            name = colon < 0 ? host : host[..colon];
            portText = colon < 0 ? null : host[(colon + 1)..];
        }
        if (!IsLoopbackName(name)) return false;
        if (portText is null) return port == 80;
        return portText.Length is > 0 and <= 5 && portText.All(char.IsAsciiDigit)
               && int.Parse(portText, System.Globalization.CultureInfo.InvariantCulture) == port;
    }

    private static bool IsLoopbackName(string name) =>
        name == "127.0.0.1" || name == "[::1]" || name.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends <paramref name="bytes"/> with its length; a HEAD request gets the same headers and no body.</summary>
    private static async Task SendAsync(HttpContext context, int status, string type, byte[] bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private static Task PlainAsync(HttpContext context, int status, string message) =>
        SendAsync(context, status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(message));

    private async Task HandleInternalAsync(HttpContext context, string name)
    {
        switch (name)
        {
            case "livereload.js":
                using (var ms = new MemoryStream())
                {
                    await using (var s = typeof(PreviewServer).Assembly.GetManifestResourceStream("livereload.js")!)
                        await s.CopyToAsync(ms).ConfigureAwait(false);
                    await SendAsync(context, 200, "text/javascript; charset=utf-8", ms.ToArray()).ConfigureAwait(false);
                }
                return;
            case "overlay.css":
                await SendAsync(context, 200, "text/css; charset=utf-8", Encoding.UTF8.GetBytes(OverlayCss)).ConfigureAwait(false);
                return;
            case "status.json":
                await SendAsync(context, 200, "application/json", Encoding.UTF8.GetBytes(StateJson(_state))).ConfigureAwait(false);
                return;
            case "events":
                if (HttpMethods.IsHead(context.Request.Method)) context.Response.ContentType = "text/event-stream";
                else await EventsAsync(context).ConfigureAwait(false);
                return;
            default:
                await PlainAsync(context, 404, "Not found\n").ConfigureAwait(false);
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
        ".xml" => file == "feed.xml" ? SecurityHeaders.FeedContentType : "application/xml",
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
