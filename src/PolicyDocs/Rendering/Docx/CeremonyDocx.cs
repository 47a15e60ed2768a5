using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Output;
using PolicyDocs.Model;
using PolicyDocs.Model.Ceremonies;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// The printable Word script of a key ceremony, <c>downloads/ceremony-&lt;id&gt;.docx</c>, with the content of its site
/// page: purpose, CA, date, location, roles present, materials checklist, one table per phase (one row per step with
/// boxes for operator initials, witness initials and time), a page break between phases, artifacts and a signature
/// block for every participant; when the ceremony was performed, the record filled in. Styles and page set-up come
/// from the reference document; the package is deterministic.
/// </summary>
internal static class CeremonyDocx
{
    private const string Box = "\u2610";
    private static readonly DocxBodyWriter.Format Bold = new(true, false, false, false, false);
    private static readonly DocxBodyWriter.Format Italic = new(false, true, false, false, false);

    /// <summary>The download path of a ceremony's script.</summary>
    public static string DownloadPath(string ceremonyId) => SitePaths.CeremonyDownload(ceremonyId);

    /// <summary>Renders the script of <paramref name="ceremony"/> of <paramref name="set"/> to the bytes of a .docx file.</summary>
    public static byte[] Render(PolicySet set, Ceremony ceremony, Templates.TemplateStore templates) =>
        Render(set, ceremony, ReferenceDocument.Load(templates));

