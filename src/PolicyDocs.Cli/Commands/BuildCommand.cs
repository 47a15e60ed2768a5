using PolicyDocs.Pipeline;
using System.CommandLine;
using System.Diagnostics;
using PolicyDocs.Output;

namespace PolicyDocs.Cli.Commands;

/// <summary><c>policydocs build</c>: compile and render the site; nothing is written when there are errors.</summary>
internal static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CommonOptions.Content();
        var output = CommonOptions.PathValue(new Option<string>("--output", "-o")
        {
            Description = "Where to write the site (replaced whole on success; only an absent or empty folder, or one a previous build wrote).",
            DefaultValueFactory = _ => "site",
        });
        var strict = CommonOptions.Strict();
        var noPdf = CommonOptions.NoPdf("Do not print the Word files as PDF (faster; by default every document and redline gets a PDF beside its Word file when LibreOffice is installed).");
        var command = new Command("build", "Build the website (and downloads) of a policy set. With releases.tags (in policyset.yaml, or for a single Markdown file in its front matter or a policyset.yaml beside it; the front matter wins key by key), every matching git tag is published too, with redlines between consecutive versions.") { content, output, strict, noPdf };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var path = parse.GetValue(content)!;
            var isStrict = parse.GetValue(strict);
            var target = parse.GetValue(output)!;
            // Refused before any work: the same check runs again just before the folder is replaced.
            var guard = OutputGuard.ForContent(path);
            if (!console.OutputAllowed(target, guard)) return CliApp.Usage;
            // The Word writer's first-use cost is paid on the other core while the content compiles.
            _ = Task.Run(PolicyDocs.Rendering.Docx.DocxRenderer.WarmUp);
            var result = PolicyPipeline.Build(path, new BuildOptions(Strict: isStrict, Pdf: !parse.GetValue(noPdf)), new Progress(console, path));
            var compilation = result.Compilation;
            if (compilation.Fatal is not null)
            {
                console.Error.WriteLine(PolicyDocs.Text.SingleLine.Escape($"policydocs: {compilation.Fatal}"));
                return CliApp.Usage;
            }
            if (result.FailedAt == PolicyPipeline.Compile)
            {
                console.Error.WriteLine($"build failed: {CliConsole.Counts(compilation)}; nothing was written.");
                return CliConsole.ExitCode(compilation, isStrict);
            }
            if (result.FailedAt == PolicyPipeline.Releases)
            {
                console.Error.WriteLine("build failed: a tagged release cannot be read (--strict); nothing was written.");
                return CliApp.Findings;
            }
            if (result.FailedAt == PolicyPipeline.Compare)
            {
                console.Error.WriteLine("build failed: the release history breaks the changelog rules; nothing was written.");
                return CliApp.Findings;
            }
            var build = result.Site!;
            if (result.FailedAt == PolicyPipeline.Render)
            {
                var n = build.Diagnostics.Count(d => d.Severity == PolicyDocs.Model.Severity.Error);
                console.Error.WriteLine($"build failed: {n} error{(n == 1 ? "" : "s")} in the generated site; nothing was written.");
                return CliApp.Findings;
            }
            var files = build.Output;
            if (!console.WriteOutput(files, target, guard)) return CliApp.Usage;
            var renderWarnings = build.Diagnostics.Count(d => d.Severity == PolicyDocs.Model.Severity.Warning);
            var rendered = renderWarnings == 0 ? "" : $"; {renderWarnings} warning{(renderWarnings == 1 ? "" : "s")} while rendering";
            console.Error.WriteLine($"Built {files.Files.Count} files into {target}/ ({CliConsole.Counts(compilation)}{rendered}) in {clock.ElapsedMilliseconds} ms.");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Shows each stage while it runs and reports its findings when it ends.</summary>
    private sealed class Progress(CliConsole console, string path) : IBuildProgress
    {
        public void Started(BuildStage stage) => console.Progress(
            stage == PolicyPipeline.Compile ? $"Checking {path} ..."
            : stage == PolicyPipeline.Releases ? "Reading released versions ..."
            : stage == PolicyPipeline.Compare ? "Comparing consecutive versions ..."
            : "Rendering the site and downloads ...");

        public void Finished(BuildStage stage, IReadOnlyList<PolicyDocs.Model.Diagnostic> diagnostics)
        {
            console.Progress(null);
            if (stage == PolicyPipeline.Compile || diagnostics.Count > 0) console.Report(diagnostics, "text");
        }
    }
}
