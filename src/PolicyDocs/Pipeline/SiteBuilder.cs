using System.Collections.Frozen;
using PolicyDocs.Versions;
using PolicyDocs.Matrix;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Publication;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Rendering.Markdown;
using PolicyDocs.Rendering.Pdf;

namespace PolicyDocs.Pipeline;

/// <summary>What a build produced: the files, and the problems found in them (dangling links).</summary>
/// <param name="Output">Every published file.</param>
/// <param name="Diagnostics">Errors found while rendering; a build with any must not be published.</param>
internal sealed record SiteBuild(OutputSet Output, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when rendering found errors.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Renders everything a build publishes from a compilation into one <see cref="OutputSet"/>: the downloads and the
/// website side by side (its pages link only downloads that exist or are being rendered), then checks every
/// internal link of the site.
/// </summary>
internal static class SiteBuilder
{
    /// <summary>Renders the site, the Word and Markdown downloads of <paramref name="published"/> and of the superseded
    /// versions and changes in <paramref name="history"/>, and checks its links.</summary>
    /// <param name="published">The published policy set.</param>
    /// <param name="history">Superseded versions and changes to publish too.</param>
    /// <param name="wordDownloads">False skips the Word documents (the live preview does not need them and
    /// refreshes faster without); the pages then link only the downloads that exist.</param>
    /// <param name="pdf">Print the documents' and redlines' Word files as PDF with this LibreOffice (with the Word
    /// files only); <see cref="PdfDownloads.Missing"/> publishes none and says so in a warning.</param>
    public static SiteBuild Build(PublishedSet published, SiteHistory? history = null, bool wordDownloads = true, PdfDownloads? pdf = null)
    {
        history ??= SiteHistory.Empty;
        var output = new OutputSet();
        var set = published.Set;
        // The documents' Word files, the slowest output, render on one thread from the start; the pages link them at
        // once and only the home page, which shows their sizes and hashes, waits for them. The other downloads render
        // on a second thread while the site's templates parse and its document bodies render on this one.
        var reference = wordDownloads ? ReferenceDocument.Load(published.Templates) : null;
        var documentDocx = reference is null ? Task.CompletedTask : Task.Run(() => DocxRenderer.RenderDocuments(published, output, reference));
        var pending = new PendingDownloads(
            reference is null ? FrozenSet<string>.Empty : set.Documents.Select(d => DocxNames.DownloadPath(d.Info)).ToFrozenSet(StringComparer.Ordinal),
            documentDocx);
        var downloads = Task.Run(() =>
        {
            Parallel.ForEach(published.Documents, doc =>
            {
                output.AddText(CombinedMarkdown.PathOf(doc.Document.Info), CombinedMarkdown.Render(doc));
                foreach (var (path, bytes) in CombinedMarkdown.Images(doc.Document)) output.Add(path, bytes);
            });
            if (reference is not null) DocxRenderer.RenderCeremonies(published, output, reference);
            Parallel.ForEach(history.Archived, a =>
            {
                var archived = a.Publication;
                if (wordDownloads) output.Add(DocxNames.DownloadPath(a.Document.Info), DocxRenderer.Render(archived));
                output.AddText(CombinedMarkdown.PathOf(a.Document.Info), CombinedMarkdown.Render(archived));
                foreach (var (path, bytes) in CombinedMarkdown.Images(a.Document)) output.Add(path, bytes);
            });
            if (wordDownloads)
                Parallel.ForEach(history.Changes, c => output.Add(c.DocxPath, Rendering.Docx.Redline.DocxRedlineRenderer.Render(c)));
        });
        var site = new SiteRenderer(published);
        site.Prepare();
        var pages = new List<SitePage>();
        pages.AddRange(new RolesPageRenderer(published).Pages());
        if (!set.Data.Recommendations.IsEmpty)
        {
            var matrix = published.Matrix;
            output.AddText("matrix/recommendations.csv", MatrixCsv.Write(MatrixTable.From(matrix)));
            output.Add("matrix/recommendations.xlsx", MatrixXlsx.Write(matrix));
            pages.Add(new SitePage("matrix", MatrixPageModel.PagePath, "Recommendations by impact level", 1, MatrixPageModel.Build(set, matrix), Nav: "Recommendations"));
        }
        downloads.GetAwaiter().GetResult();
        // The PDFs print the finished Word files; the pages below link the ones made.
        var pdfDiagnostics = new DiagnosticBag();
        if (wordDownloads && pdf is not null)
        {
            documentDocx.GetAwaiter().GetResult();
            PdfRenderer.Render(PdfJobs(published, history, output), pdf.Office, output, pdfDiagnostics, set.Info.Span);
        }
        pages.AddRange(new CeremonyPageRenderer(published).Pages(output));
        pages.AddRange(ChangePages.For(set, history, output));
        // The site pages come last: the home page links only the downloads that exist or are pending.
        site.Render(output, pages, history, pending);
        documentDocx.GetAwaiter().GetResult();
        // The host's response headers (Netlify reads _headers from the published folder); listed in SHA256SUMS.
        output.AddText(SecurityHeaders.NetlifyPath, SecurityHeaders.NetlifyFile());
        output.AddText(Checksums.Path, Checksums.Of(output));
        // Link checking a site whose templates failed would only repeat the same problem page by page.
        IReadOnlyList<Diagnostic> found = site.Diagnostics.Count > 0
            ? site.Diagnostics
            : LinkChecker.Check(output, page => SourceOf(set, page), published.Templates.OverridesSite, SiteLinks.AbsoluteRoot(set.Info.BaseUrl));
        return new SiteBuild(output, [.. pdfDiagnostics.ToSortedList(), .. found]);
    }

    /// <summary>The Word files printed as PDF: every document version's and every redline's, each dated by its document.</summary>
    private static List<PdfJob> PdfJobs(PublishedSet published, SiteHistory history, OutputSet output)
    {
        var jobs = new List<PdfJob>();
        void Add(string docxPath, DateOnly? date, SourceSpan source)
        {
            if (output.Get(docxPath) is { } docx) jobs.Add(new PdfJob(docxPath, docx, date, source));
        }
        foreach (var d in published.Set.Documents)
            Add(DocxNames.DownloadPath(d.Info), d.Info.EffectiveDate ?? d.Info.Date, SourceSpan.File(d.Info.Span.Path));
        foreach (var a in history.Archived)
            Add(DocxNames.DownloadPath(a.Document.Info), a.Document.Info.EffectiveDate ?? a.Document.Info.Date, SourceSpan.File(a.Document.Info.Span.Path));
        foreach (var c in history.Changes)
            Add(c.DocxPath, c.Date ?? c.New?.Cover.Date, SourceSpan.File(((c.New ?? c.Old)!.Document.Info.Span.Path)));
        return jobs;
    }

    /// <summary>Where the content of a site page is written: the document the page belongs to, else the policy set.</summary>
    private static SourceSpan SourceOf(PolicySet set, string page)
    {
        var slash = page.IndexOf('/');
        var doc = slash > 0 ? set.Find(page[..slash]) : null;
        return SourceSpan.File((doc?.Info.Span ?? set.Info.Span).Path);
    }
}
