using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Rendering.Markdown;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Markdown;

/// <summary>Constructs pandoc reads that requirement documents use: table captions, lettered and roman lists nested
/// under list items, inline sup/sub/u tags and figure-space indentation in table cells.</summary>
public sealed class PandocConstructTests
{
    private static Compilation Compile(string body)
    {
        var c = PolicyDocs.Tests.Support.Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.1", body));
        Assert.True(c.ErrorCount == 0, c.Dump());
        return c;
    }

    private static string Html(Compilation c)
    {
        var doc = c.Published!.Find("cp")!;
        var bodies = new DocumentBodies(c.Published!, doc);
        return bodies.Of(doc.Sections.SelectMany(Flatten).Single(s => s.Number == "4.9.1")).At(1);

        static IEnumerable<PolicyDocs.Publication.PublishedSection> Flatten(PolicyDocs.Publication.PublishedSection s) => [s, .. s.Children.SelectMany(Flatten)];
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Body Word(Compilation c, out WordprocessingDocument word)
    {
        word = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(c.Published!.Find("cp")!)), false);
        return word.MainDocumentPart!.Document!.Body!;
    }

    private static string Combined(Compilation c) => CombinedMarkdown.Render(c.Published!.Of(c.Published!.Set.Find("cp")!));

    private const string Tables =
        "Table: Quorum sizes by `role`\n\n| Role | Quorum |\n|---|---|\n| Officer | 2 |\n\nBetween the tables.\n\n" +
        "| Zone | Access |\n|---|---|\n| Vault | Dual |\n\nTable: Access by zone\n";

    [Fact]
    public void A_table_caption_before_or_after_the_table_is_its_caption_on_the_site()
    {
        var html = Html(Compile(Tables));
        Assert.Contains("<table>\n<caption>Quorum sizes by <code>role</code></caption>\n<thead>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Access by zone</caption>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Table:", html, StringComparison.Ordinal);
        Assert.Contains("<p>Between the tables.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_caption_is_a_Caption_paragraph_above_its_table_in_Word_and_reads_back_from_the_combined_Markdown()
    {
        var c = Compile(Tables);
        var body = Word(c, out var word);
        using (word)
        {
            var captions = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption").ToList();
            Assert.Equal(["Quorum sizes by role", "Access by zone"], captions.Select(p => p.InnerText));
            foreach (var caption in captions)
            {
                Assert.IsType<Table>(caption.NextSibling());
                Assert.NotNull(caption.ParagraphProperties!.KeepNext);
            }
            Assert.DoesNotContain(body.Descendants<Paragraph>(), p => p.InnerText.StartsWith("Table:", StringComparison.Ordinal));
        }
        var md = Combined(c);
        Assert.Contains("Table: Quorum sizes by `role`\n", md, StringComparison.Ordinal);
        Assert.Contains("Table: Access by zone", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_that_only_starts_with_Table_away_from_a_table_stays_a_paragraph()
    {
        var html = Html(Compile("Table: this is not next to any table.\n\nText.\n"));
        Assert.Contains("<p>Table: this is not next to any table.</p>", html, StringComparison.Ordinal);
    }

    private const string Lists =
        "1. Check the request.\n\n   a. its signature\n   b. its date\n\n2. Decide:\n\n    i. approve, or\n    ii. refuse.\n\n" +
        "A.  Keep the record.\n\n    i. on paper\n    ii. on disk\n";

    [Fact]
    public void Lettered_and_roman_lists_under_a_list_item_stay_nested_lists()
    {
        var c = Compile(Lists);
        var html = Html(c);
        Assert.DoesNotContain("<pre>", html, StringComparison.Ordinal);
        Assert.Contains("<ol type=\"a\">", html, StringComparison.Ordinal);
        Assert.Contains("<ol type=\"i\">", html, StringComparison.Ordinal);
        Assert.Contains("<ol type=\"A\">", html, StringComparison.Ordinal);
        var lists = c.Published!.Set.Find("cp")!.Find("4.9.1")!.Body!.Descendants<ListBlock>().ToList();
        Assert.Equal(['1', 'a', 'i', 'A', 'i'], lists.Select(l => l.BulletType));
        Assert.All(lists.Where(l => l.BulletType is 'a' or 'i'), l => Assert.IsType<ListItemBlock>(l.Parent));
    }

    [Fact]
    public void A_paragraph_that_starts_with_an_initial_stays_a_paragraph()
    {
        var c = Compile("Intro.\n\nB. Russell wrote it.\n\nI. Newton too.\n\nB)  Third.\n");
        var html = Html(c);
        Assert.Contains("<p>B. Russell wrote it.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>I. Newton too.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ol type=\"A\" start=\"2\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Lettered_and_roman_lists_are_numbered_lists_in_Word_and_keep_their_markers_in_the_combined_Markdown()
    {
        var c = Compile(Lists);
        var body = Word(c, out var word);
        using (word)
        {
            var numbering = word.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
            var formats = body.Descendants<NumberingProperties>().Select(n => n.NumberingId!.Val!.Value).Distinct()
                .Select(id => numbering.Elements<NumberingInstance>().Single(i => i.NumberID!.Value == id).AbstractNumId!.Val!.Value)
                .Select(a => numbering.Elements<AbstractNum>().Single(x => x.AbstractNumberId!.Value == a).Elements<Level>().First().NumberingFormat!.Val!.Value)
                .ToList();
            Assert.Contains(NumberFormatValues.LowerLetter, formats);
            Assert.Contains(NumberFormatValues.LowerRoman, formats);
            Assert.Contains(NumberFormatValues.UpperLetter, formats);
            Assert.DoesNotContain(body.Descendants<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "SourceCode");
        }
        var md = Combined(c);
        Assert.Contains("   a. its signature\n   b. its date", md, StringComparison.Ordinal);
        Assert.Contains("A.  Keep the record.", md, StringComparison.Ordinal);
        Assert.Contains("ii. on disk", md, StringComparison.Ordinal);
        var again = PolicyDocs.Tests.Support.Run.Compile(PolicySetBuilder.SingleFile("cp.md", md));
        var lists = again.Published!.Set.Documents.Single().Find("4.9.1")!.Body!.Descendants<ListBlock>();
        Assert.Equal(['1', 'a', 'i', 'A', 'i'], lists.Select(l => l.BulletType));
    }

    [Fact]
    public void Sup_sub_and_u_tags_format_their_text_in_Word_without_a_raw_HTML_warning()
    {
        var c = Compile("The exponent is 2<sup>16</sup>+1, the formula H<sub>2</sub>O, and it <u>must</u> hold.<br>Next line.");
        Assert.Empty(c.Of("PD0303"));
        var body = Word(c, out var word);
        using (word)
        {
            var paragraph = body.Descendants<Paragraph>().Single(p => p.InnerText.Contains("exponent", StringComparison.Ordinal));
            Assert.DoesNotContain("<", paragraph.InnerText, StringComparison.Ordinal);
            var runs = paragraph.Elements<DocumentFormat.OpenXml.Wordprocessing.Run>().ToList();
            Assert.Equal(VerticalPositionValues.Superscript, runs.Single(r => r.InnerText == "16").RunProperties!.VerticalTextAlignment!.Val!.Value);
            Assert.Equal(VerticalPositionValues.Subscript, runs.Single(r => r.InnerText == "2").RunProperties!.VerticalTextAlignment!.Val!.Value);
            Assert.NotNull(runs.Single(r => r.InnerText == "must").RunProperties!.Underline);
            Assert.Null(runs.Single(r => r.InnerText == "+1, the formula H").RunProperties);
            Assert.Single(paragraph.Descendants<Break>());
        }
        Assert.Contains("2<sup>16</sup>+1", Html(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_and_no_break_spaces_that_indent_a_table_cell_survive_everywhere()
    {
        var c = Compile("| Field | Value |\n|---|---|\n| `outer` | a |\n| \u2007\u2007`inner` | b |\n| \u00A0\u00A0\u00A0\u00A0leaf | c |\n");
        var html = Html(c);
        Assert.Contains("<td>\u2007\u2007<code>inner</code></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>\u00A0\u00A0\u00A0\u00A0leaf</td>", html, StringComparison.Ordinal);
        var body = Word(c, out var word);
        using (word)
        {
            var cells = body.Descendants<TableCell>().Select(t => t.InnerText).ToList();
            Assert.Contains("\u2007\u2007inner", cells);
            Assert.Contains("\u00A0\u00A0\u00A0\u00A0leaf", cells);
            var kept = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().First(t => t.Text == "\u2007\u2007");
            Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, kept.Space!.Value);
        }
        Assert.Contains("| \u2007\u2007`inner`", Combined(c), StringComparison.Ordinal);
    }
}
