using PolicyDocs.Cli;
using PolicyDocs.Model;
using PolicyDocs.Compiling;

namespace PolicyDocs.Tests.Support;

/// <summary>Runs the compiler or the CLI on a content tree.</summary>
internal static class Run
{
    /// <summary>Compiles <paramref name="path"/>.</summary>
    public static Compilation Compile(string path, bool strict = false) => PolicyCompiler.Compile(path, new CompileOptions(strict));

    /// <summary>Writes <paramref name="builder"/> to a temporary folder and compiles it.</summary>
    public static Compilation Compile(PolicySetBuilder builder, bool strict = false)
    {
        using var tree = new TempTree();
        return Compile(builder.WriteTo(tree.Root), strict);
    }

    /// <summary>Runs the command line; returns the exit code and what it printed. <c>build</c> and <c>diff</c> run with
    /// <c>--no-pdf</c> (LibreOffice takes seconds per document); <see cref="CliWithPdf"/> keeps the PDFs.</summary>
    public static (int Code, string Out, string Err) Cli(params string[] args) =>
        CliWithPdf(args.Length > 0 && args[0] is "build" or "diff" && !args.Contains("--no-pdf") && !args.Contains("--") ? [.. args, "--no-pdf"] : args);

    /// <summary>Runs the command line as given; returns the exit code and what it printed.</summary>
    public static (int Code, string Out, string Err) CliWithPdf(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Diagnostics of rule <paramref name="code"/>.</summary>
    public static List<Diagnostic> Of(this Compilation c, string code) => [.. c.Diagnostics.Where(d => d.Code == code)];

    /// <summary>Every diagnostic as text, for assertion messages.</summary>
    public static string Dump(this Compilation c) => string.Join("\n", c.Diagnostics);

    /// <summary>The folder holding PolicyDocs.sln, found by walking up from the test assembly.</summary>
    public static string RepoRoot() => PolicySetBuilder.RepoRoot();
}
