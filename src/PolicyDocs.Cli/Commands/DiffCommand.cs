using System.CommandLine;
using PolicyDocs.Diff;
using PolicyDocs.Output;
using PolicyDocs.Pipeline;
using PolicyDocs.Versions;

namespace PolicyDocs.Cli.Commands;

/// <summary><c>policydocs diff FROM TO</c>: what changed between two versions (git refs or paths).</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var from = CommonOptions.PathValue(new Argument<string>("FROM") { Description = "The old version: a git ref (tag, branch, commit) of the repository holding --content, or a folder or .md file." });
        var to = CommonOptions.PathValue(new Argument<string>("TO") { Description = "The new version, as FROM." });
        var content = CommonOptions.Content();
        content.Description = "Where the content sits in the repository (for git refs); default content.";
        var doc = new Option<string?>("--doc") { Description = "Compare only the document with this id." };
        var html = CommonOptions.PathValue(new Option<string?>("--html") { Description = "Write an HTML redline per changed document into this folder (replaced whole; only an absent or empty folder, or earlier PolicyDocs output)." });
        var docx = CommonOptions.PathValue(new Option<string?>("--docx") { Description = "Write a Word redline (<doc-id>-<from>-to-<to>-redline.docx, real tracked changes) per changed document into this folder (replaced whole, as --html)." });
        var allowErrors = new Option<bool>("--allow-errors")
        {
            Description = "Compare and write redlines even when a version has errors (a broken draft): the errors are printed on stderr and the exit code is 1. Without it, a version with errors stops the diff and nothing is written.",
        };
        var noPdf = CommonOptions.NoPdf("With --docx, do not print the Word redlines as PDF (by default each gets a PDF beside it, <doc-id>-<from>-to-<to>-redline.pdf, when LibreOffice is installed).");
        var format = CommonOptions.Format("text", "json");
        var command = new Command("diff", "Show the changes between two versions of a policy set: per section, editorial or normative, with word-level detail. " +
                                          "Editorial: white space, punctuation, casing, markup (link targets, list and emphasis markers), spelling fixes, dates written another way, paragraphs split or joined; " +
                                          "normative: anything else, keywords and numbers always.")
        {
            from, to, content, doc, html, docx, noPdf, allowErrors, format,
        };
        command.SetAction(parse =>
        {
            var contentPath = parse.GetValue(content)!;
            using var a = Materialize(parse.GetValue(from)!, contentPath, console);
            if (a is null) return CliApp.Usage;
            using var b = Materialize(parse.GetValue(to)!, contentPath, console);
            if (b is null) return CliApp.Usage;
            var htmlDir = parse.GetValue(html);
            var docxDir = parse.GetValue(docx);
            var guard = OutputGuard.ForContent(contentPath, a.ContentPath, b.ContentPath);
            foreach (var dir in new[] { htmlDir, docxDir })
                if (dir is not null && !console.OutputAllowed(dir, guard)) return CliApp.Usage;

            var json = parse.GetValue(format) == "json";
            var result = PolicyPipeline.Diff(
                new ComparedVersion(a.ContentPath, a.Label, a.DisplayPath, a.CommitDate), new ComparedVersion(b.ContentPath, b.Label, b.DisplayPath, b.CommitDate),
                new CompareOptions(parse.GetValue(doc), Html: htmlDir is not null, Word: docxDir is not null, AllowErrors: parse.GetValue(allowErrors), Pdf: !parse.GetValue(noPdf)));
            switch (result.Outcome)
            {
                case CompareOutcome.Unreadable or CompareOutcome.UnknownDocument:
                    console.Error.WriteLine($"policydocs: {result.Problem}");
                    return CliApp.Usage;
                case CompareOutcome.Unrelated:
                    console.Error.WriteLine($"policydocs: {result.Problem}");
                    return CliApp.Findings;
                case CompareOutcome.Errors:
                    console.Report(result.Errors, json ? "json" : "text");
                    console.Error.WriteLine(result.Changes is null ? "diff: a version has errors; fix them first, or compare anyway with --allow-errors. Nothing was written." : "diff: the redline templates have errors. Nothing was written.");
                    return CliApp.Findings;
            }
            var changes = result.Changes!;
            // --allow-errors: the versions' errors go to stderr, so the change summary on stdout stays whole.
            foreach (var error in result.Errors) console.Error.WriteLine(error.ToString());
            if (result.Errors.Count > 0)
                console.Error.WriteLine($"diff: compared although the versions have {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")} (--allow-errors); the redlines show the text as it stands.");
            // Every output was produced in memory, so a failure writes nothing; each folder is swapped in whole.
            var htmlFiles = result.Html;
            // The PDFs are written beside the Word redlines; any that could not be made are said why.
            foreach (var finding in result.PdfFindings) console.Error.WriteLine(finding.ToString());
            var docxFiles = result.Word is null ? null : (IReadOnlyList<(string FileName, byte[] Bytes)>)[.. result.Word, .. result.Pdf ?? []];
            var sameFolder = htmlDir is not null && docxDir is not null && Path.GetFullPath(htmlDir).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(docxDir).TrimEnd(Path.DirectorySeparatorChar);
            if (htmlFiles is not null)
            {
                if (sameFolder) foreach (var (name, bytes) in docxFiles!) htmlFiles.Add(name, bytes);
                if (!console.WriteOutput(htmlFiles, htmlDir!, guard)) return CliApp.Usage;
                console.Error.WriteLine($"Wrote HTML redlines into {htmlDir}/.");
            }
            if (docxFiles is not null)
            {
                if (!sameFolder)
                {
                    var set = new Output.OutputSet();
                    foreach (var (name, bytes) in docxFiles) set.Add(name, bytes);
                    if (!console.WriteOutput(set, docxDir!, guard)) return CliApp.Usage;
                }
                var pdfs = result.Pdf?.Count ?? 0;
                console.Error.WriteLine(result.Word!.Count == 0 ? "No document changed; no Word redline written."
                    : $"Wrote {result.Word.Count} Word redline(s){(pdfs > 0 ? $" and {pdfs} PDF(s)" : "")} into {docxDir}/.");
            }
            console.Out.Write(json ? ChangeSummary.Json(changes) : ChangeSummary.Text(changes));
            foreach (var finding in result.ChangelogFindings)
                console.Error.WriteLine($"note: {finding.Message} ({finding.Code}: {finding.Rule.Hint})");
            return result.Errors.Count > 0 ? CliApp.Findings : CliApp.Ok;
        });
        return command;
    }

    private static MaterializedVersion? Materialize(string spec, string content, CliConsole console)
    {
        var r = VersionSource.Resolve(spec, content);
        if (r.Error is not null) console.Error.WriteLine($"policydocs: {r.Error}");
        return r.Version;
    }
}
