using System.CommandLine;
using PolicyDocs.Checks;
using PolicyDocs.Compiling;

namespace PolicyDocs.Cli.Commands;

/// <summary><c>policydocs check</c>: load, bind, resolve and check; print diagnostics.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CommonOptions.Content();
        var format = CommonOptions.Format("text", "json", "sarif");
        var strict = CommonOptions.Strict();
        var fix = new Option<bool>("--fix") { Description = "Write 'No stipulation.' into blank sections and make the certain fixes diagnostics name (a link to a heading without its '#', a missing RFC 3647 section written with 'No stipulation.' above the section that follows it); changes nothing else." };
        var command = new Command("check", "Check a policy set against RFC 3647 and the root program rules, and report diagnostics.")
        {
            content, format, strict, fix,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(content)!;
            var isStrict = parse.GetValue(strict);
            if (!console.TryCompile(path, isStrict, out var compilation, out var published)) return CliApp.Usage;
            if (parse.GetValue(fix))
            {
                // Blank sections first; then the diagnostics' own fixes, read again so that their lines are where they now are.
                var count = NoStipulationFixer.Fix(published.Set);
                console.Error.WriteLine($"Inserted \"No stipulation.\" into {count} blank section{(count == 1 ? "" : "s")}.");
                if (count > 0 && !console.TryCompile(path, isStrict, out compilation, out published)) return CliApp.Usage;
                var edits = TextFixer.Fix(published.Set, compilation.Diagnostics);
                if (edits > 0) console.Error.WriteLine($"Made {edits} fix{(edits == 1 ? "" : "es")} that diagnostics name (links to headings, missing sections written with \"No stipulation.\").");
                if (edits > 0 && !console.TryCompile(path, isStrict, out compilation, out published)) return CliApp.Usage;
            }
            var fmt = parse.GetValue(format)!;
            console.Report(compilation.Diagnostics, fmt);
            if (fmt == "text")
                console.Error.WriteLine($"check: {CliConsole.Counts(compilation)} in {published.Documents.Length} document{(published.Documents.Length == 1 ? "" : "s")}.");
            return CliConsole.ExitCode(compilation, isStrict);
        });
        return command;
    }
}
