using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>A redline's tracked changes as text, for golden files: each body paragraph that holds a change, its text with
/// "[-deleted-]", "{+inserted+}", "[&lt;moved from&lt;]" and "{&gt;moved to&gt;}", its mark's change and its move ranges.</summary>
internal static class Revisions
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static string Readable(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var stream = doc.MainDocumentPart!.GetStream();
        var body = XDocument.Load(stream).Root!.Element(W + "body")!;
        var sb = new StringBuilder();
        foreach (var p in body.Descendants(W + "p"))
        {
            var line = new StringBuilder();
            var changed = false;
            foreach (var e in p.Descendants())
            {
                switch (e.Name.LocalName)
                {
                    case "moveFromRangeStart" or "moveToRangeStart":
                        line.Append('<').Append(e.Name.LocalName[..^"RangeStart".Length]).Append(' ').Append((string?)e.Attribute(W + "name")).Append('>');
                        changed = true;
                        break;
                    case "moveFromRangeEnd" or "moveToRangeEnd":
                        line.Append("</").Append(e.Name.LocalName[..^"RangeEnd".Length]).Append('>');
                        break;
                    case "t" or "delText":
                        var wrap = e.Ancestors().FirstOrDefault(a => a.Name.LocalName is "ins" or "del" or "moveFrom" or "moveTo" && a.Parent?.Name.LocalName != "rPr");
                        var (open, close) = wrap?.Name.LocalName switch
                        {
                            "ins" => ("{+", "+}"), "del" => ("[-", "-]"), "moveFrom" => ("[<", "<]"), "moveTo" => ("{>", ">}"), _ => ("", ""),
                        };
                        changed |= wrap is not null;
                        line.Append(open).Append(e.Value).Append(close);
                        break;
                }
            }
            var mark = p.Element(W + "pPr")?.Element(W + "rPr")?.Elements().FirstOrDefault(e => e.Name.LocalName is "ins" or "del" or "moveFrom" or "moveTo");
            if (mark is not null) { line.Append(" ¶").Append(mark.Name.LocalName); changed = true; }
            if (changed) sb.Append(line.Replace("+}{+", "").Replace("-][-", "").Replace("<][<", "").Replace(">}{>", "")).Append('\n');
        }
        return sb.ToString();
    }
}