    internal static byte[] Render(PolicySet set, Ceremony c, ReferenceDocument reference)
    {
        reference = reference.WithPage(set.Info.Page);
        var width = reference.TextWidth;
        var roles = set.Data.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        string RoleName(string? id) => id is null ? "" : roles.TryGetValue(id, out var r) ? r.Name : id;
        var record = c.Record;
        var recorded = new Dictionary<string, RecordStep>(StringComparer.Ordinal);
        foreach (var s in record?.Steps ?? []) recorded.TryAdd(s.Step, s);
        var body = new Body();

        body.Append(Styled("Title", "Key ceremony script: " + c.Id));
        var facts = new List<string[]>
        {
            new[] { "Purpose", c.Purpose },
            new[] { "CA", set.Data.Cas.FirstOrDefault(x => x.Id == c.Ca)?.Name ?? c.Ca },
            new[] { "Planned date", Date(c.PlannedDate) },
        };
        if (record is not null) facts.Add(["Performed on", Date(record.ActualDate)]);
        facts.Add(["Location", c.Location]);
        facts.Add(["Witness", RoleName(c.Witness)]);
        body.Append(Table(width, null, [25, 75], facts.Select(f => Cells(f, boldFirst: true))));

        body.Append(Styled("Heading1", "Roles present"));
        body.Append(Table(width, ["Role", "Persons", "Names"], [40, 15, 45],
            c.Roles.Select(r => Cells([RoleName(r.Role), r.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", r.Names.IsDefault ? [] : r.Names)]))));

        body.Append(Styled("Heading1", "Materials checklist"));
        body.Append(Table(width, ["Checked", "Item", "Serial", "Inspect for tampering", "Bag"], [10, 35, 20, 15, 20],
            c.Materials.Select(m => Cells([Box, m.Item, m.Serial ?? "", m.InspectForTampering ? "yes" : "no", m.Bag ?? ""]))));

        for (var i = 0; i < c.Phases.Length; i++)
        {
            var phase = c.Phases[i];
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Styled("Heading1", $"Phase {i + 1}: {phase.Name}"));
            body.Append(Table(width, ["Step", "Actor", "Action", "Expected result", "Operator initials", "Witness initials", "Time"], [7, 14, 27, 24, 10, 10, 8],
                phase.Steps.Select(s =>
                {
                    var done = recorded.GetValueOrDefault(s.Id);
                    var cells = Cells([s.Id, RoleName(s.Actor), s.Action, s.Expected, done?.Operator ?? "", done?.Witness ?? "", done?.Time ?? ""]);
                    foreach (var d in record?.Deviations ?? [])
                        if (d.Step == s.Id) cells[3].Add(Para("Deviation: " + (d.Explanation ?? ""), Italic));
                    return cells;
                })));
        }

        if (!c.Artifacts.IsEmpty)
        {
            body.Append(Styled("Heading1", "Artifacts"));
            body.Append(Table(width, ["Item", "Bag", "Custodian"], [50, 20, 30], c.Artifacts.Select(a => Cells([a.Item, a.Bag ?? "", RoleName(a.Custodian)]))));
        }
        if (record is not null)
        {
            body.Append(Styled("Heading1", "Record"));
            body.Append(Styled("Subheading", "Tamper-evident bags sealed"));
            body.Append(Table(width, ["Serial", "Contents"], [30, 70], record.Bags.Select(b => Cells([b.Serial, b.Contents ?? ""]))));
            body.Append(Styled("Subheading", "Deviations"));
            body.Append(Table(width, ["Step", "Explanation"], [15, 85], record.Deviations.Select(d => Cells([d.Step, d.Explanation ?? ""]))));
        }

        body.Append(Styled("Heading1", "Signatures"));
        var signatories = new List<string[]>();
        if (record is not null)
            foreach (var p in record.Participants)
                signatories.Add([RoleName(p.Role) + (p.Role == c.Witness ? " (witness)" : ""), p.Name, p.Initials, "", Date(record.ActualDate)]);
        else
            foreach (var r in c.Roles)
                for (var n = 0; n < r.Count; n++)
                    signatories.Add([RoleName(r.Role) + (r.Role == c.Witness ? " (witness)" : ""), !r.Names.IsDefault && n < r.Names.Length ? r.Names[n] : "", "", "", ""]);
        body.Append(Table(width, ["Role", "Name", "Initials", "Signature", "Date"], [26, 26, 12, 22, 14], signatories.Select(s => Cells(s))));
        body.Append(new SectionProperties(reference.PageSize.CloneNode(true), reference.PageMargin.CloneNode(true), new DocGrid { LinePitch = 360 }));

        var package = new DocxPackage();
        const string Wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        const string Rel = DocxPackage.OfficeRelationships;
        var main = package.Add(package.Root, "rId1", Rel + "officeDocument", "word/document.xml", Wml + "document.main+xml");
        main.Element = new Document(body);
        package.Add(main, "rIdStyles", Rel + "styles", "word/styles.xml", Wml + "styles+xml").Element = reference.StylesFor(set.Info.Language);
        if (reference.Fonts is not null)
            package.Add(main, "rIdFontTable", Rel + "fontTable", "word/fontTable.xml", Wml + "fontTable+xml").Element = reference.Fonts.CloneNode(true);
        return package.ToBytes();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Paragraph Styled(string style, string text)
    {
        var p = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        DocxBodyWriter.AppendText(p, text, default);
        return p;
    }

    private static Paragraph Para(string text, DocxBodyWriter.Format format)
    {
        var p = new Paragraph();
        DocxBodyWriter.AppendText(p, text, format);
        return p;
    }

    private static List<OpenXmlElement>[] Cells(string[] texts, bool boldFirst = false) =>
        [.. texts.Select((t, i) => new List<OpenXmlElement> { Para(t, boldFirst && i == 0 ? Bold : default) })];

    private static Table Table(int textWidth, string[]? header, int[] percents, IEnumerable<List<OpenXmlElement>[]> rows)
    {
        string Twips(int column) => (textWidth * percents[column] / 100).ToString(CultureInfo.InvariantCulture);
        var grid = new TableGrid();
        for (var i = 0; i < percents.Length; i++) grid.Append(new GridColumn { Width = Twips(i) });
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0", FirstRow = header is not null, LastRow = false, FirstColumn = header is null, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            grid);
        TableRow Row(List<OpenXmlElement>[] cells, bool isHeader)
        {
            var tr = new TableRow(new TableRowProperties(isHeader ? [new TableHeader(), new CantSplit()] : [new CantSplit()]));
            for (var i = 0; i < percents.Length; i++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(i), Type = TableWidthUnitValues.Dxa }));
                cell.Append(i < cells.Length && cells[i].Count > 0 ? cells[i] : [new Paragraph()]);
                tr.Append(cell);
            }
            return tr;
        }
        if (header is not null) table.Append(Row([.. header.Select(h => new List<OpenXmlElement> { Para(h, Bold) })], true));
        var any = false;
        foreach (var r in rows)
        {
            table.Append(Row(r, false));
            any = true;
        }
        if (!any) table.Append(Row([[Para("None.", Italic)]], false));
        return table;
    }
}
