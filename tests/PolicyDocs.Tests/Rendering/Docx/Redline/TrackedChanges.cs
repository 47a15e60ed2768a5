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
        DropFrontPage(body);
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

    /// <summary>
    /// The rule by which a redline's front page is no part of either version: a body whose first paragraph holds the
    /// bookmark _RedlineSummary starts with the front page, which is the body's first section, up to and including the
    /// first paragraph that carries a section break; the document begins after it, at the cover.
    /// </summary>
    public static bool DropFrontPage(XElement body)
    {
        var first = body.Elements(W + "p").FirstOrDefault();
        if (first is null || first != body.Elements().First() || !first.Elements(W + "bookmarkStart").Any(b => (string?)b.Attribute(W + "name") == "_RedlineSummary")) return false;
        var end = body.Elements(W + "p").First(p => p.Element(W + "pPr")?.Element(W + "sectPr") is not null);
        foreach (var e in body.Elements().TakeWhile(e => e != end).ToList()) e.Remove();
        end.Remove();
        return true;
    }

    /// <summary>The redline without its front page (<see cref="DropFrontPage"/>), for readers that compare whole files.</summary>
    public static byte[] WithoutFrontPage(byte[] docx)
    {
        var ms = new MemoryStream();
        ms.Write(docx);
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var part = doc.MainDocumentPart!;
            XDocument xml;
            using (var s = part.GetStream()) xml = XDocument.Load(s);
            Assert.True(DropFrontPage(xml.Root!.Element(W + "body")!), "the redline has no front page");
            using var w = part.GetStream(FileMode.Create);
            xml.Save(w);
        }
        return ms.ToArray();
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
            // Contents entries are compared without their page numbers: a redline's contents has none (RedlineContents).
            if (p.Ancestors(W + "sdt").Any() && p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value is { } style && style.StartsWith("TOC", StringComparison.Ordinal))
                sb = new StringBuilder(System.Text.RegularExpressions.Regex.Replace(sb.ToString(), @"\t\d+$", ""));
            if (mergingMark is not null && p.Element(W + "pPr")?.Element(W + "rPr")?.Element(W + mergingMark) is not null) carry.Append(sb);
            else result.Add(sb.ToString());
        }
        if (carry.Length > 0) result.Add(carry.ToString());
        return result;
    }
}
