using PolicyDocs.Compiling;
using PolicyDocs.Diff;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Publication;
using PolicyDocs.Rendering.Docx.Redline;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Rendering.Pdf;
using PolicyDocs.Versions;
using Scriban.Runtime;

namespace PolicyDocs.Pipeline;

/// <summary>One named stage of <see cref="PolicyPipeline"/>: what it reads and what it produces.</summary>
/// <param name="Name">The stage's name, as progress messages show it.</param>
/// <param name="Consumes">What the stage reads.</param>
/// <param name="Produces">What it hands to the next stage.</param>
internal sealed record BuildStage(string Name, string Consumes, string Produces)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Hears a <see cref="PolicyPipeline"/> run's stages start and finish, e.g. to show progress and report findings as they come.</summary>
internal interface IBuildProgress
{
    /// <summary><paramref name="stage"/> starts.</summary>
    void Started(BuildStage stage);

    /// <summary><paramref name="stage"/> finished with <paramref name="diagnostics"/> (all of its findings, sorted).</summary>
    void Finished(BuildStage stage, IReadOnlyList<Diagnostic> diagnostics);
}

/// <summary>What <see cref="PolicyPipeline.Build"/> does.</summary>
/// <param name="Strict">Title variants are errors and any warning fails the build.</param>
/// <param name="History">Publish the superseded versions and their changes (releases.tags in policyset.yaml).</param>
/// <param name="WordDownloads">Render the Word documents and redlines (the live preview does without).</param>
/// <param name="Pdf">Print every document's and redline's Word file as PDF with LibreOffice, when it is installed
/// (a warning says when it is not). Off unless asked for: each PDF takes LibreOffice seconds, and only a published
/// build (the CLI's <c>build</c>, unless <c>--no-pdf</c>) needs them.</param>
internal sealed record BuildOptions(bool Strict = false, bool History = true, bool WordDownloads = true, bool Pdf = false)
{
    /// <summary>The options of <c>serve</c>: no history, no Word files; the page refreshes faster without them.</summary>
    public static BuildOptions Preview { get; } = new(History: false, WordDownloads: false);
}

/// <summary>Where <see cref="PolicyPipeline.Build"/> stopped and what each stage reported.</summary>
/// <param name="Compilation">The compile's result (its diagnostics, and the publication when it succeeded).</param>
/// <param name="ReleaseDiagnostics">Findings of the release history (unreadable releases, changelog rules between releases).</param>
/// <param name="Site">The rendered and link-checked site; null when an earlier stage failed.</param>
/// <param name="FailedAt">The stage that failed, or null when the site may be published.</param>
internal sealed record BuildResult(Compilation Compilation, IReadOnlyList<Diagnostic> ReleaseDiagnostics, SiteBuild? Site, BuildStage? FailedAt)
{
    /// <summary>True when every stage passed and <see cref="Site"/> may be written.</summary>
    public bool Succeeded => FailedAt is null && Site is not null;
}

/// <summary>One version <see cref="PolicyPipeline.Diff"/> compares.</summary>
/// <param name="ContentPath">The content folder or single Markdown file.</param>
/// <param name="Label">How the version is named in the change set (a git ref or a path).</param>
/// <param name="DisplayPath">How its files are named in diagnostics, when not as given (e.g. "v1.0:content").</param>
/// <param name="CommitDate">The date of the commit it was read from, when it is a git ref: the redline's date when the version states none.</param>
internal sealed record ComparedVersion(string ContentPath, string Label, string? DisplayPath = null, DateOnly? CommitDate = null);

/// <summary>What <see cref="PolicyPipeline.Diff"/> produces.</summary>
/// <param name="Document">Compare only the document with this id.</param>
/// <param name="Html">Render an HTML redline per changed document, with the new version's site templates.</param>
/// <param name="Word">Render a Word redline (tracked changes) per document changed in both versions.</param>
/// <param name="AllowErrors">Compare versions that have errors too, as far as they could be read (a broken draft still
/// gets its redline); the errors are in <see cref="CompareResult.Errors"/> of a <see cref="CompareOutcome.Compared"/> result.</param>
/// <param name="Pdf">With <paramref name="Word"/>, print each Word redline as PDF too, with LibreOffice when it is installed.</param>
internal sealed record CompareOptions(string? Document = null, bool Html = false, bool Word = false, bool AllowErrors = false, bool Pdf = false);

