using System.CommandLine;
using PolicyDocs.Diff;
using PolicyDocs.Output;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Html;
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
        var format = CommonOptions.Format("text", "json");
        var command = new Command("diff", "Show the changes between two versions of a policy set: per section, editorial or normative, with word-level detail.")
        {
            from, to, content, doc, html, docx, format,
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

            var ca = PolicyCompiler.Compile(a.ContentPath, null, a.DisplayPath);
            var cb = PolicyCompiler.Compile(b.ContentPath, null, b.DisplayPath);
            foreach (var (c, v) in new[] { (ca, a), (cb, b) })
            {
                if (c.Fatal is not null)
                {
                    console.Error.WriteLine($"policydocs: {v.Label}: {c.Fatal}");
                    return CliApp.Usage;
                }
            }
            if (ca.ErrorCount > 0 || cb.ErrorCount > 0)
            {
                console.Report([.. ca.Diagnostics.Concat(cb.Diagnostics).Where(d => d.Severity == Model.Severity.Error)], parse.GetValue(format) == "json" ? "json" : "text");
                console.Error.WriteLine("diff: a version has errors; fix them first. Nothing was written.");
                return CliApp.Findings;
            }
            var only = parse.GetValue(doc);
            (ca, cb) = PairSingleFiles(ca, cb);
            if (only is not null && ca.Set!.Find(only) is null && cb.Set!.Find(only) is null)
            {
                console.Error.WriteLine($"policydocs: neither version has a document '{only}' (documents: {string.Join(", ", cb.Set!.Documents.Select(d => d.Id))}).");
                return CliApp.Usage;
            }
            if (Unrelated(ca, cb, only) is { } why)
            {
                console.Error.WriteLine($"policydocs: {why}");
                return CliApp.Findings;
            }
            var changes = PolicyDiffer.Compare(ca, cb, a.Label, b.Label, only);
            // Every output is produced in memory first, so a failure writes nothing; each folder is swapped in whole.
            var htmlFiles = htmlDir is null ? null : HtmlRedlines(changes);
            var docxFiles = docxDir is null ? null : Rendering.Docx.Redline.DocxRedlineRenderer.RenderAll(ca, cb, changes);
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
                console.Error.WriteLine(docxFiles.Count == 0 ? "No document changed; no Word redline written." : $"Wrote {docxFiles.Count} Word redline(s) into {docxDir}/.");
            }
            console.Out.Write(parse.GetValue(format) == "json" ? ChangeSummary.Json(changes) : ChangeSummary.Text(changes));
            // Changelog rules between the two versions: advisory here; a release build enforces them.
            foreach (var finding in Versions.ReleaseChangelogCheck.Check(changes, cb.Set!))
                console.Error.WriteLine($"note: {finding.Message} ({finding.Code}: {finding.Rule.Hint})");
            return CliApp.Ok;
        });
        return command;
    }

    private static MaterializedVersion? Materialize(string spec, string content, CliConsole console)
    {
        var r = VersionSource.Resolve(spec, content);
        if (r.Error is not null) console.Error.WriteLine($"policydocs: {r.Error}");
        return r.Version;
    }

    /// <summary>Two single-file versions are the same document even when their file names (hence ids) differ.</summary>
    private static (Compilation, Compilation) PairSingleFiles(Compilation a, Compilation b)
    {
        if (a.Set!.Documents.Length != 1 || b.Set!.Documents.Length != 1 || a.Set.Documents[0].Id == b.Set.Documents[0].Id) return (a, b);
        if (Directory.Exists(a.Set.Root) && File.Exists(Path.Combine(a.Set.Root, "policyset.yaml"))) return (a, b);
        var id = b.Set.Documents[0].Id;
        var renamed = a.Set.MapDocuments(d => new Model.PolicyDocument(d.Info with { Id = id }, d.Sections, d.Appendices, d.Preamble));
        return (a with { Set = renamed }, b);
    }

    private static string? Unrelated(Compilation a, Compilation b, string? only)
    {
        var ids = a.Set!.Documents.Select(d => d.Id).Intersect(b.Set!.Documents.Select(d => d.Id)).ToList();
        if (only is not null) ids = ids.Where(i => i == only).ToList();
        if (ids.Count == 0 && only is null)
            return $"the two versions have no document in common ({string.Join(", ", a.Set.Documents.Select(d => d.Id))} vs {string.Join(", ", b.Set.Documents.Select(d => d.Id))}); they look unrelated.";
        foreach (var id in ids)
        {
            var x = a.Set.Find(id)!;
            var y = b.Set.Find(id)!;
            var oldBlocks = x.AllSections.SelectMany(s => BlockExtractor.Extract(s.Body, a.Xrefs)).Select(t => t.Text).ToHashSet();
            var newBlocks = y.AllSections.SelectMany(s => BlockExtractor.Extract(s.Body, b.Xrefs)).Select(t => t.Text).ToList();
            var shared = newBlocks.Count(oldBlocks.Contains);
            if (newBlocks.Count > 20 && oldBlocks.Count > 20 && shared * 20 < Math.Min(newBlocks.Count, oldBlocks.Count) && x.Info.Title != y.Info.Title)
                return $"'{x.Info.Title}' and '{y.Info.Title}' share almost no text ({shared} of {newBlocks.Count} paragraphs); they look like unrelated documents, not two versions of one.";
        }
        return null;
    }

    private static Output.OutputSet HtmlRedlines(ChangeSet changes)
    {
        var output = new Output.OutputSet();
        foreach (var d in changes.Documents.Where(d => d.Kind is not null))
            output.AddText($"{d.DocumentId}/index.html", RedlineHtmlRenderer.Page(changes, d, "../"));
        var store = new Templates.TemplateStore(null);
        output.Add("redline.css", store.ReadBytes("site/assets/redline.css")!);
        output.Add("redline.js", store.ReadBytes("site/assets/redline.js")!);
        return output;
    }
}
