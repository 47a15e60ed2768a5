using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace PolicyDocs.Rendering.Docx;

/// <summary>One thing Word is known to reject or mishandle although the schema validator accepts it.</summary>
/// <param name="Check">Number of the check (1–10), as listed on <see cref="WordRulesLint"/>.</param>
/// <param name="Part">The package part ("/word/document.xml").</param>
/// <param name="Message">What is wrong.</param>
internal sealed record WordLintFinding(int Check, string Part, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Part}: check {Check}: {Message}";
}

/// <summary>
/// "Word rules" that <c>OpenXmlValidator</c> does not enforce: (1) deleted text only in w:delText inside w:del;
/// (2) unique revision ids, disjoint from bookmark ids, bookmarks paired; (3) no nested w:ins/w:del; (4) no run with
/// both w:t and w:delText; (5) no deleted final paragraph mark in a container; (6) every w:tc holds and ends with a
/// w:p; (7) hyperlink anchors and REF/PAGEREF targets name existing bookmarks, names unique and at most 40 characters;
/// (8) fields balanced with a non-empty cached result; (9) styles and numbering ids exist; (10) sectPr child order.
/// </summary>
internal static partial class WordRulesLint
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly HashSet<string> RevisionElements =
        ["ins", "del", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "cellIns", "cellDel", "moveFrom", "moveTo", "numberingChange"];

    private static readonly string[] SectPrOrder =
    [
        "headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType",
        "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
    ];

    /// <summary>Checks the .docx package <paramref name="docx"/>; an empty list means no finding.</summary>
    public static IReadOnlyList<WordLintFinding> Check(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return Check(doc);
    }

    /// <summary>Checks an open document.</summary>
    public static IReadOnlyList<WordLintFinding> Check(WordprocessingDocument doc)
    {
        var findings = new List<WordLintFinding>();
        var main = doc.MainDocumentPart;
        if (main is null) return [new WordLintFinding(0, "/", "The package has no main document part.")];

        var parts = new List<(string Name, XDocument Xml, string Kind)> { (main.Uri.ToString(), Load(main), "body") };
        parts.AddRange(main.HeaderParts.OrderBy(p => p.Uri.ToString(), StringComparer.Ordinal).Select(p => (p.Uri.ToString(), Load(p), "hdr")));
        parts.AddRange(main.FooterParts.OrderBy(p => p.Uri.ToString(), StringComparer.Ordinal).Select(p => (p.Uri.ToString(), Load(p), "ftr")));
        if (main.FootnotesPart is { } fn) parts.Add((fn.Uri.ToString(), Load(fn), "footnote"));
        if (main.EndnotesPart is { } en) parts.Add((en.Uri.ToString(), Load(en), "endnote"));
        if (main.WordprocessingCommentsPart is { } cm) parts.Add((cm.Uri.ToString(), Load(cm), "comment"));

        var styleIds = main.StyleDefinitionsPart is { } sp ? Load(sp).Descendants(W + "style").Select(s => (string?)s.Attribute(W + "styleId")).OfType<string>().ToHashSet(StringComparer.Ordinal) : [];
        var numIds = main.NumberingDefinitionsPart is { } np ? Load(np).Root?.Elements(W + "num").Select(n => (string?)n.Attribute(W + "numId")).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [] : [];

        var bookmarkNames = new HashSet<string>(StringComparer.Ordinal);
        var revisionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var bookmarkIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, xml, _) in parts)
        {
            foreach (var b in xml.Descendants(W + "bookmarkStart"))
            {
                var bName = (string?)b.Attribute(W + "name") ?? "";
                var id = (string?)b.Attribute(W + "id") ?? "";
                if (!bookmarkNames.Add(bName)) findings.Add(new(7, name, $"Bookmark name '{bName}' is used twice."));
                if (bName.Length > 40) findings.Add(new(7, name, $"Bookmark name '{bName}' is longer than 40 characters."));
                if (!bookmarkIds.Add(id)) findings.Add(new(2, name, $"Bookmark id {id} is used twice."));
            }
            var ends = xml.Descendants(W + "bookmarkEnd").Select(e => (string?)e.Attribute(W + "id") ?? "").ToList();
            var starts = xml.Descendants(W + "bookmarkStart").Select(e => (string?)e.Attribute(W + "id") ?? "").ToHashSet(StringComparer.Ordinal);
            foreach (var id in ends.Where(e => !starts.Contains(e))) findings.Add(new(2, name, $"bookmarkEnd {id} has no bookmarkStart."));
            foreach (var id in starts.Where(s => !ends.Contains(s))) findings.Add(new(2, name, $"bookmarkStart {id} has no bookmarkEnd."));
            foreach (var e in xml.Descendants().Where(e => e.Name.Namespace == W && RevisionElements.Contains(e.Name.LocalName)))
            {
                var id = (string?)e.Attribute(W + "id");
                if (id is null) continue;
                if (revisionIds.TryGetValue(id, out var other)) findings.Add(new(2, name, $"Revision id {id} is used by w:{e.Name.LocalName} and w:{other}."));
                else revisionIds[id] = e.Name.LocalName;
            }
        }
        foreach (var id in revisionIds.Keys.Where(bookmarkIds.Contains))
            findings.Add(new(2, main.Uri.ToString(), $"Revision id {id} is also a bookmark id."));

        foreach (var (name, xml, kind) in parts)
        {
            // 1. Deleted text.
            foreach (var t in xml.Descendants(W + "t").Where(t => t.Ancestors(W + "del").Any()))
                findings.Add(new(1, name, $"w:t inside w:del (\"{Short(t.Value)}\"); deleted text must be w:delText."));
            foreach (var t in xml.Descendants().Where(e => e.Name == W + "delText" || e.Name == W + "delInstrText"))
                if (!t.Ancestors().Any(a => a.Name == W + "del" || a.Name == W + "moveFrom"))
                    findings.Add(new(1, name, $"w:{t.Name.LocalName} outside w:del (\"{Short(t.Value)}\")."));
            // 3. Nesting.
            foreach (var e in xml.Descendants(W + "ins").Where(e => e.Ancestors(W + "ins").Any()))
                findings.Add(new(3, name, "w:ins nested in w:ins."));
            foreach (var e in xml.Descendants(W + "del").Where(e => e.Ancestors(W + "del").Any()))
                findings.Add(new(3, name, "w:del nested in w:del."));
            // 4. Mixed runs.
            foreach (var r in xml.Descendants(W + "r").Where(r => r.Elements(W + "t").Any() && r.Elements(W + "delText").Any()))
                findings.Add(new(4, name, "A run holds both w:t and w:delText."));
            // 5. Final paragraph marks.
            var containers = new List<XElement>();
            if (kind == "body" && xml.Root?.Element(W + "body") is { } body) containers.Add(body);
            if (kind is "hdr" or "ftr" && xml.Root is { } root) containers.Add(root);
            if (kind is "footnote" or "endnote" or "comment" && xml.Root is { } notes) containers.AddRange(notes.Elements());
            containers.AddRange(xml.Descendants(W + "tc"));
            foreach (var c in containers)
            {
                var last = c.Elements(W + "p").LastOrDefault();
                if (last?.Element(W + "pPr")?.Element(W + "rPr")?.Element(W + "del") is not null)
                    findings.Add(new(5, name, $"The final paragraph mark of a w:{c.Name.LocalName} is marked deleted."));
            }
            // 6. Cells.
            foreach (var tc in xml.Descendants(W + "tc"))
            {
                var blocks = tc.Elements().Where(e => e.Name != W + "tcPr").ToList();
                if (!blocks.Any(b => b.Name == W + "p")) findings.Add(new(6, name, "A table cell has no paragraph."));
                else if (blocks[^1].Name != W + "p") findings.Add(new(6, name, "A table cell does not end with a paragraph."));
            }
            // 7. Link and field targets.
            foreach (var h in xml.Descendants(W + "hyperlink"))
                if ((string?)h.Attribute(W + "anchor") is { } anchor && h.Attribute(R + "id") is null && !bookmarkNames.Contains(anchor))
                    findings.Add(new(7, name, $"Hyperlink to missing bookmark '{anchor}'."));
            foreach (var instr in Instructions(xml))
            {
                var m = RefField().Match(instr);
                if (m.Success && !bookmarkNames.Contains(m.Groups[2].Value))
                    findings.Add(new(7, name, $"{m.Groups[1].Value} field names missing bookmark '{m.Groups[2].Value}'."));
            }
            // 8. Fields.
            CheckFields(name, xml, findings);
            // 9. Styles and numbering.
            foreach (var e in xml.Descendants().Where(e => e.Name == W + "pStyle" || e.Name == W + "rStyle" || e.Name == W + "tblStyle"))
                if ((string?)e.Attribute(W + "val") is { } v && !styleIds.Contains(v))
                    findings.Add(new(9, name, $"w:{e.Name.LocalName} '{v}' is not defined in styles.xml."));
            foreach (var e in xml.Descendants(W + "numId"))
                if ((string?)e.Attribute(W + "val") is { } v && v != "0" && !numIds.Contains(v))
                    findings.Add(new(9, name, $"w:numId {v} is not defined in numbering.xml."));
            // 10. Section properties.
            foreach (var sectPr in xml.Descendants(W + "sectPr"))
                CheckSectPr(name, sectPr, findings);
        }
        return findings;
    }

    private static XDocument Load(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return XDocument.Load(stream);
    }

    private static string Short(string s) => s.Length <= 30 ? s : s[..30] + "…";

    private static IEnumerable<string> Instructions(XDocument xml)
    {
        foreach (var f in xml.Descendants(W + "fldSimple")) yield return (string?)f.Attribute(W + "instr") ?? "";
        foreach (var i in xml.Descendants(W + "instrText")) yield return i.Value;
    }

    private static void CheckFields(string name, XDocument xml, List<WordLintFinding> findings)
    {
        foreach (var f in xml.Descendants(W + "fldSimple"))
            if (!f.Descendants(W + "t").Any(t => t.Value.Length > 0))
                findings.Add(new(8, name, $"Field '{((string?)f.Attribute(W + "instr"))?.Trim()}' has no cached result."));
        // Complex fields: walk fldChar, t and instrText in document order with a stack of open fields.
        var stack = new Stack<(string Instr, bool Separated, bool HasResult)>();
        foreach (var e in xml.Descendants().Where(e => e.Name == W + "fldChar" || e.Name == W + "t" || e.Name == W + "instrText"))
        {
            if (e.Name == W + "fldChar")
            {
                switch ((string?)e.Attribute(W + "fldCharType"))
                {
                    case "begin":
                        stack.Push(("", false, false));
                        break;
                    case "separate":
                        if (stack.Count == 0) { findings.Add(new(8, name, "A field separator without a field begin.")); break; }
                        var s = stack.Pop();
                        stack.Push(s with { Separated = true });
                        break;
                    case "end":
                        if (stack.Count == 0) { findings.Add(new(8, name, "A field end without a field begin.")); break; }
                        var done = stack.Pop();
                        if (!done.Separated || !done.HasResult)
                            findings.Add(new(8, name, $"Field '{done.Instr.Trim()}' has no cached result."));
                        if (done.HasResult && stack.Count > 0) { var outer = stack.Pop(); stack.Push(outer.Separated ? outer with { HasResult = true } : outer); }
                        break;
                }
            }
            else if (stack.Count > 0)
            {
                var top = stack.Pop();
                if (e.Name == W + "instrText" && !top.Separated) top = top with { Instr = top.Instr + e.Value };
                else if (e.Name == W + "t" && top.Separated && e.Value.Length > 0) top = top with { HasResult = true };
                stack.Push(top);
            }
        }
        foreach (var open in stack) findings.Add(new(8, name, $"Field '{open.Instr.Trim()}' is never ended."));
    }

    private static void CheckSectPr(string name, XElement sectPr, List<WordLintFinding> findings)
    {
        var last = -1;
        foreach (var child in sectPr.Elements())
        {
            var index = Array.FindIndex(SectPrOrder, o => o.Split('|').Contains(child.Name.LocalName));
            if (index < 0) continue;
            if (index < last)
            {
                findings.Add(new(10, name, $"w:sectPr: w:{child.Name.LocalName} is out of order (header/footer references first, then pgSz, pgMar, ...)."));
                return;
            }
            last = index;
        }
    }

    [GeneratedRegex(@"^\s*(REF|PAGEREF|NOTEREF)\s+(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex RefField();
}