/// <summary>How <see cref="PolicyPipeline.Diff"/> ended.</summary>
internal enum CompareOutcome
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

/// <summary>The result of <see cref="PolicyPipeline.Diff"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Problem">What went wrong, for an outcome other than <see cref="CompareOutcome.Compared"/> and <see cref="CompareOutcome.Errors"/>.</param>
/// <param name="Errors">The errors that stopped it (sorted), for <see cref="CompareOutcome.Errors"/>; with
/// <see cref="CompareOptions.AllowErrors"/>, the versions' errors compared anyway.</param>
internal sealed record CompareResult(CompareOutcome Outcome, string? Problem, IReadOnlyList<Diagnostic> Errors)
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

    /// <summary>The PDFs of the Word redlines by file name (<c>&lt;doc-id&gt;-&lt;from&gt;-to-&lt;to&gt;-redline.pdf</c>), when asked for.</summary>
    public IReadOnlyList<(string FileName, byte[] Bytes)>? Pdf { get; init; }

    /// <summary>Why PDFs asked for were not made (LibreOffice missing, or a conversion that failed); advisory.</summary>
    public IReadOnlyList<Diagnostic> PdfFindings { get; init; } = [];

    /// <summary>The changelog rules between the two versions (advisory here; a release build enforces them).</summary>
    public IReadOnlyList<Diagnostic> ChangelogFindings { get; init; } = [];
}

/// <summary>
/// The one orchestration of PolicyDocs, as named stages: <see cref="Compile"/> → <see cref="Releases"/> →
/// <see cref="Compare"/> → <see cref="Render"/>. <c>build</c> and <c>serve</c> run <see cref="Build"/> (serve with
/// <see cref="BuildOptions.Preview"/>: no releases, no comparison, no Word files); <c>diff</c> runs <see cref="Diff"/>,
/// where the two versions given take the place of the tagged releases. Each stage runs only when the ones before it
/// passed, and a failed stage names itself in the result. Everything is produced in memory; writing it is the
/// caller's (the CLI's output guard decides where files may go).
/// </summary>
internal static class PolicyPipeline
{
    /// <summary>Load → Bind → Resolve → Check → Publish, of the content (build) or of both versions (diff, the new one first).</summary>
    public static readonly BuildStage Compile = new("compile", "the content folder or single Markdown file; for diff, the two versions",
        "the compilation: diagnostics and, without errors, the publication every output renders from");

    /// <summary>The tagged releases, compiled from git (build only).</summary>
    public static readonly BuildStage Releases = new("releases", "the publication and the git tags matching releases.tags",
        "the publication of every release that compiles; the ones that do not, as findings");

    /// <summary>The changes between consecutive versions and the changelog rules between them.</summary>
    public static readonly BuildStage Compare = new("compare", "two or more publications, oldest first",
        "the change set per document, section and block (each section change on the published sections it compares), with the changelog findings");

    /// <summary>Every output asked for.</summary>
    public static readonly BuildStage Render = new("render", "the publication and the changes",
        "build: the site, the downloads and SHA256SUMS, with the link check's findings; diff: HTML and Word redlines");

    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<BuildStage> Stages { get; } = [Compile, Releases, Compare, Render];

    /// <summary>Builds the site of <paramref name="contentPath"/>; <paramref name="progress"/> hears each stage start and finish.</summary>
    public static BuildResult Build(string contentPath, BuildOptions options, IBuildProgress? progress = null)
    {
        progress?.Started(Compile);
        var compilation = PolicyCompiler.Compile(contentPath, new CompileOptions(options.Strict));
        progress?.Finished(Compile, compilation.Diagnostics);
        if (compilation.Published is not { } published || compilation.ErrorCount > 0 || (options.Strict && compilation.WarningCount > 0))
            return new BuildResult(compilation, [], null, Compile);

        var history = SiteHistory.Empty;
        IReadOnlyList<Diagnostic> releaseDiagnostics = [];
        if (options.History)
        {
            progress?.Started(Releases);
            var diagnostics = new DiagnosticBag();
            var releases = ReleaseHistory.Load(published, contentPath, diagnostics);
            var unreadable = diagnostics.ToSortedList();
            progress?.Finished(Releases, unreadable);

            progress?.Started(Compare);
            history = SiteHistory.From(releases);
            progress?.Finished(Compare, history.Diagnostics);
            releaseDiagnostics = [.. unreadable.Concat(history.Diagnostics)];
            if (releaseDiagnostics.Any(d => d.Severity == Severity.Error || options.Strict))
                return new BuildResult(compilation, releaseDiagnostics, null, unreadable.Any(d => d.Severity == Severity.Error || options.Strict) ? Releases : Compare);
        }

        progress?.Started(Render);
        var site = SiteBuilder.Build(published, history, options.WordDownloads, options.Pdf ? PdfDownloads.FromPath() : null);
        progress?.Finished(Render, site.Diagnostics);
        return new BuildResult(compilation, releaseDiagnostics, site, site.HasErrors ? Render : null);
    }

