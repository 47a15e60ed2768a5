using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>
/// The preview server attacked over loopback: foreign Host headers (DNS rebinding), methods other than GET and HEAD,
/// path traversal in every spelling. Each case starts <c>policydocs serve</c> on a free port, sends one raw request,
/// then stops the server with SIGTERM, which it must obey within the bound.
/// </summary>
internal static class ServeCases
{
    /// <summary>A raw request line and headers (without the final blank line; {host} is 127.0.0.1:port) and the statuses allowed.</summary>
    public sealed record ServeCase(string Name, string Request, int[] Statuses, bool SecurityHeaders = false)
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }

    private static readonly int[] Ok = [200];
    private static readonly int[] Refused = [400, 403, 404, 421];
    private static readonly int[] NotAllowed = [405];
    private static readonly int[] NotFound = [400, 404];

    public static IEnumerable<ServeCase> All()
    {
        yield return new("serve: GET / with its security headers", "GET / HTTP/1.1\r\nHost: {host}", Ok, SecurityHeaders: true);
        yield return new("serve: HEAD /", "HEAD / HTTP/1.1\r\nHost: {host}", Ok, SecurityHeaders: true);
        yield return new("serve: Host localhost", "GET / HTTP/1.1\r\nHost: localhost:{port}", Ok);
        yield return new("serve: a foreign Host", "GET / HTTP/1.1\r\nHost: evil.example", Refused);
        yield return new("serve: a foreign Host with the port", "GET / HTTP/1.1\r\nHost: evil.example:{port}", Refused);
        yield return new("serve: a Host that starts like loopback", "GET / HTTP/1.1\r\nHost: 127.0.0.1.evil.example:{port}", Refused);
        yield return new("serve: the right host on another port", "GET / HTTP/1.1\r\nHost: 127.0.0.1:1", Refused);
        yield return new("serve: POST", "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0", NotAllowed);
        yield return new("serve: PUT", "PUT /index.html HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx", NotAllowed);
        yield return new("serve: DELETE", "DELETE /index.html HTTP/1.1\r\nHost: {host}", NotAllowed);
        yield return new("serve: OPTIONS", "OPTIONS / HTTP/1.1\r\nHost: {host}", NotAllowed);
        yield return new("serve: TRACE", "TRACE / HTTP/1.1\r\nHost: {host}", NotAllowed);
        yield return new("serve: PATCH", "PATCH / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0", NotAllowed);
        yield return new("serve: dot segments", "GET /../../../../etc/passwd HTTP/1.1\r\nHost: {host}", NotFound);
        yield return new("serve: encoded dot segments", "GET /%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: {host}", NotFound);
        yield return new("serve: encoded slashes", "GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: {host}", NotFound);
        yield return new("serve: double slash", "GET //etc/passwd HTTP/1.1\r\nHost: {host}", NotFound);
        yield return new("serve: backslashes", "GET /..\\..\\..\\etc\\passwd HTTP/1.1\r\nHost: {host}", NotFound);
        yield return new("serve: an encoded NUL", "GET /index.html%00.css HTTP/1.1\r\nHost: {host}", NotFound);
        yield return new("serve: the content's source files", "GET /../content/policyset.yaml HTTP/1.1\r\nHost: {host}", NotFound);
        yield return new("serve: an absolute URI to another host", "GET http://evil.example/ HTTP/1.1\r\nHost: evil.example", Refused);
    }

    /// <summary>Runs a serve case; returns the broken expectations.</summary>
    public static List<string> Check(ServeCase c)
    {
        var failures = new List<string>();
        using var folder = new CaseFolder();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, WorkingDirectory = folder.Root };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "PolicyDocs.Cli.dll"), "serve", "--content", folder.Content, "--port", "0" }) psi.ArgumentList.Add(a);
        psi.Environment["CI"] = "true";
        psi.Environment["HOME"] = folder.Home;
        using var p = Process.Start(psi)!;
        var err = new StringBuilder();
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { address.TrySetResult(""); return; }
            lock (err) err.Append(e.Data).Append('\n');
            var i = e.Data.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
            if (i >= 0) address.TrySetResult(e.Data[i..].Split(' ')[0]);
        };
        p.BeginErrorReadLine();
        _ = p.StandardOutput.ReadToEndAsync();
        try
        {
            if (!address.Task.Wait(HostileRunner.Bound) || address.Task.Result.Length == 0)
            {
                failures.Add("serve did not start: " + err);
                return failures;
            }
            var uri = new Uri(address.Task.Result);
            var host = $"127.0.0.1:{uri.Port}";
            var request = c.Request.Replace("{host}", host, StringComparison.Ordinal).Replace("{port}", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (!request.Contains("\r\n\r\n", StringComparison.Ordinal)) request += "\r\nConnection: close\r\n\r\n";
            var response = Send(uri.Port, request);
            var status = ParseStatus(response);
            if (!c.Statuses.Contains(status)) failures.Add($"status {status}, expected {string.Join(" or ", c.Statuses)}: {response[..Math.Min(300, response.Length)]}");
            if (response.Contains("root:x:0:0", StringComparison.Ordinal) || response.Contains(CaseFolder.Canary, StringComparison.Ordinal))
                failures.Add("the response holds a host file");
            if (c.SecurityHeaders)
                foreach (var header in new[] { "Content-Security-Policy:", "X-Content-Type-Options:", "X-Frame-Options:", "Referrer-Policy:" })
                    if (!response.Contains(header, StringComparison.OrdinalIgnoreCase)) failures.Add($"no {header} header");
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            if (!p.WaitForExit(HostileRunner.Bound))
            {
                failures.Add("serve did not stop on SIGTERM");
                p.Kill(true);
            }
        }
        lock (err)
            if (err.ToString().Contains("   at ", StringComparison.Ordinal) || err.ToString().Contains("Unhandled", StringComparison.Ordinal))
                failures.Add("serve printed a stack trace: " + err);
        return failures;
    }

    private static string Send(int port, string request)
    {
        using var client = new TcpClient();
        client.Connect(System.Net.IPAddress.Loopback, port);
        client.ReceiveTimeout = (int)HostileRunner.Bound.TotalMilliseconds;
        using var stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes(request));
        using var ms = new MemoryStream();
        var buffer = new byte[65_536];
        try
        {
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                ms.Write(buffer, 0, n);
                if (ms.Length > 4 << 20) break;
            }
        }
        catch (IOException) { } // the server may reset a connection it refuses
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static int ParseStatus(string response)
    {
        var parts = response.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], out var s) ? s : -1;
    }
}
