using PolicyDocs.Compiling;
using PolicyDocs.Diff;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Publication;
using PolicyDocs.Rendering.Docx.Redline;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Versions;
using Scriban.Runtime;

namespace PolicyDocs.Pipeline;

/// <summary>One version <see cref="ComparePipeline"/> compares.</summary>
/// <param name="ContentPath">The content folder or single Markdown file.</param>
/// <param name="Label">How the version is named in the change set (a git ref or a path).</param>
/// <param name="DisplayPath">How its files are named in diagnostics, when not as given (e.g. "v1.0:content").</param>
public sealed record ComparedVersion(string ContentPath, string Label, string? DisplayPath = null);

/// <summary>What a run of <see cref="ComparePipeline"/> produces.</summary>
/// <param name="Document">Compare only the document with this id.</param>
/// <param name="Html">Render an HTML redline per changed document, with the new version's site templates.</param>
/// <param name="Word">Render a Word redline (tracked changes) per document changed in both versions.</param>
public sealed record CompareOptions(string? Document = null, bool Html = false, bool Word = false);

/// <summary>How a run of <see cref="ComparePipeline"/> ended.</summary>
public enum CompareOutcome
{
    /// <summary>The versions were compared; the outputs asked for are there.</summary>
    Compared,
    /// <summary>A version could not be read at all (<see cref="CompareResult.Problem"/> says why).</summary>
    Unreadable,
    /// <summary>A version has errors, or a redline template failed (<see cref="CompareResult.Errors"/>).</summary>
    Errors,
    /// <summary>Neither version has the document asked for.</summary>
    UnknownDocument,
    /// <summary>The two versions look like different documents, not two versions of one.</summary>
    Unrelated,
}

/// <summary>The result of a run of <see cref="ComparePipeline"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Problem">What went wrong, for an outcome other than <see cref="CompareOutcome.Compared"/> and <see cref="CompareOutcome.Errors"/>.</param>
/// <param name="Errors">The errors that stopped it (sorted), for <see cref="CompareOutcome.Errors"/>.</param>
public sealed record CompareResult(CompareOutcome Outcome, string? Problem, IReadOnlyList<Diagnostic> Errors)
{
    /// <summary>The old version's compilation, once read.</summary>
    public Compilation? Old { get; init; }

    /// <summary>The new version's compilation, once read.</summary>
    public Compilation? New { get; init; }

    /// <summary>What changed; set when the versions were compared.</summary>
    public ChangeSet? Changes { get; init; }

    /// <summary>The HTML redlines: <c>&lt;doc-id&gt;/index.html</c> per changed document, with the assets and images they use.</summary>
    public OutputSet? Html { get; init; }

    /// <summary>The Word redlines by file name, in change-set order.</summary>
    public IReadOnlyList<(string FileName, byte[] Bytes)>? Word { get; init; }

    /// <summary>The changelog rules between the two versions (advisory here; a release build enforces them).</summary>
    public IReadOnlyList<Diagnostic> ChangelogFindings { get; init; } = [];
}

/// <summary>
/// The comparison of two versions of a policy set as named stages, what <c>diff</c> runs: <see cref="Compile"/> →
/// <see cref="Compare"/> → <see cref="Render"/>. Two single Markdown files are one document whatever their file
/// names: the old one compiles under the new one's id, so its references resolve to the document the redline shows.
/// Everything is produced in memory; writing it is the caller's.
/// </summary>
public static class ComparePipeline
{
    /// <summary>Load → Bind → Resolve → Check → Publish of both versions, the new one first.</summary>
    public static readonly BuildStage Compile = new("compile", "the two versions (folders, single files or git releases)",
        "two compilations without errors; a single file's old version under the new version's document id");

    /// <summary>The change set and the changelog rules between the versions.</summary>
    public static readonly BuildStage Compare = new("compare", "the two compilations",
        "the change set per document, section and block, with the changelog findings");

    /// <summary>The redlines asked for.</summary>
    public static readonly BuildStage Render = new("render", "the change set and both publications",
        "HTML redlines (the new version's site templates) and Word redlines with tracked changes");

    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<BuildStage> Stages { get; } = [Compile, Compare, Render];

