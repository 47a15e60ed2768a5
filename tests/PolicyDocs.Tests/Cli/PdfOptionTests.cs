using PolicyDocs.Rendering.Pdf;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary><c>build</c> prints the Word files as PDF by default and not with <c>--no-pdf</c>.</summary>
public sealed class PdfOptionTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Build_writes_a_pdf_beside_each_word_file_unless_told_not_to()
    {
        if (LibreOffice.Find() is null) Assert.Skip("LibreOffice (soffice) is not installed; CI installs libreoffice-writer-nogui.");
        var content = PolicySetBuilder.Valid("cp").WriteTo(_tree.PathOf("content"));
        var site = _tree.PathOf("site");
        var (code, _, err) = Run.CliWithPdf("build", "--content", content, "--output", site);
        Assert.True(code == 0, err);
        var word = Assert.Single(Directory.GetFiles(Path.Combine(site, "downloads"), "cp-*.docx"));
        Assert.True(File.Exists(word[..^".docx".Length] + ".pdf"), err);
        Assert.Contains("downloads/" + Path.GetFileNameWithoutExtension(word) + ".pdf", File.ReadAllText(Path.Combine(site, "SHA256SUMS")), StringComparison.Ordinal);

        var bare = _tree.PathOf("bare");
        (code, _, err) = Run.CliWithPdf("build", "--content", content, "--output", bare, "--no-pdf");
        Assert.True(code == 0, err);
        Assert.Empty(Directory.GetFiles(Path.Combine(bare, "downloads"), "*.pdf"));
        Assert.DoesNotContain("PD0403", err, StringComparison.Ordinal);
    }
}
