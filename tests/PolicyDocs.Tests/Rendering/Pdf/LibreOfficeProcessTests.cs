using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Pipeline;
using PolicyDocs.Rendering.Pdf;
using PolicyDocs.Tests.Support;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Pdf;

/// <summary>How a build finds and runs LibreOffice, shown with stand-in programs: found by either name, a missing one
/// said plainly, a hung one stopped at its time limit, a failing one reported with what it printed.</summary>
public sealed class LibreOfficeProcessTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Program(string name, string script)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh")) Assert.Skip("/bin/sh is missing; the stand-in programs are shell scripts.");
        var path = _tree.Write("bin/" + name, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Path.GetDirectoryName(path)!;
    }

    [Fact]
    public void It_is_found_as_soffice_or_libreoffice_and_not_otherwise()
    {
        Assert.Null(LibreOffice.Find(_tree.Root));
        var bin = Program("libreoffice", "exit 0");
        Assert.Equal(Path.Combine(bin, "libreoffice"), LibreOffice.Find(bin)!.Program);
        Program("soffice", "exit 0");
        Assert.Equal(Path.Combine(bin, "soffice"), LibreOffice.Find(bin)!.Program);
    }

    [Fact]
    public void A_conversion_that_hangs_is_stopped_at_its_time_limit()
    {
        var office = LibreOffice.Find(Program("soffice", "exec sleep 60"))!;
        var docx = _tree.Write("in.docx", "x");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var problem = office.Convert(docx, _tree.PathOf("in.pdf"), _tree.PathOf("profile"), TimeSpan.FromSeconds(1));
        Assert.Equal("LibreOffice did not finish within 1 s and was stopped.", problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_conversion_that_fails_says_what_LibreOffice_printed()
    {
        var docx = _tree.Write("in.docx", "x");
        var failing = LibreOffice.Find(Program("soffice", "echo 'Error: source file could not be loaded' >&2; exit 3"))!;
        Assert.Equal("LibreOffice exited with code 3: Error: source file could not be loaded", failing.Convert(docx, _tree.PathOf("in.pdf"), _tree.PathOf("p"), TimeSpan.FromMinutes(1)));
        var silent = LibreOffice.Find(Program("soffice", "exit 0"))!;
        Assert.Equal("LibreOffice wrote no PDF (it could not open the Word file or export it).", silent.Convert(docx, _tree.PathOf("in.pdf"), _tree.PathOf("p"), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void The_time_limit_grows_with_the_document() =>
        Assert.True(LibreOffice.TimeLimit(350_000) > LibreOffice.TimeLimit(10_000) && LibreOffice.TimeLimit(10_000) >= TimeSpan.FromMinutes(1));

    [Fact]
    public void A_failed_conversion_is_a_warning_on_its_document_and_the_build_goes_on()
    {
        var office = LibreOffice.Find(Program("soffice", "exit 0"))!;
        var output = new OutputSet();
        var diagnostics = new DiagnosticBag();
        PdfRenderer.Render([new PdfJob("downloads/cp-1.0.docx", [1, 2, 3], null, SourceSpan.File("documents/cp/document.yaml"))], office, output, diagnostics, SourceSpan.File("policyset.yaml"));
        var d = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PD0403", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("documents/cp/document.yaml", d.Span.Path);
        Assert.StartsWith("The PDF of downloads/cp-1.0.docx was not made: LibreOffice wrote no PDF", d.Message, StringComparison.Ordinal);
        Assert.Empty(output.Files);
    }

    [Fact]
    public void Without_LibreOffice_the_build_says_so_once_and_publishes_everything_else()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp"));
        var site = SiteBuilder.Build(c.Published!, null, wordDownloads: true, PdfDownloads.Missing);
        Assert.False(site.HasErrors, string.Join("\n", site.Diagnostics));
        var d = Assert.Single(site.Diagnostics);
        Assert.Equal("PD0403", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.StartsWith("LibreOffice (soffice/libreoffice) not found on PATH: PDFs skipped", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Output.Files, f => f.Key.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains(site.Output.Files, f => f.Key.EndsWith(".docx", StringComparison.Ordinal));
        Assert.DoesNotContain(".pdf", System.Text.Encoding.UTF8.GetString(site.Output.Get("index.html")!), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_pdf_option_no_LibreOffice_is_looked_for()
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp"));
        Assert.Empty(SiteBuilder.Build(c.Published!).Diagnostics);
    }
}
