using PolicyDocs.Pipeline;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

using PolicyDocs.Tests.Checks;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Html;

public sealed class RolesPagesRenderingTests
{
    private static (IDocument Page, global::PolicyDocs.Output.OutputSet Output) Render(RolesFixture f, string path)
    {
        var output = SiteBuilder.Build(f.Compile().Published!).Output;
        var bytes = output.Get(path);
        Assert.NotNull(bytes);
        return (new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes)), output);
    }

    [Fact]
    public void Roles_page_has_a_row_per_task_and_a_column_per_role()
    {
        using var f = new RolesFixture();
        var (page, _) = Render(f, "roles/index.html");
        var matrix = page.QuerySelector("table.roles-matrix")!;
        Assert.Equal(["Task", "Minimum persons", "Security Officer", "CA Administrator", "Key Custodian", "Internal Auditor"],
            matrix.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = matrix.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        var generation = page.GetElementById("task-ca-key-generation")!;
        Assert.Equal("3", generation.QuerySelector("td.min-persons")!.TextContent);
        var cells = generation.QuerySelectorAll("td").Skip(1).Select(td => td.ClassName).ToList();
        Assert.Equal(["cell-required", "cell-may", "cell-required", "cell-none"], cells);
    }

    [Fact]
    public void Auditor_cells_are_marked_as_not_counted_except_in_audit_functions()
    {
        using var f = new RolesFixture();
        f.Edit("data/tasks.yaml", "  audit_function: true\n", "");
        var (page, _) = Render(f, "roles/index.html");
        Assert.NotNull(page.GetElementById("task-audit-log-archival")!.QuerySelector("td.cell-required .not-counted"));

        f.Edit("data/tasks.yaml", "  roles: [internal-auditor, ca-administrator]", "  audit_function: true\n  roles: [internal-auditor, ca-administrator]");
        (page, _) = Render(f, "roles/index.html");
        Assert.Null(page.GetElementById("task-audit-log-archival")!.QuerySelector(".not-counted"));
    }

    [Fact]
    public void Roles_page_links_the_cps_sections_and_lists_separation_of_duties()
    {
        using var f = new RolesFixture();
        var (page, _) = Render(f, "roles/index.html");
        var links = page.QuerySelectorAll("nav.cps-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["../cps/index.html#section-5.2.1", "../cps/index.html#section-5.2.2", "../cps/index.html#section-5.2.4"], links);
        var separation = page.QuerySelectorAll("table.separation tbody tr");
        Assert.Equal(4, separation.Length);
        Assert.Equal("Security Officer", separation[0].QuerySelector("th")!.TextContent);
        Assert.Equal(["Internal Auditor", "Key Custodian"], separation[0].QuerySelectorAll("td a").Select(a => a.TextContent));
        Assert.Equal("../ceremonies/root-key/index.html", page.QuerySelector("ul.ceremonies a")!.GetAttribute("href"));
        Assert.Matches(@"^\.\./assets/site\.[0-9a-f]{8}\.css$", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void Ceremony_script_has_a_row_per_step_with_empty_initials_boxes_and_a_signature_block()
    {
        using var f = new RolesFixture();
        var (page, output) = Render(f, "ceremonies/root-key/index.html");
        var phases = page.QuerySelectorAll("section.phase");
        Assert.Equal(2, phases.Length);
        var steps = page.QuerySelectorAll("table.steps tbody tr.step");
        Assert.Equal(["1.1", "2.1", "2.2"], steps.Select(s => s.QuerySelector("td.step-id")!.TextContent));
        foreach (var step in steps)
            foreach (var box in (string[])["operator-initials", "witness-initials", "time"])
            {
                var cell = step.QuerySelector("td.box." + box);
                Assert.NotNull(cell);
                Assert.Equal("", cell.TextContent);
            }
        Assert.Contains("CA key pair generation", steps[1].TextContent, StringComparison.Ordinal);
        var signatories = page.QuerySelectorAll("table.signature-block tbody tr.signatory");
        Assert.Equal(["Helen Park", "Dan Oak", "Priya Shah", "Tom Reilly", "Ruth Adams"], signatories.Select(s => s.QuerySelector("td.name")!.TextContent));
        Assert.All(signatories, s => Assert.NotNull(s.QuerySelector("td.signature")));
        Assert.Single(page.QuerySelectorAll("tr.signatory.witness"));
        Assert.Null(page.QuerySelector("section.ceremony-record"));

        var href = page.QuerySelector("link[href*='ceremony.']")!.GetAttribute("href")!;
        Assert.Matches(@"^\.\./\.\./assets/ceremony\.[0-9a-f]{8}\.css$", href);
        var css = Encoding.UTF8.GetString(output.Get(href["../../".Length..])!);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains(".ceremony .phase { break-before: page;", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Ceremony_with_a_record_shows_the_signed_audit_trail()
    {
        using var f = new RolesFixture().With("ceremonies/root-key.record.yaml", RolesFixture.Record);
        var (page, _) = Render(f, "ceremonies/root-key/index.html");
        var step = page.GetElementById("step-2.1")!;
        Assert.Equal("PS", step.QuerySelector("td.operator-initials")!.TextContent);
        Assert.Equal("RA", step.QuerySelector("td.witness-initials")!.TextContent);
        Assert.Equal("09:10", step.QuerySelector("td.time")!.TextContent);
        var deviated = page.GetElementById("step-2.2")!;
        Assert.Contains("deviated", deviated.ClassList);
        Assert.Contains("timed out", deviated.QuerySelector(".deviation")!.TextContent, StringComparison.Ordinal);
        var record = page.QuerySelector("section.ceremony-record")!;
        Assert.Equal(5, record.QuerySelectorAll("table.participants tbody tr").Length);
        Assert.Equal("TEB-2", record.QuerySelector("table.bags tbody td")!.TextContent);
        Assert.Equal("#step-2.2", record.QuerySelector("table.deviations a")!.GetAttribute("href"));
        var hp = page.QuerySelectorAll("tr.signatory").First();
        Assert.Equal("HP", hp.QuerySelector("td.initials")!.TextContent);
        Assert.Equal("2026-03-11", hp.QuerySelector("td.date")!.TextContent);
    }

    [Fact]
    public void Pages_are_deterministic()
    {
        using var f = new RolesFixture().With("ceremonies/root-key.record.yaml", RolesFixture.Record);
        var a = SiteBuilder.Build(f.Compile().Published!).Output;
        var b = SiteBuilder.Build(f.Compile().Published!).Output;
        foreach (var path in (string[])["roles/index.html", "ceremonies/root-key/index.html"])
            Assert.Equal(a.Get(path), b.Get(path));
    }
}
