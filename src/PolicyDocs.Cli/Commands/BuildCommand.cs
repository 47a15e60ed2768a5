using PolicyDocs.Pipeline;
using System.CommandLine;
using System.Diagnostics;
using PolicyDocs.Output;
using PolicyDocs.Compiling;
using PolicyDocs.Versions;

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
        var command = new Command("build", "Build the website (and downloads) of a policy set.") { content, output, strict };
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
            console.Progress($"Checking {path} ...");
            var compiled = console.TryCompile(path, isStrict, out var compilation);
            console.Progress(null);
            if (!compiled) return CliApp.Usage;
            console.Report(compilation.Diagnostics, "text");
            var code = CliConsole.ExitCode(compilation, isStrict);
            if (code != CliApp.Ok)
            {
                console.Error.WriteLine($"build failed: {CliConsole.Counts(compilation)}; nothing was written.");
                return code;
            }
            // Declared releases (releases.tags in policyset.yaml): superseded versions, redlines and changelog rules.
            var releaseDiagnostics = new PolicyDocs.Model.DiagnosticBag();
            console.Progress("Reading released versions ...");
            var releases = ReleaseHistory.Load(compilation, path, releaseDiagnostics);
            var history = SiteHistory.From(releases);
            console.Progress(null);
            var historyDiagnostics = releaseDiagnostics.ToSortedList().Concat(history.Diagnostics).ToList();
            if (historyDiagnostics.Count > 0) console.Report(historyDiagnostics, "text");
            if (historyDiagnostics.Any(d => d.Severity == PolicyDocs.Model.Severity.Error || isStrict))
            {
                console.Error.WriteLine("build failed: the release history breaks the changelog rules; nothing was written.");
                return CliApp.Findings;
            }
            console.Progress("Rendering the site and downloads ...");
            var build = SiteBuilder.Build(compilation, history);
            console.Progress(null);
            if (build.Diagnostics.Count > 0) console.Report(build.Diagnostics, "text");
            if (build.HasErrors)
            {
                var n = build.Diagnostics.Count(d => d.Severity == PolicyDocs.Model.Severity.Error);
                console.Error.WriteLine($"build failed: {n} error{(n == 1 ? "" : "s")} in the generated site; nothing was written.");
                return CliApp.Findings;
            }
            var files = build.Output;
            if (!console.WriteOutput(files, target, guard)) return CliApp.Usage;
            console.Error.WriteLine($"Built {files.Files.Count} files into {target}/ ({CliConsole.Counts(compilation)}) in {clock.ElapsedMilliseconds} ms.");
            return CliApp.Ok;
        });
        return command;
    }
}
