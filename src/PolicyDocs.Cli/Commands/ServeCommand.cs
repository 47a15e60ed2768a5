using System.CommandLine;
using PolicyDocs.Cli.Serve;

namespace PolicyDocs.Cli.Commands;

/// <summary><c>policydocs serve</c>: live preview on 127.0.0.1 that rebuilds and reloads on save.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CommonOptions.Content();
        var port = new Option<int>("--port", "-p")
        {
            Description = "Port to listen on (127.0.0.1 only).",
            DefaultValueFactory = _ => 5000,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p <= 65535) return p;
                r.AddError($"--port must be a number from 0 to 65535, not '{text}'.");
                return 0;
            },
        };
        var command = new Command("serve", "Preview the website with live reload: rebuilds when content or templates change.") { content, port };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(content)!;
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                console.Error.WriteLine($"policydocs: {path}: no such file or folder");
                return CliApp.Usage;
            }
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                PreviewServer server;
                try
                {
                    server = PreviewServer.StartAsync(path, parse.GetValue(port), console.Out).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                    // Kestrel reports a port in use as an IOException at start, a port the user may not bind (below
                    // 1024 without the right) as a SocketException.
                    var why = e is Microsoft.AspNetCore.Connections.AddressInUseException || e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                        ? "the port is already in use; choose another with --port"
                        : e.Message;
                    console.Error.WriteLine(PolicyDocs.Text.SingleLine.Escape($"policydocs: cannot serve on 127.0.0.1:{parse.GetValue(port)}: {why}"));
                    return CliApp.Usage;
                }
                console.Error.WriteLine($"Serving {server.Address} (Ctrl+C to stop); watching {path} for changes.");
                try
                {
                    WaitHandle.WaitAny([stop.Token.WaitHandle, server.Stopping.WaitHandle]);
                }
                finally
                {
                    server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
                return CliApp.Ok;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }
}
