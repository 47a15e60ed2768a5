using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>
/// Accepts or rejects every tracked change of a document body and its footnotes, as Word does, and returns the
/// paragraph texts: accepting drops w:del and w:moveFrom content and deleted rows and keeps w:ins and w:moveTo content (deleted cells go
/// on accepting, inserted ones on rejecting);
/// a paragraph whose mark is deleted merges with the next one. Rejecting is the inverse. A redline's front page is no part of either version
/// (<see cref="DropFrontPage"/>). Formatting changes
/// (w:pPrChange, w:rPrChange) are dropped on accepting and give back the old properties on rejecting.
/// </summary>
internal static class TrackedChanges
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Paragraph texts of the body after accepting (true) or rejecting (false) all changes; null leaves them as they
    /// are. Then the text of each footnote, in the order the body refers to them, each paragraph starting "[note] ".</summary>
    public static List<string> Paragraphs(byte[] docx, bool? accept, bool skipContents = false)
    {
        var (body, notes, _) = Load(docx, accept, skipContents);
        var result = Texts(body, Merging(accept));
        foreach (var reference in body.Descendants(W + "footnoteReference"))
            if (notes.TryGetValue((string)reference.Attribute(W + "id")!, out var note))
                result.AddRange(Texts(note, Merging(accept)).Select(t => "[note] " + t));
        return result;
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

    /// <summary>
    /// The formatting of each paragraph of the body after accepting or rejecting all changes: its style, list kind and
    /// level, and its text run by run with each run's properties ("[b,i]word"); a list is named by its kind, not its instance.
    /// </summary>
    public static List<string> Formatting(byte[] docx, bool? accept, bool skipContents = false)
    {
        var (body, _, kinds) = Load(docx, accept, skipContents);
        if (accept is { } a)
        {
            foreach (var change in body.Descendants(W + "pPrChange").ToList())
            {
                if (!a)
                {
                    var pPr = change.Parent!;
                    pPr.Elements().Where(e => e.Name.LocalName is not ("rPr" or "sectPr" or "pPrChange")).Remove();
                    pPr.AddFirst(change.Element(W + "pPr")?.Elements() ?? []);
                }
                change.Remove();
            }
            foreach (var change in body.Descendants(W + "rPrChange").ToList())
            {
                var rPr = change.Parent!;
                change.Remove();
                if (!a)
                {
                    rPr.RemoveNodes();
                    rPr.Add(change.Element(W + "rPr")?.Elements() ?? []);
                }
            }
        }
        var result = new List<string>();
        var carry = new StringBuilder();
        var mergingMark = Merging(accept);
        foreach (var p in body.Descendants(W + "p"))
        {
            var sb = new StringBuilder(carry.ToString());
            carry.Clear();
            string? last = null;
            foreach (var r in p.Descendants(W + "r"))
            {
                var text = string.Concat(r.Elements().Select(c => c.Name.LocalName switch { "t" or "delText" => c.Value, "tab" => "\t", "br" => "\n", _ => "" }));
                if (text.Length == 0) continue;
                var props = string.Join(",", r.Element(W + "rPr")?.Elements().Select(e => e.Name.LocalName + string.Concat(e.Attributes().Select(x => "=" + x.Value))) ?? []);
                if (props != last) sb.Append('[').Append(props).Append(']');
                last = props;
                sb.Append(text);
            }
            var pPr = p.Element(W + "pPr");
            if (mergingMark is not null && pPr?.Element(W + "rPr")?.Element(W + mergingMark) is not null) { carry.Append(sb); continue; }
            var style = (string?)pPr?.Element(W + "pStyle")?.Attribute(W + "val") ?? "";
            var numPr = pPr?.Element(W + "numPr");
            var list = numPr is null ? "" : $" list {kinds.GetValueOrDefault((string?)numPr.Element(W + "numId")?.Attribute(W + "val") ?? "")} level {(string?)numPr.Element(W + "ilvl")?.Attribute(W + "val")}";
            var indent = (string?)pPr?.Element(W + "ind")?.Attribute(W + "left");
            result.Add($"{style}{list}{(indent is null ? "" : " indent " + indent)}: {sb}");
        }
        return result;
    }

    private static string? Merging(bool? accept) => accept is null ? null : accept.Value ? "del" : "ins";

    private static (XElement Body, Dictionary<string, XElement> Notes, Dictionary<string, string> ListKinds) Load(byte[] docx, bool? accept, bool skipContents)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        XElement Root(OpenXmlPart part)
        {
            using var stream = part.GetStream();
            return XDocument.Load(stream).Root!;
        }
        var body = Root(doc.MainDocumentPart!).Element(W + "body")!;
        DropFrontPage(body);
        if (skipContents) body.Elements(W + "sdt").Remove();
        var notes = new Dictionary<string, XElement>();
        if (doc.MainDocumentPart!.FootnotesPart is { } fn)
            foreach (var note in Root(fn).Elements(W + "footnote")) notes[(string)note.Attribute(W + "id")!] = note;
        var kinds = new Dictionary<string, string>();
        if (doc.MainDocumentPart!.NumberingDefinitionsPart is { } numbering)
            foreach (var num in Root(numbering).Elements(W + "num"))
                kinds[(string)num.Attribute(W + "numId")!] = (string?)num.Element(W + "abstractNumId")?.Attribute(W + "val") ?? "";
        if (accept is { } a)
        {
            Apply(body, a);
            foreach (var note in notes.Values) Apply(note, a);
        }
        return (body, notes, kinds);
    }

    private static void Apply(XElement root, bool accept)
    {
        var drop = accept ? "del" : "ins";
        var keep = accept ? "ins" : "del";
        var dropMove = accept ? "moveFrom" : "moveTo";
        var keepMove = accept ? "moveTo" : "moveFrom";
        root.Descendants(W + "tr").Where(tr => tr.Element(W + "trPr")?.Element(W + drop) is not null).ToList().ForEach(tr => tr.Remove());
        // A cell marked w:cellDel goes on accepting, one marked w:cellIns on rejecting.
        var dropCell = accept ? "cellDel" : "cellIns";
        root.Descendants(W + "tc").Where(tc => tc.Element(W + "tcPr")?.Element(W + dropCell) is not null).ToList().ForEach(tc => tc.Remove());
        bool Content(XElement e) => e.Parent?.Name != W + "rPr" && e.Parent?.Name != W + "trPr";
        root.Descendants().Where(e => (e.Name == W + drop || e.Name == W + dropMove) && Content(e)).ToList().ForEach(e => e.Remove());
        foreach (var e in root.Descendants().Where(e => (e.Name == W + keep || e.Name == W + keepMove) && Content(e)).ToList())
            e.ReplaceWith(e.Nodes());
        // A moved paragraph's mark: moveFrom marks merge on accepting as deleted ones do, moveTo marks on rejecting.
        foreach (var mark in root.Descendants(W + dropMove).ToList()) mark.ReplaceWith(new XElement(W + drop));
    }

    /// <summary>How many tracked changes the body, headers, footers and footnotes hold.</summary>
    public static int Count(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var parts = new List<OpenXmlPart> { doc.MainDocumentPart! };
        parts.AddRange(doc.MainDocumentPart!.HeaderParts);
        parts.AddRange(doc.MainDocumentPart!.FooterParts);
        if (doc.MainDocumentPart!.FootnotesPart is { } fn) parts.Add(fn);
        var n = 0;
        foreach (var part in parts)
        {
            using var s = part.GetStream();
            n += XDocument.Load(s).Descendants().Count(e => e.Name.LocalName is "ins" or "del" or "delText" or "moveFrom" or "moveTo" or "pPrChange" or "rPrChange");
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