    /// <summary>Compares <paramref name="from"/> (old) with <paramref name="to"/> (new).</summary>
    public static CompareResult Diff(ComparedVersion from, ComparedVersion to, CompareOptions options, IBuildProgress? progress = null)
    {
        progress?.Started(Compile);
        var newer = PolicyCompiler.Compile(to.ContentPath, null, to.DisplayPath);
        var singleFiles = File.Exists(from.ContentPath) && File.Exists(to.ContentPath) && newer.Published is { Documents.Length: 1 };
        var older = PolicyCompiler.Compile(from.ContentPath, new CompileOptions(DocumentId: singleFiles ? newer.Published!.Documents[0].Id : null), from.DisplayPath);
        progress?.Finished(Compile, [.. older.Diagnostics.Concat(newer.Diagnostics)]);
        foreach (var (c, v) in new[] { (older, from), (newer, to) })
            if (c.Fatal is not null) return new CompareResult(CompareOutcome.Unreadable, $"{v.Label}: {c.Fatal}", []) { Old = older, New = newer };
        IReadOnlyList<Diagnostic> versionErrors = [.. older.Diagnostics.Concat(newer.Diagnostics).Where(d => d.Severity == Severity.Error)];
        if (older.Published is not { } a || newer.Published is not { } b || (versionErrors.Count > 0 && !options.AllowErrors))
            return new CompareResult(CompareOutcome.Errors, null, versionErrors) { Old = older, New = newer };

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
        var word = options.Word ? DocxRedlineRenderer.RenderAll(a, b, changes, from.CommitDate, to.CommitDate) : null;
        var pdfFindings = new DiagnosticBag();
        var pdf = word is not null && options.Pdf ? RedlinePdfs(word, b, changes, pdfFindings) : null;
        progress?.Finished(Render, [.. templateErrors.Concat(pdfFindings.ToSortedList())]);
        if (templateErrors.Count > 0) return new CompareResult(CompareOutcome.Errors, null, templateErrors) { Old = older, New = newer, Changes = changes };
        return new CompareResult(CompareOutcome.Compared, null, versionErrors)
        {
            Old = older, New = newer, Changes = changes, Html = html, Word = word, ChangelogFindings = findings,
            Pdf = pdf, PdfFindings = pdfFindings.ToSortedList(),
        };
    }

    // Each Word redline printed as PDF under the same name, dated by the new version of its document (the redlines are
    // those of the modified documents, in change-set order).
    private static List<(string FileName, byte[] Bytes)> RedlinePdfs(IReadOnlyList<(string FileName, byte[] Bytes)> word, PublishedSet newer, ChangeSet changes, DiagnosticBag findings)
    {
        var modified = changes.Documents.Where(d => d.Kind == ChangeKind.Modified).Select(d => newer.Find(d.DocumentId)).ToList();
        var jobs = word.Select((w, i) => i < modified.Count && modified[i] is { } doc
            ? new PdfJob(w.FileName, w.Bytes, doc.Cover.EffectiveDate ?? doc.Cover.Date, SourceSpan.File(doc.Document.Info.Span.Path))
            : new PdfJob(w.FileName, w.Bytes, null, SourceSpan.File(newer.Set.Info.Span.Path))).ToList();
        var output = new OutputSet();
        PdfRenderer.Render(jobs, LibreOffice.Find(), output, findings, SourceSpan.File(newer.Set.Info.Span.Path));
        return [.. jobs.Where(j => output.Contains(j.PdfPath)).Select(j => (j.PdfPath, output.Get(j.PdfPath)!))];
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
