using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Checks;

/// <summary>
/// Markdown the renderers cannot carry faithfully: ragged table rows (PD0301) and raw HTML (PD0303; line breaks and bare anchors, which every output carries, are none). Reported once here so every renderer can rely on the model.
/// </summary>
internal static class MarkdownContentCheck
{
    /// <summary>Checks every section body of <paramref name="doc"/>.</summary>
    public static void Check(PolicyDocument doc, DiagnosticBag diagnostics)
    {
        foreach (var section in doc.AllSections.Concat(doc.Appendices.SelectMany(Flatten)))
        {
            if (section.Body is null) continue;
            foreach (var node in section.Body.Descendants())
            {
                switch (node)
                {
                    case Table table:
                        CheckTable(section, table, diagnostics);
                        break;
                    case HtmlBlock { Type: not HtmlBlockType.Comment } block when !HtmlAnchors.IsOnly(block):
                        diagnostics.Add(Rules.RawHtml, SourceLocator.Locate(section, block, FirstLine(block)),
                            $"Raw HTML block in section {section.Number}: {Shorten(FirstLine(block))}");
                        break;
                    case HtmlInline html when !html.Tag.StartsWith("<!--", StringComparison.Ordinal) && !HtmlBreak.Is(html.Tag) && !HtmlAnchors.IsPart(html)
                                            && PolicyDocs.Markdown.HtmlFormatting.Of(html.Tag) is null:
                        diagnostics.Add(Rules.RawHtml, SourceLocator.Locate(section, html, html.Tag),
                            $"Raw HTML in section {section.Number}: {Shorten(html.Tag)}");
                        break;
                }
            }
        }
    }

    private static IEnumerable<Section> Flatten(Section s) => [s, .. s.Children.SelectMany(Flatten)];

    private static void CheckTable(Section section, Table table, DiagnosticBag diagnostics)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count == 0) return;
        // Markdig pads short rows and drops extra cells, so count the cells as written in the row's source line. A pipe
        // table is one row a line, the delimiter row second; Markdig's own line of a row of blank cells is not reliable.
        var lines = (section.BoundSource ?? section.Source).Split('\n');
        int LineOf(int index) => table.Line + (index == 0 ? 0 : index + 1);
        int Written(int index) => LineOf(index) is var l && l >= 0 && l < lines.Length ? CellsIn(lines[l]) : rows[index].Count;
        var expected = Written(0);
        for (var i = 1; i < rows.Count; i++)
        {
            var count = Written(i);
            var line = LineOf(i);
            if (count == expected || line < 0 || line >= lines.Length) continue;
            var written = lines[line].Trim();
            diagnostics.Add(Rules.RaggedTable, SourceLocator.Locate(section, line, lines[line].IndexOf(written, StringComparison.Ordinal), written),
                $"Table row has {count} cell{(count == 1 ? "" : "s")} but the header has {expected}.");
        }
    }

    /// <summary>Cells in one pipe-table line: unescaped pipes outside code spans separate cells; outer pipes are optional.</summary>
    internal static int CellsIn(string line)
    {
        var text = line.Trim();
        var separators = 0;
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\\') { i++; continue; }
            if (ch == '`') inCode = !inCode;
            else if (ch == '|' && !inCode && i > 0 && i < text.Length - 1) separators++;
        }
        return separators + 1;
    }

    private static string FirstLine(LeafBlock block) => block.Lines.Count > 0 ? block.Lines.Lines[0].Slice.ToString() : "";

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
