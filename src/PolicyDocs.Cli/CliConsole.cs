using System.Diagnostics.CodeAnalysis;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Compiling;
using PolicyDocs.Publication;
using PolicyDocs.Reporting;
using PolicyDocs.Text;

namespace PolicyDocs.Cli;

/// <summary>Where the CLI writes: diagnostics and results to stdout, progress and summaries to stderr.
/// Colour only when writing to a terminal and NO_COLOR is unset.</summary>
internal sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;
    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    private bool Colour => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected &&
                           string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private bool Terminal => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected &&
                             string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Shows what a long command is doing on a terminal (one line, overwritten); prints nothing when
    /// stderr is a file or CI, where only the final summary line appears.</summary>
    public void Progress(string? step)
    {
        if (!Terminal) return;
        Error.Write(step is null ? "\r\u001b[K" : $"\r\u001b[K{step}");
        Error.Flush();
    }

    /// <summary>Prints diagnostics in the chosen format.</summary>
    public void Report(IReadOnlyList<Diagnostic> diagnostics, string format)
    {
        switch (format)
        {
            case "json":
                Out.Write(DiagnosticFormatter.Json(diagnostics));
                break;
            case "sarif":
                Out.Write(DiagnosticFormatter.Sarif(diagnostics, CliApp.Version));
                break;
            default:
                foreach (var d in diagnostics)
                {
                    if (Colour) Out.Write(d.Severity == Severity.Error ? "\u001b[31m" : "\u001b[33m");
                    Out.Write(d.ToString());
                    if (Colour) Out.Write("\u001b[0m");
                    Out.Write('\n');
                }
                break;
        }
    }

    /// <summary>Compiles <paramref name="path"/>; false (with the reason printed) when the input cannot be read at all, for exit code 2.</summary>
    public bool TryCompile(string path, bool strict, out Compilation compilation, [NotNullWhen(true)] out PublishedSet? published)
    {
        compilation = PolicyCompiler.Compile(path, new CompileOptions(strict));
        published = compilation.Published;
        if (published is not null) return true;
        Error.WriteLine(SingleLine.Escape($"policydocs: {compilation.Fatal}"));
        return false;
    }

    /// <summary>False (with the reason printed as one line) when <paramref name="target"/> must not be replaced by output;
    /// otherwise what an interrupted earlier build left there is repaired first.</summary>
    public bool OutputAllowed(string target, OutputGuard guard) => Allowed(OutputWriter.Prepare(target, guard));

    /// <summary>Writes <paramref name="files"/> into <paramref name="target"/> through <see cref="OutputWriter"/>; false
    /// (with the reason printed as one line) when the folder was refused and nothing was touched.</summary>
    public bool WriteOutput(OutputSet files, string target, OutputGuard guard) => Allowed(OutputWriter.Write(files, target, guard));

    private bool Allowed(string? refusal)
    {
        if (refusal is null) return true;
        Error.WriteLine(SingleLine.Escape($"policydocs: {refusal}"));
        return false;
    }

    /// <summary>Exit code for a compilation: 2 if unreadable, 1 on errors (or warnings when strict), else 0.</summary>
    public static int ExitCode(Compilation c, bool strict) =>
        c.Fatal is not null ? CliApp.Usage
        : c.ErrorCount > 0 || (strict && c.WarningCount > 0) ? CliApp.Findings
        : CliApp.Ok;

    /// <summary>"2 errors, 1 warning".</summary>
    public static string Counts(Compilation c) =>
        $"{c.ErrorCount} error{(c.ErrorCount == 1 ? "" : "s")}, {c.WarningCount} warning{(c.WarningCount == 1 ? "" : "s")}";
}
