using System.Collections.Concurrent;
using PolicyDocs.Model;
using PolicyDocs.Output;

namespace PolicyDocs.Rendering.Pdf;

/// <summary>
/// Prints published Word files as PDF beside them with LibreOffice: the PDF shows what Word shows (cover, running
/// header and "page X of Y" footer, tracked changes of a redline as marked insertions and deletions), with the
/// contents' page numbers from the real layout and the internal links and bookmarks of the Word file. Conversions
/// run in parallel up to the number of cores; the PDFs are made deterministic (<see cref="PdfMetadata"/>).
/// </summary>
internal static class PdfRenderer
{
    /// <summary>Prints each of <paramref name="jobs"/> into <paramref name="output"/> at its <see cref="PdfJob.PdfPath"/>.
    /// Without <paramref name="office"/> no PDF is made and one warning at <paramref name="where"/> says so; a PDF that
    /// cannot be made is a warning on its document, and the others are still made.</summary>
    public static void Render(IReadOnlyList<PdfJob> jobs, LibreOffice? office, OutputSet output, DiagnosticBag diagnostics, SourceSpan where)
    {
        if (jobs.Count == 0) return;
        if (office is null)
        {
            diagnostics.Add(Rules.PdfSkipped, where,
                $"LibreOffice ({string.Join("/", LibreOffice.ProgramNames)}) not found on PATH: PDFs skipped ({jobs.Count} Word file{(jobs.Count == 1 ? "" : "s")} not printed).");
            return;
        }
        DirectoryInfo work;
        try
        {
            work = Directory.CreateTempSubdirectory("policydocs-pdf-");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Rules.PdfSkipped, where, $"PDFs skipped: no temporary folder for LibreOffice could be made ({e.Message}).");
            return;
        }
        try
        {
            var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, jobs.Count));
            var slots = new ConcurrentBag<Slot>();
            var made = 0;
            var results = new ConcurrentDictionary<PdfJob, byte[]>(ReferenceEqualityComparer.Instance);
            Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = workers }, job =>
            {
                if (!slots.TryTake(out var slot)) slot = new Slot(Path.Combine(work.FullName, "w" + Interlocked.Increment(ref made).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                try
                {
                    var problem = slot.Ready(office) ?? Convert(office, slot, job, results);
                    if (problem is not null)
                        diagnostics.Add(Rules.PdfSkipped, job.Source, $"The PDF of {job.DocxPath} was not made: {problem}");
                }
                finally
                {
                    slots.Add(slot);
                }
            });
            foreach (var job in jobs)
                if (results.TryGetValue(job, out var pdf)) output.Add(job.PdfPath, pdf);
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { } // a temporary folder only
        }
    }

    private static string? Convert(LibreOffice office, Slot slot, PdfJob job, ConcurrentDictionary<PdfJob, byte[]> results)
    {
        var name = Path.GetFileNameWithoutExtension(job.DocxPath);
        var docx = Path.Combine(slot.Folder, name + ".docx");
        var target = Path.Combine(slot.Folder, name + ".pdf");
        try
        {
            File.WriteAllBytes(docx, job.Docx);
            if (office.Convert(docx, target, slot.Profile, LibreOffice.TimeLimit(job.Docx.Length)) is { } problem) return problem;
            var bytes = File.ReadAllBytes(target);
            if (!bytes.AsSpan().StartsWith("%PDF-"u8)) return "LibreOffice wrote a file that is not a PDF.";
            results[job] = PdfMetadata.Normalise(bytes, job.Date);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the temporary files could not be written or read ({e.Message}).";
        }
        finally
        {
            try
            {
                File.Delete(docx);
                File.Delete(target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // removed with the folder
        }
    }

    /// <summary>One worker's folder and LibreOffice profile, prepared on first use.</summary>
    private sealed class Slot(string folder)
    {
        private bool _prepared;
        private string? _problem;

        public string Folder { get; } = folder;

        public string Profile => Path.Combine(Folder, "profile");

        public string? Ready(LibreOffice office)
        {
            if (_prepared) return _problem;
            _prepared = true;
            try
            {
                Directory.CreateDirectory(Folder);
                return _problem = office.Prepare(Profile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return _problem = $"LibreOffice's private profile could not be written ({e.Message}).";
            }
        }
    }
}
