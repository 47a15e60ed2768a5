using PolicyDocs.Pipeline;
using System.IO.Compression;
using System.Xml.Linq;
using PolicyDocs.Output;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Docx;
using Xunit;
using static PolicyDocs.Tests.Rendering.Docx.DocxTestKit;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>The Word scripts of the key ceremonies, downloads/ceremony-&lt;id&gt;.docx.</summary>
public sealed class CeremonyDocxTests
{
    private static string Text(XElement e) => string.Concat(e.Descendants(W + "t").Select(t => t.Value));

    [Fact]
    public void Every_ceremony_script_has_a_table_per_phase_with_initial_boxes_page_breaks_and_signatures()
    {
        var c = Sample();
        var set = c.Published!.Set;
        Assert.NotEmpty(set.Ceremonies);
        foreach (var ceremony in set.Ceremonies)
        {
            var docx = CeremonyDocx.Render(set, ceremony, c.Templates);
            Assert.Empty(DocxTestKit.Problems(docx));
            var body = DocumentXml(docx).Root!.Element(W + "body")!;
            var headings = body.Elements(W + "p")
                .Where(p => (string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val") == "Heading1").Select(Text).ToList();
            Assert.Equal(ceremony.Phases.Select((p, i) => $"Phase {i + 1}: {p.Name}"), headings.Where(h => h.StartsWith("Phase ", StringComparison.Ordinal)));
            Assert.Contains("Materials checklist", headings);
            Assert.Equal("Signatures", headings[^1]);
            Assert.Equal(ceremony.Phases.Length, body.Descendants(W + "br").Count(b => (string?)b.Attribute(W + "type") == "page"));

            var tables = body.Elements(W + "tbl").ToList();
            foreach (var phase in ceremony.Phases)
            {
                var table = tables.Single(t => Text(t.Elements(W + "tr").ElementAt(1).Elements(W + "tc").First()) == phase.Steps[0].Id);
                var rows = table.Elements(W + "tr").ToList();
                Assert.NotNull(rows[0].Element(W + "trPr")?.Element(W + "tblHeader"));
                Assert.Equal(["Step", "Actor", "Action", "Expected result", "Operator initials", "Witness initials", "Time"], rows[0].Elements(W + "tc").Select(Text));
                Assert.Equal(phase.Steps.Select(s => s.Id), rows.Skip(1).Select(r => Text(r.Elements(W + "tc").First())));
                Assert.Equal(phase.Steps.Select(s => s.Action), rows.Skip(1).Select(r => Text(r.Elements(W + "tc").ElementAt(2).Elements(W + "p").First())));
            }
            var signatures = tables[^1].Elements(W + "tr").Skip(1).ToList();
            var expected = ceremony.Record is { } record ? record.Participants.Length : ceremony.Roles.Sum(r => r.Count);
            Assert.Equal(expected, signatures.Count);
        }
    }

    [Fact]
    public void A_performed_ceremony_shows_its_record_filled_in()
    {
        var c = Sample();
        var ceremony = c.Published!.Set.Ceremonies.First(x => x.Record is not null);
        var record = ceremony.Record!;
        var xml = DocumentXml(CeremonyDocx.Render(c.Published!.Set, ceremony, c.Templates));
        var first = record.Steps.First(s => s.Operator is not null && s.Time is not null);
        var row = xml.Descendants(W + "tr").First(r => Text(r.Elements(W + "tc").First()) == first.Step);
        var cells = row.Elements(W + "tc").Select(Text).ToList();
        Assert.Equal(first.Operator, cells[4]);
        Assert.Equal(first.Time, cells[6]);
        var all = Text(xml.Root!);
        Assert.Contains(CeremonyPageRendererDate(record.ActualDate), all);
        Assert.All(record.Participants, p => Assert.Contains(p.Name, all));
        Assert.All(record.Deviations, d => Assert.Contains("Deviation: " + d.Explanation, all));
    }

    private static string CeremonyPageRendererDate(DateOnly d) => PolicyDocs.Rendering.Html.CeremonyPageRenderer.Date(d);

    [Fact]
    public void Scripts_are_deterministic_and_published_and_linked_from_the_ceremony_page()
    {
        var c = Sample();
        var ceremony = c.Published!.Set.Ceremonies[0];
        Assert.Equal(CeremonyDocx.Render(c.Published!.Set, ceremony, c.Templates), CeremonyDocx.Render(Sample().Published!.Set, Sample().Published!.Set.Ceremonies[0], c.Templates));
        var build = SiteBuilder.Build(c.Published!);
        Assert.Empty(build.Diagnostics);
        var path = CeremonyDocx.DownloadPath(ceremony.Id);
        Assert.NotNull(build.Output.Get(path));
        var page = System.Text.Encoding.UTF8.GetString(build.Output.Get("ceremonies/" + ceremony.Id + "/index.html")!);
        Assert.Contains("href=\"../../" + path + "\"", page, StringComparison.Ordinal);
    }
}
