using System.CommandLine;
using System.Reflection;
using PolicyDocs.Cli.Commands;
using PolicyDocs.Text;

namespace PolicyDocs.Cli;

/// <summary>The <c>policydocs</c> command line: parsing, help, and exit codes (0 ok, 1 findings, 2 bad usage or input).</summary>
internal static class CliApp
{
    /// <summary>Exit code: success (warnings allowed).</summary>
    public const int Ok = 0;
    /// <summary>Exit code: errors found, or warnings under --strict.</summary>
    public const int Findings = 1;
    /// <summary>Exit code: bad usage or unreadable input, and every fault of the environment (a file where a folder
    /// belongs, a read-only or full disk, a name too long, a port in use).</summary>
    public const int Usage = 2;
    /// <summary>Exit code: a bug in PolicyDocs (an exception no input or environment explains), as sysexits' EX_SOFTWARE.</summary>
    public const int InternalError = 70;

    /// <summary>The tool's version.</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs the command line with the given output writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        // A plain command named "policydocs" rather than RootCommand, whose name would follow the executable's file name.
        var root = new Command("policydocs", "PolicyDocs compiles RFC 3647 Certificate Policies and Certification Practice Statements " +
                                             "from YAML data and Markdown prose into a website, Word documents and redlines.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(BuildCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(NewCommand.Create(console));
        root.Subcommands.Add(MatrixCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        var result = root.Parse(args);
        // The CLI handles exceptions itself (below): the command-line library's own handler would print a stack trace.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (result.Errors.Count > 0)
        {
            var messages = string.Join("; ", result.Errors.Select(e => e.Message.TrimEnd('.')));
            stderr.WriteLine(SingleLine.Escape($"policydocs: {messages}. Run 'policydocs --help' for usage."));
            return Usage;
        }
        try
        {
            return result.Invoke(config);
        }
        catch (Exception ex) when (EnvironmentFault(ex) is { } fault)
        {
            stderr.WriteLine(SingleLine.Escape($"policydocs: {fault.Message}"));
            return Usage;
        }
        catch (Exception ex)
        {
            // A bug, not the user's input or the machine: say so in two lines, without the multi-page trace.
            var frame = ex.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            stderr.WriteLine(SingleLine.Escape($"policydocs: internal error ({ex.GetType().Name}: {ex.Message}); this is a bug in PolicyDocs {Version}, please report it."));
            if (frame.Length > 0) stderr.WriteLine(SingleLine.Escape($"policydocs: thrown {frame}"));
            return InternalError;
        }
    }

    /// <summary>The fault of the environment (file system, network, memory) behind <paramref name="ex"/>, or null for a bug.</summary>
    private static Exception? EnvironmentFault(Exception ex) => ex switch
    {
        IOException or UnauthorizedAccessException or System.Security.SecurityException
            or System.Net.Sockets.SocketException or OutOfMemoryException => ex,
        AggregateException { InnerExceptions.Count: 1 } a => EnvironmentFault(a.InnerExceptions[0]),
        _ when ex.InnerException is { } inner && ex is TargetInvocationException or TypeInitializationException => EnvironmentFault(inner),
        _ => null,
    };
}
