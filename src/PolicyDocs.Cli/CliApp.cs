using System.CommandLine;
using System.Reflection;
using PolicyDocs.Cli.Commands;

namespace PolicyDocs.Cli;

/// <summary>The <c>policydocs</c> command line: parsing, help, and exit codes (0 ok, 1 findings, 2 bad usage or input).</summary>
public static class CliApp
{
    /// <summary>Exit code: success (warnings allowed).</summary>
    public const int Ok = 0;
    /// <summary>Exit code: errors found, or warnings under --strict.</summary>
    public const int Findings = 1;
    /// <summary>Exit code: bad usage or unreadable input.</summary>
    public const int Usage = 2;

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
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors) stderr.WriteLine($"policydocs: {e.Message}");
            stderr.WriteLine("Run 'policydocs --help' for usage.");
            return Usage;
        }
        try
        {
            return result.Invoke(config);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"policydocs: {ex.Message}");
            return Usage;
        }
    }
}
