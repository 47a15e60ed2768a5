using System.Net.Sockets;
using System.Text;
using PolicyDocs.Cli.Serve;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Tests.Rendering.Html;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary>The preview server in this process, over loopback with raw requests: the site's security headers on every
/// answer (from <see cref="SecurityHeaders"/>), the Host check, GET and HEAD only, and live reload under the policy.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly TempTree _dir = new();
    private PreviewServer _server = null!;

    private int Port => _server.Address.Port;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var content = TestPolicySet.Write(_dir.PathOf("content"));
        _server = await PreviewServer.StartAsync(content, 0, TextWriter.Null);
        Assert.True(_server.State.Ok, string.Join("\n", _server.State.Errors));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private sealed record Response(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
    {
        public string? Header(string name) => Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
    }

    /// <summary>Sends a raw request (its request line and headers, without the blank line) and reads the whole answer.</summary>
    private Response Send(string head, string? until = null)
    {
        using var client = new TcpClient();
        client.Connect(System.Net.IPAddress.Loopback, Port);
        client.ReceiveTimeout = 10_000;
        using var stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes(head.Replace("{host}", $"127.0.0.1:{Port}", StringComparison.Ordinal) + "\r\nConnection: close\r\n\r\n"));
        using var ms = new MemoryStream();
        var buffer = new byte[65_536];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (until is not null && Encoding.UTF8.GetString(ms.ToArray()).Contains(until, StringComparison.Ordinal)) break;
        }
        var text = Encoding.UTF8.GetString(ms.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no complete response: " + text);
        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Select(p => (p[0], p[1].Trim())).ToList();
        return new Response(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, text[(end + 4)..]);
    }

    private static void HasSecurityHeaders(Response r)
    {
        foreach (var h in SecurityHeaders.EveryResponse)
            Assert.Equal(h.Value, r.Header(h.Name));
        Assert.Equal("no-store", r.Header("Cache-Control"));
    }

    [Fact]
    public void A_page_carries_every_security_header_and_its_meta_policy()
    {
        var r = Send("GET / HTTP/1.1\r\nHost: {host}");
        Assert.Equal(200, r.Status);
        HasSecurityHeaders(r);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{SecurityHeaders.MetaContentSecurityPolicy}\">", r.Body, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/__policydocs/livereload.js\" defer></script></head>", r.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cp/")]
    [InlineData("/feed.xml")]
    [InlineData("/no-such-page")]
    [InlineData("/__policydocs/livereload.js")]
    [InlineData("/__policydocs/overlay.css")]
    [InlineData("/__policydocs/status.json")]
    [InlineData("/__policydocs/nothing")]
    public void Every_answer_carries_the_security_headers(string path) => HasSecurityHeaders(Send($"GET {path} HTTP/1.1\r\nHost: {{host}}"));

    [Fact]
    public void The_feed_has_the_type_the_definition_gives_it() =>
        Assert.Equal(SecurityHeaders.FeedContentType, Send("GET /feed.xml HTTP/1.1\r\nHost: {host}").Header("Content-Type"));

    [Theory]
    [InlineData("/")]
    [InlineData("/cp/")]
    [InlineData("/assets/../feed.xml")]
    [InlineData("/no-such-page")]
    [InlineData("/__policydocs/livereload.js")]
    [InlineData("/__policydocs/events")]
    public void Head_gives_the_headers_of_get_without_a_body(string path)
    {
        var head = Send($"HEAD {path} HTTP/1.1\r\nHost: {{host}}");
        Assert.Equal("", head.Body);
        HasSecurityHeaders(head);
        if (path == "/__policydocs/events") return; // a stream: GET never ends
        var get = Send($"GET {path} HTTP/1.1\r\nHost: {{host}}");
        Assert.Equal(get.Status, head.Status);
        Assert.Equal(get.Header("Content-Type"), head.Header("Content-Type"));
        Assert.Equal(Encoding.UTF8.GetByteCount(get.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), head.Header("Content-Length"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    public void Other_methods_are_not_allowed(string method)
    {
        var r = Send($"{method} / HTTP/1.1\r\nHost: {{host}}\r\nContent-Length: 0");
        Assert.Equal(405, r.Status);
        Assert.Equal("GET, HEAD", r.Header("Allow"));
        HasSecurityHeaders(r);
        Assert.DoesNotContain("<", r.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost.:{port}")]
    [InlineData("127.0.0.1:1")]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0:{port}")]
    [InlineData("[::ffff:127.0.0.1]:{port}")]
    public void A_foreign_host_is_refused_without_page_content(string host)
    {
        var r = Send($"GET / HTTP/1.1\r\nHost: {host.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}");
        Assert.Equal(421, r.Status);
        HasSecurityHeaders(r);
        Assert.DoesNotContain("<", r.Body, StringComparison.Ordinal);
        Assert.True(r.Body.Length < 200, r.Body);
    }

    [Theory]
    [InlineData("GET http://evil.example/ HTTP/1.1\r\nHost: evil.example")]
    [InlineData("GET http://evil.example:{port}/ HTTP/1.1\r\nHost: evil.example:{port}")]
    [InlineData("GET https://127.0.0.1:{port}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}")]
    [InlineData("GET http://127.0.0.1:{port}/ HTTP/1.1\r\nHost: evil.example")]
    [InlineData("GET http://evil.example/ HTTP/1.1\r\nHost: {host}")]
    [InlineData("OPTIONS * HTTP/1.1\r\nHost: {host}")]
    public void An_absolute_target_for_another_host_is_refused(string request)
    {
        var r = Send(request.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.InRange(r.Status, 400, 421);
        Assert.DoesNotContain("<", r.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("[::1]:{port}")]
    public void Loopback_names_with_the_port_are_served(string host)
    {
        var r = Send($"GET / HTTP/1.1\r\nHost: {host.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}");
        Assert.Equal(200, r.Status);
        Assert.Equal(200, Send($"GET http://127.0.0.1:{Port}/ HTTP/1.1\r\nHost: 127.0.0.1:{Port}").Status);
    }

    [Theory]
    [InlineData("127.0.0.1:8080", 8080, true)]
    [InlineData("localhost:8080", 8080, true)]
    [InlineData("[::1]:8080", 8080, true)]
    [InlineData("localhost", 80, true)]
    [InlineData("localhost", 8080, false)]
    [InlineData("localhost:", 8080, false)]
    [InlineData("localhost:8080x", 8080, false)]
    [InlineData("localhost:+8080", 8080, false)]
    [InlineData("localhost:8080:8080", 8080, false)]
    [InlineData("[::1]8080", 8080, false)]
    [InlineData("[::1", 8080, false)]
    [InlineData("::1:8080", 8080, false)]
    [InlineData("127.1:8080", 8080, false)]
    [InlineData("2130706433:8080", 8080, false)]
    [InlineData("", 8080, false)]
    [InlineData("evil.example:8080", 8080, false)]
    [InlineData("localhost.evil.example:8080", 8080, false)]
    public void Only_loopback_names_with_the_servers_port_are_its_own(string host, int port, bool own) =>
        Assert.Equal(own, PreviewServer.IsOwnHost(host, port));

    [Fact]
    public void A_folder_redirect_stays_on_this_host()
    {
        foreach (var path in new[] { "/cp", "//cp", "/%2Fcp" })
        {
            var r = Send($"GET {path} HTTP/1.1\r\nHost: {{host}}");
            if (r.Status == 404) continue;
            Assert.Equal(302, r.Status);
            Assert.Equal("/cp/", r.Header("Location"));
        }
    }

    [Fact]
    public void Live_reload_is_a_script_file_whose_connection_the_policy_allows()
    {
        var script = Send("GET /__policydocs/livereload.js HTTP/1.1\r\nHost: {host}");
        Assert.Equal(200, script.Status);
        Assert.StartsWith("text/javascript", script.Header("Content-Type"), StringComparison.Ordinal);
        // connect-src 'self': a path on this origin, no other host.
        Assert.Contains("new EventSource('/__policydocs/events')", script.Body, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        var events = Send("GET /__policydocs/events HTTP/1.1\r\nHost: {host}", until: "\n\n");
        Assert.Equal(200, events.Status);
        Assert.Equal("text/event-stream", events.Header("Content-Type"));
        HasSecurityHeaders(events);
        Assert.Contains("event: build", events.Body, StringComparison.Ordinal);
    }
}