    /// <summary>Compares <paramref name="from"/> (old) with <paramref name="to"/> (new).</summary>
    public static CompareResult Run(ComparedVersion from, ComparedVersion to, CompareOptions options, IBuildProgress? progress = null)
    {
        progress?.Started(Compile);
        var newer = PolicyCompiler.Compile(to.ContentPath, null, to.DisplayPath);
        var singleFiles = File.Exists(from.ContentPath) && File.Exists(to.ContentPath) && newer.Published is { Documents.Length: 1 };
        var older = PolicyCompiler.Compile(from.ContentPath, new CompileOptions(DocumentId: singleFiles ? newer.Published!.Documents[0].Id : null), from.DisplayPath);
        progress?.Finished(Compile, [.. older.Diagnostics.Concat(newer.Diagnostics)]);
        foreach (var (c, v) in new[] { (older, from), (newer, to) })
            if (c.Fatal is not null) return new CompareResult(CompareOutcome.Unreadable, $"{v.Label}: {c.Fatal}", []) { Old = older, New = newer };
        if (older.Published is not { } a || newer.Published is not { } b || older.ErrorCount > 0 || newer.ErrorCount > 0)
            return new CompareResult(CompareOutcome.Errors, null, [.. older.Diagnostics.Concat(newer.Diagnostics).Where(d => d.Severity == Severity.Error)]) { Old = older, New = newer };

        var only = options.Document;
        if (only is not null && a.Find(only) is null && b.Find(only) is null)
            return new CompareResult(CompareOutcome.UnknownDocument,
                $"neither version has a document '{only}' (documents: {string.Join(", ", b.Documents.Select(d => d.Id))}).", []) { Old = older, New = newer };
        if (Unrelated(a, b, only) is { } why)
            return new CompareResult(CompareOutcome.Unrelated, why, []) { Old = older, New = newer };

        progress?.Started(Compare);
        var changes = PolicyDiffer.Compare(a, b, from.Label, to.Label, only);
        var findings = ReleaseChangelogCheck.Check(changes, b.Set);
        progress?.Finished(Compare, findings);

        progress?.Started(Render);
        IReadOnlyList<Diagnostic> templateErrors = [];
        var html = options.Html ? HtmlRedlines(a, b, changes, out templateErrors) : null;
        var word = options.Word ? DocxRedlineRenderer.RenderAll(a, b, changes) : null;
        progress?.Finished(Render, templateErrors);
        if (templateErrors.Count > 0) return new CompareResult(CompareOutcome.Errors, null, templateErrors) { Old = older, New = newer, Changes = changes };
        return new CompareResult(CompareOutcome.Compared, null, [])
        {
            Old = older, New = newer, Changes = changes, Html = html, Word = word, ChangelogFindings = findings,
        };
    }

    // Pages at <doc-id>/index.html, rendered with the new version's site templates without the site's header and
    // footer; references lead to the published site when its address is known. Images ship beside them.
    private static OutputSet HtmlRedlines(PublishedSet older, PublishedSet newer, ChangeSet changes, out IReadOnlyList<Diagnostic> errors)
    {
        var output = new OutputSet();
        var current = newer.Set;
        var links = RedlineLinks.Standalone(current, 1);
        var pages = new List<SitePage>();
        foreach (var d in changes.Documents.Where(d => d.Kind is not null))
        {
            var from = d.FromVersion ?? changes.From;
            var to = d.ToVersion ?? changes.To;
            var version = VersionChange.Between(older, newer, changes, d);
            var shortTitle = (version.New ?? version.Old)?.Cover.ShortTitle ?? d.Title;
            var model = new ScriptObject
            {
                ["body"] = new TrustedHtml(RedlineHtmlRenderer.Body(version, links)),
                ["from"] = from,
                ["to"] = to,
                ["short_title"] = shortTitle,
                ["standalone"] = true,
            };
            pages.Add(new SitePage("redline", $"{d.DocumentId}/index.html", $"{shortTitle}: changes from {from} to {to}", 1, new ScriptObject { ["redline"] = model }));
            foreach (var doc in new[] { version.Old, version.New })
                foreach (var image in doc?.Document.Images.Values ?? [])
                    output.Add(SitePaths.DocumentImage(d.DocumentId, image.PublishedName), image.Bytes);
        }
        var site = new SiteRenderer(newer);
        site.RenderStandalone(output, pages);
        errors = site.Diagnostics;
        return output;
    }

    // Two versions of one document share most of their text; two documents that share almost none and differ in
    // title are not two versions of one.
    private static string? Unrelated(PublishedSet a, PublishedSet b, string? only)
    {
        var ids = a.Documents.Select(d => d.Id).Intersect(b.Documents.Select(d => d.Id)).ToList();
        if (only is not null) ids = [.. ids.Where(i => i == only)];
        if (ids.Count == 0 && only is null)
            return $"the two versions have no document in common ({string.Join(", ", a.Documents.Select(d => d.Id))} vs {string.Join(", ", b.Documents.Select(d => d.Id))}); they look unrelated.";
        foreach (var id in ids)
        {
            var x = a.Find(id)!.Document;
            var y = b.Find(id)!.Document;
            var oldBlocks = x.AllSections.SelectMany(s => BlockExtractor.Extract(s.Body, a.Xrefs)).Select(t => t.Text).ToHashSet();
            var newBlocks = y.AllSections.SelectMany(s => BlockExtractor.Extract(s.Body, b.Xrefs)).Select(t => t.Text).ToList();
            var shared = newBlocks.Count(oldBlocks.Contains);
            if (newBlocks.Count > 20 && oldBlocks.Count > 20 && shared * 20 < Math.Min(newBlocks.Count, oldBlocks.Count) && x.Info.Title != y.Info.Title)
                return $"'{x.Info.Title}' and '{y.Info.Title}' share almost no text ({shared} of {newBlocks.Count} paragraphs); they look like unrelated documents, not two versions of one.";
        }
        return null;
    }
}
