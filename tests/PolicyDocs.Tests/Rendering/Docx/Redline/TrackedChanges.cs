using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>
/// Accepts or rejects every tracked change of a document body, as Word does, and returns the paragraph texts:
/// accepting drops w:del content, deleted rows and deleted cells and keeps w:ins content; a paragraph whose mark is deleted merges
/// with the next one. Rejecting is the inverse.
/// </summary>
internal static class TrackedChanges
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Paragraph texts of the body after accepting (true) or rejecting (false) all changes; null leaves them as they are.</summary>
    public static List<string> Paragraphs(byte[] docx, bool? accept, bool skipContents = false)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var stream = doc.MainDocumentPart!.GetStream();
        var body = XDocument.Load(stream).Root!.Element(W + "body")!;
        if (skipContents) body.Elements(W + "sdt").Remove();
        if (accept is null) return Texts(body, null);
        var drop = accept.Value ? "del" : "ins";
        var keep = accept.Value ? "ins" : "del";
        body.Descendants(W + "tr").Where(tr => tr.Element(W + "trPr")?.Element(W + drop) is not null).ToList().ForEach(tr => tr.Remove());
        // A cell marked w:cellDel goes on accepting, one marked w:cellIns on rejecting.
        var dropCell = accept.Value ? "cellDel" : "cellIns";
        body.Descendants(W + "tc").Where(tc => tc.Element(W + "tcPr")?.Element(W + dropCell) is not null).ToList().ForEach(tc => tc.Remove());
        body.Descendants(W + drop).Where(e => e.Parent?.Name != W + "rPr" && e.Parent?.Name != W + "trPr").ToList().ForEach(e => e.Remove());
        foreach (var e in body.Descendants(W + keep).Where(e => e.Parent?.Name != W + "rPr" && e.Parent?.Name != W + "trPr").ToList())
            e.ReplaceWith(e.Nodes());
        return Texts(body, drop);
    }

    /// <summary>True when the body, headers or footers hold any tracked change.</summary>
    public static int Count(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var parts = new List<OpenXmlPart> { doc.MainDocumentPart! };
        parts.AddRange(doc.MainDocumentPart!.HeaderParts);
        parts.AddRange(doc.MainDocumentPart!.FooterParts);
        var n = 0;
        foreach (var part in parts)
        {
            using var s = part.GetStream();
            n += XDocument.Load(s).Descendants().Count(e => e.Name == W + "ins" || e.Name == W + "del" || e.Name == W + "delText");
        }
        return n;
    }

    private static List<string> Texts(XElement body, string? mergingMark)
    {
        var result = new List<string>();
        var carry = new StringBuilder();
        foreach (var p in body.Descendants(W + "p"))
        {
            var sb = new StringBuilder(carry.ToString());
            carry.Clear();
            foreach (var r in p.Descendants(W + "r"))
                foreach (var c in r.Elements())
                    sb.Append(c.Name.LocalName switch { "t" or "delText" => c.Value, "tab" => "\t", "br" => "\n", _ => "" });
            if (mergingMark is not null && p.Element(W + "pPr")?.Element(W + "rPr")?.Element(W + mergingMark) is not null) carry.Append(sb);
            else result.Add(sb.ToString());
        }
        if (carry.Length > 0) result.Add(carry.ToString());
        return result;
    }
}
