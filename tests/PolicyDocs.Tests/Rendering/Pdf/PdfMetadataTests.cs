using System.Text;
using PolicyDocs.Rendering.Pdf;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Pdf;

/// <summary>The clock-dependent entries LibreOffice writes are replaced by facts of the content, keeping every offset.</summary>
public sealed class PdfMetadataTests
{
    // The shape LibreOffice 7.4 writes: the document information with the clock's date, a trailer with /ID and /DocChecksum.
    private static byte[] Pdf(string body, string stamp, string id, string checksum) => Encoding.ASCII.GetBytes(
        $"%PDF-1.6\n1 0 obj\n<</Type/Catalog>>\nendobj\n2 0 obj\n<</Title<FEFF0041>/Producer<FEFF004C>\n/CreationDate(D:{stamp}Z')>>\nendobj\n3 0 obj\n<</Length 4>>stream\n{body}\nendstream\nendobj\n" +
        $"xref\n0 4\n0000000000 65535 f \ntrailer\n<</Size 4/Root 1 0 R\n/Info 2 0 R\n/ID [ <{id}>\n<{id}> ]\n/DocChecksum /{checksum}\n>>\nstartxref\n60\n%%EOF\n");

    private const string IdA = "B751DDCC548B67EF1DE7351622AE0FBB";
    private const string IdB = "9E2F5CD9881167E74C4EC951D0CE1CD9";

    [Fact]
    public void Two_exports_of_one_document_at_different_times_become_the_same_bytes()
    {
        var first = Pdf("BT ET", "20261206220503", IdA, "2AA5C830319DFAFAD6C0B82158F395C1");
        var second = Pdf("BT ET", "20261206220507", IdB, "8795D8A5FBA94F774EFA5E3F4AB51300");
        var date = new DateOnly(2026, 4, 1);
        var a = PdfMetadata.Normalise(first, date);
        Assert.Equal(a, PdfMetadata.Normalise(second, date));
        Assert.Equal(first.Length, a.Length); // the cross-reference offsets stay right
        var text = Encoding.ASCII.GetString(a);
        Assert.Contains("/CreationDate(D:20260401000000Z')", text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdA, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_identifier_follows_the_content()
    {
        var date = new DateOnly(2026, 4, 1);
        var a = Encoding.ASCII.GetString(PdfMetadata.Normalise(Pdf("BT ET", "20261206220503", IdA, IdA), date));
        var b = Encoding.ASCII.GetString(PdfMetadata.Normalise(Pdf("BT XX", "20261206220503", IdA, IdA), date));
        string Id(string pdf) => pdf.Substring(pdf.IndexOf("/ID [ <", StringComparison.Ordinal) + 7, 32);
        Assert.NotEqual(Id(a), Id(b));
        Assert.Matches("^[0-9A-F]{32}$", Id(a));
        Assert.Contains($"<{Id(a)}>\n<{Id(a)}> ]\n/DocChecksum /{Id(a)}", a, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_date_the_creation_date_is_removed()
    {
        var source = Pdf("BT ET", "20261206220503", IdA, IdA);
        var result = PdfMetadata.Normalise(source, null);
        Assert.Equal(source.Length, result.Length);
        Assert.DoesNotContain("CreationDate", Encoding.ASCII.GetString(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_entries_is_unchanged()
    {
        var plain = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
        Assert.Equal(plain, PdfMetadata.Normalise(plain, new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData("downloads/cps-1.1.docx", "downloads/cps-1.1.pdf")]
    [InlineData("downloads/cps-1.0-to-1.1-redline.docx", "downloads/cps-1.0-to-1.1-redline.pdf")]
    [InlineData("cp-v1-to-v2-redline.docx", "cp-v1-to-v2-redline.pdf")]
    public void The_pdf_is_named_as_its_word_file(string docx, string pdf) =>
        Assert.Equal(pdf, new PdfJob(docx, [], null, PolicyDocs.Model.SourceSpan.File("x")).PdfPath);
}
