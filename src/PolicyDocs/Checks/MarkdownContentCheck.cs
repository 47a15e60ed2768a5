using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Model;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Checks;

/// <summary>
/// Markdown the renderers cannot carry faithfully: ragged table rows (PD0301), images whose file is missing (PD0302)
/// and raw HTML (PD0303). Reported once here so every renderer can rely on the model.
/// </summary>
public static class MarkdownContentCheck
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
                    case LinkInline { IsImage: true, Url: { } url } image when IsLocal(url):
                        var folder = Path.GetDirectoryName(Path.GetFullPath(section.Span.Path)) ?? ".";
                        var file = Uri.UnescapeDataString(url.Split('#', '?')[0]);
                        if (!File.Exists(Path.Combine(folder, file)))
                            diagnostics.Add(Rules.MissingImage, SourceLocator.Locate(section, image, url),
                                $"Image '{url}' does not exist (looked for {Path.Combine(folder, file)}).");
                        break;
                    case HtmlBlock { Type: not HtmlBlockType.Comment } block:
                        diagnostics.Add(Rules.RawHtml, SourceLocator.Locate(section, block, FirstLine(block)),
                            $"Raw HTML block in section {section.Number}: {Shorten(FirstLine(block))}");
                        break;
                    case HtmlInline html when !html.Tag.StartsWith("<!--", StringComparison.Ordinal):
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
        // Markdig pads short rows with cells that have no source span; count the cells actually written.
        static int Written(TableRow row) => row.OfType<TableCell>().Count(c => c.Span.End >= c.Span.Start);
        var expected = Written(rows[0]);
        foreach (var row in rows.Skip(1))
        {
            var count = Written(row);
            if (count != expected)
                diagnostics.Add(Rules.RaggedTable, SourceLocator.Locate(section, row, null),
                    $"Table row has {count} cell{(count == 1 ? "" : "s")} but the header has {expected}.");
        }
    }

    private static bool IsLocal(string url) =>
        url.Length > 0 && !url.Contains("://", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal);

    private static string FirstLine(LeafBlock block) => block.Lines.Count > 0 ? block.Lines.Lines[0].Slice.ToString() : "";

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
