using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Support;
using Run = PolicyDocs.Tests.Support.Run;

namespace PolicyDocs.Tests.Loading;

/// <summary>
/// A single file's cover facts come from the file itself — pandoc front matter and its own revision table — and a fact
/// it does not state is left out rather than replaced by a placeholder.
/// </summary>
public sealed class StatedFactsTests
{
    // Every outline section, with the 1.2 body given (null keeps the default text).
    private static string Sections(string? identification = null, string? section7 = null) =>
        PolicySetBuilder.Document(body: e => e.Id switch
        {
            "1.2" when identification is not null => identification,
            "7.1" when section7 is not null => section7,
            _ => $"Text of {e.Id}.",
        });

    private static PolicyDocument Load(string markdown, out Compiling.Compilation c, string name = "policy.md")
    {
        c = Run.Compile(PolicySetBuilder.SingleFile(name, markdown));
        Assert.True(c.Published is not null, c.Dump());
        return c.Published!.Set.Documents[0];
    }

    [Fact]
    public void Pandoc_front_matter_is_read_without_unknown_key_warnings()
    {
        var doc = Load("---\ntitle: Widget Issuance Rules\nsubtitle: Version 3.4.1\nauthor:\n  - Widget Council\n  - Gadget Board\n" +
            "date: 14-February-2025\ncopyright: |\n  Copyright 2025 Widget Council\n\n  Shared under a permissive licence.\nlang: en-GB\n---\n\n" + Sections(), out var c);
        Assert.Empty(c.Of("PD0002"));
        var info = doc.Info;
        Assert.Equal("Widget Issuance Rules", info.Title);
        Assert.Equal("Version 3.4.1", info.Subtitle);
        Assert.Equal("3.4.1", info.Version);
        Assert.Equal(["Widget Council", "Gadget Board"], info.Authors);
        Assert.Equal(new DateOnly(2025, 2, 14), info.Date);
        Assert.StartsWith("Copyright 2025 Widget Council", info.Copyright, StringComparison.Ordinal);
        Assert.Equal("en-GB", info.Language);
        Assert.Null(info.Status);
        Assert.Null(info.EffectiveDate);
        Assert.False(info.KindStated);
    }

    [Fact]
    public void A_front_matter_version_wins_over_the_subtitle()
    {
        var doc = Load("---\nsubtitle: Version 1.0\nversion: \"1.1\"\n---\n\n" + Sections(), out _);
        Assert.Equal("1.1", doc.Info.Version);
    }

    [Fact]
    public void Front_matter_keys_match_in_any_letter_case_and_facts_without_a_place_stay_warnings()
    {
        var doc = Load("---\nTitle: Gadget Signing Practices\nVERSION: \"2.3\"\nDate: June 4, 2025\nApproved by: The Gadget Board\n---\n\n" + Sections(), out var c);
        Assert.Equal("Gadget Signing Practices", doc.Info.Title);
        Assert.True(doc.Info.TitleStated);
        Assert.Equal("2.3", doc.Info.Version);
        Assert.Equal(new DateOnly(2025, 6, 4), doc.Info.Date);
        var unknown = Assert.Single(c.Of("PD0002"));
        Assert.Equal(Severity.Warning, unknown.Severity);
        Assert.Contains("'Approved by'", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Title", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_spelled_exactly_wins_over_its_other_case_spelling_which_stays_unknown()
    {
        var doc = Load("---\nTitle: Shouted Title\ntitle: Quiet Title\n---\n\n" + Sections(), out var c);
        Assert.Equal("Quiet Title", doc.Info.Title);
        Assert.Contains("'Title'", Assert.Single(c.Of("PD0002")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_front_matter_date_is_a_warning_and_left_out()
    {
        var doc = Load("---\ndate: sometime next spring\n---\n\n" + Sections(), out var c);
        Assert.Null(doc.Info.Date);
        var d = Assert.Single(c.Of("PD0008"));
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public void The_revision_table_in_section_1_2_gives_history_current_version_and_date()
    {
        // Newest first, with a gap of years and a repeated date: the document's own table, not held to the changelog rules.
        const string Table = "These are the revisions:\n\n| Date | Changes | Version |\n|---|---|---|\n" +
            "| Jan 9, 2026 | Clarified **renewal** wording. | 4.2 |\n| Jan 9, 2026 | Added a root. | 4.1 |\n| March 3rd, 2021 | First combined text. | 4.0 |\n";
        var doc = Load(Sections(identification: Table), out var c);
        var info = doc.Info;
        Assert.True(info.RevisionsFromText);
        Assert.Equal(["4.0", "4.1", "4.2"], info.Revisions.Select(r => r.Version));
        Assert.Equal("Clarified renewal wording.", info.Revisions[2].Summary);
        Assert.Equal(new DateOnly(2021, 3, 3), info.Revisions[0].Date);
        Assert.Equal("4.2", info.Version);
        Assert.Equal(new DateOnly(2026, 1, 9), info.EffectiveDate);
        Assert.Empty(c.Of("PD0150"));
        Assert.Empty(c.Of("PD0151"));
        Assert.Equal(0, c.ErrorCount);
    }

    [Fact]
    public void A_ballot_table_gives_adoption_dates_and_the_effective_date_of_the_highest_version()
    {
        const string Table = "| **Ver.** | **Ballot** | **Description** | **Adopted** | **Effective\\*** |\n|-|-|-|-|-|\n" +
            "| 1.0 | 10 | Initial rules | 2019-01-10 | 2019-06-01 |\n| -- | 11 | Companion guideline adopted | 2019-02-01 | 2019-02-01 |\n" +
            "| 1.10 | 20 | Tightened checks | 2020-03-01 | 2020-09-01 |\n| 1.9 | 19 | Loosened checks | 2020-01-01 | 2020-02-01 |\n";
        var doc = Load(Sections().Replace("## 1.3 ", "### 1.2.1 Revisions\n\n" + Table + "\n## 1.3 ", StringComparison.Ordinal), out _);
        var info = doc.Info;
        Assert.Equal(["1.0", "1.9", "1.10"], info.Revisions.Select(r => r.Version));
        Assert.Equal("Tightened checks (Ballot 20)", info.Revisions[2].Summary);
        Assert.Equal(new DateOnly(2020, 3, 1), info.Revisions[2].Date);
        Assert.Equal("1.10", info.Version);
        Assert.Equal(new DateOnly(2020, 9, 1), info.EffectiveDate);
    }

    [Fact]
    public void A_table_under_a_revision_history_heading_counts_and_one_elsewhere_does_not()
    {
        const string Profile = "| Version | Date | Field |\n|---|---|---|\n| 3 | 2020-01-01 | X.509 version |\n";
        var history = "# Policy Text\n\n## Document History\n\n| Rev. | Published | Notes |\n|---|---|---|\n| 2.0 | 5 May 2024 | Reworded. |\n\n";
        var doc = Load(history + Sections(section7: Profile), out _);
        Assert.Equal(["2.0"], doc.Info.Revisions.Select(r => r.Version));
        Assert.Equal("Policy Text", doc.Info.Title);
    }

    [Fact]
    public void A_change_history_appendix_with_abbreviated_version_column_is_the_revision_table()
    {
        const string Appendix = "\n# Appendix A - Change History\n\n| Date | Vers. | Paragraphs | Changes | Author |\n|---|---|---|---|---|\n" +
            "| 3 Feb. 2011 | 1 | - | First issue | XY |\n| 19 Nov. 12 | 1.0.1 | 4.2 | New contact address | XY, ZW |\n| 8 May 2020 | 2.0 | all | Rewritten | ZW |\n";
        var doc = Load(Sections() + Appendix, out _);
        var info = doc.Info;
        Assert.True(info.RevisionsFromText);
        Assert.Equal(["1", "1.0.1", "2.0"], info.Revisions.Select(r => r.Version));
        Assert.Equal("New contact address", info.Revisions[1].Summary);
        Assert.Equal(new DateOnly(2012, 11, 19), info.Revisions[1].Date);
        Assert.Equal("2.0", info.Version);
        Assert.Equal(new DateOnly(2020, 5, 8), info.EffectiveDate);
    }

    [Fact]
    public void A_row_without_a_readable_date_is_reported_and_left_out()
    {
        const string Table = "| Version | Date | Description |\n|---|---|---|\n| 1.0 | 2024-01-01 | First. |\n| 1.1 | soon | Second. |\n";
        var doc = Load(Sections(identification: Table), out var c);
        Assert.Equal(["1.0"], doc.Info.Revisions.Select(r => r.Version));
        var d = Assert.Single(c.Of("PD0008"));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("1.1", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revisions_in_front_matter_win_over_the_table()
    {
        const string Table = "| Version | Date | Description |\n|---|---|---|\n| 9.0 | 2024-01-01 | From the table. |\n";
        var doc = Load("---\nversion: \"1.0\"\nrevisions:\n  - version: \"1.0\"\n    date: 2023-01-01\n    summary: From YAML.\n---\n" + Sections(identification: Table), out _);
        Assert.False(doc.Info.RevisionsFromText);
        Assert.Equal("From YAML.", Assert.Single(doc.Info.Revisions).Summary);
        Assert.Equal("1.0", doc.Info.Version);
    }

    [Fact]
    public void A_file_stating_nothing_gets_no_invented_cover_facts_in_Word()
    {
        var c = Run.Compile(PolicySetBuilder.SingleFile("plain-cps.md", Sections()));
        var published = c.Published!;
        var doc = published.Set.Documents[0];
        Assert.Null(doc.Info.Version);
        Assert.Null(doc.Info.Status);
        Assert.False(doc.Info.TitleStated);
        using var word = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(published.Of(doc))), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        foreach (var invented in new[] { "Version", "current", "Not yet determined", "Draft", "Policy Authority", "This version.", "Document history", "Not assigned" })
            Assert.DoesNotContain(invented, text.Split("Contents")[0], StringComparison.Ordinal);
        var header = PolicyDocs.Tests.Rendering.Docx.DocxTestKit.Header(word, HeaderFooterValues.Default);
        Assert.Equal("plain-cps", header.InnerText);
        Assert.DoesNotContain("DRAFT", header.OuterXml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_facts_reach_the_Word_cover_header_and_history()
    {
        const string Table = "| Date | Changes | Version |\n|---|---|---|\n| 2025-04-01 | First. | 1.0 |\n| 2025-10-01 | Second. | 1.1 |\n";
        var c = Run.Compile(PolicySetBuilder.SingleFile("cps.md", "# Sample Trust Services Statement\n\n" + Sections(identification: Table)));
        var doc = c.Published!.Set.Documents[0];
        using var word = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(c.Published.Of(doc))), false);
        var tables = word.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        var cover = tables[0].Elements<TableRow>().Select(r => string.Join("=", r.Elements<TableCell>().Select(x => x.InnerText))).ToList();
        Assert.Equal(["Version=1.1", "Effective date=1 October 2025"], cover);
        var history = tables[1].Elements<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(x => x.InnerText))).ToList();
        Assert.Equal(["Version|Date|Summary of changes", "1.0|2025-04-01|First.", "1.1|2025-10-01|Second."], history);
        Assert.Equal("Sample Trust Services Statement \u00B7 Version 1.1", PolicyDocs.Tests.Rendering.Docx.DocxTestKit.Header(word, HeaderFooterValues.Default).InnerText);
    }

    [Fact]
    public void The_combined_Markdown_keeps_the_table_as_the_history_and_reads_back_the_same_facts()
    {
        const string Table = "| Date | Changes | Version |\n|---|---|---|\n| 2025-04-01 | First. | 1.0 |\n| 2025-04-01 | Same day. | 1.1 |\n";
        var c = Run.Compile(PolicySetBuilder.SingleFile("cps.md", "---\nauthor: Widget Council\ndate: 2025-04-02\n---\n" + Sections(identification: Table)));
        var md = PolicyDocs.Rendering.Markdown.CombinedMarkdown.Render(c.Published!.Of(c.Published.Set.Documents[0]));
        Assert.DoesNotContain("revisions:", md, StringComparison.Ordinal);
        Assert.DoesNotContain("kind:", md, StringComparison.Ordinal);
        var again = Load(md, out var c2, "cps-1.1.md");
        Assert.Equal(0, c2.ErrorCount);
        Assert.True(again.Info.RevisionsFromText);
        Assert.Equal(["1.0", "1.1"], again.Info.Revisions.Select(r => r.Version));
        Assert.Equal("1.1", again.Info.Version);
        Assert.Equal(["Widget Council"], again.Info.Authors);
        Assert.Equal(new DateOnly(2025, 4, 2), again.Info.Date);
    }

    [Theory]
    [InlineData("draft", true)]
    [InlineData(null, false)]
    public void Draft_only_when_the_document_says_so(string? word, bool draft)
    {
        var doc = Load($"---\nsubtitle: Version 2.0{(word is null ? "" : " " + word)}\n---\n" + Sections(), out _);
        Assert.Equal(draft ? DocumentStatus.Draft : null, doc.Info.Status);
    }

    [Fact]
    public void The_site_shows_only_stated_facts()
    {
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("rules.md", "---\ntitle: Widget Rules\nsubtitle: For widget makers\nauthor: Widget Council\ncopyright: |\n  Copyright Widget Council\n\n  Free to share.\nlang: fr\n---\n" + Sections()).WriteTo(tree.Root);
        var site = Path.Combine(tree.Root, "site");
        var (code, output, _) = Run.Cli("build", "--content", path, "--output", site);
        Assert.True(code == 0, output);
        var page = File.ReadAllText(Path.Combine(site, "rules", "index.html"));
        Assert.Contains("<html lang=\"fr\"", page, StringComparison.Ordinal);
        Assert.Contains("Widget Council", page, StringComparison.Ordinal);
        Assert.DoesNotContain("badge-version", page, StringComparison.Ordinal);
        Assert.DoesNotContain("status-draft", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Published by", page, StringComparison.Ordinal);
        Assert.DoesNotContain("CP/CPS</span>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"doc-subtitle\">For widget makers</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"doc-copyright\">Free to share.</p>", page, StringComparison.Ordinal);
        var home = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.DoesNotContain("pa-title", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Published by", home, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"doc-kind\"", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"lead\">Documents, structured according to RFC 3647.</p>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Certificate Polic", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cp", "The Certificate Policies of Widget Council,")]
    [InlineData("cps", "The Certification Practice Statements of Widget Council,")]
    [InlineData("cp-cps", "The Certificate Policies and Certification Practice Statements of Widget Council,")]
    public void The_home_page_names_only_the_kind_the_document_states(string kind, string lead)
    {
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("rules.md", $"---\ntitle: Widget Rules\nkind: {kind}\npublisher: Widget Council\n---\n" + Sections()).WriteTo(tree.Root);
        var site = Path.Combine(tree.Root, "site");
        var (code, output, _) = Run.Cli("build", "--content", path, "--output", site);
        Assert.True(code == 0, output);
        Assert.Contains($"<p class=\"lead\">{lead} structured according to RFC 3647.</p>", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-31")]
    [InlineData("31-March-2026")]
    [InlineData("31 March 2026")]
    [InlineData("March 31, 2026")]
    [InlineData("Mar 31, 2026")]
    [InlineData("Mar. 31, 2026")]
    [InlineData("31st March 2026")]
    [InlineData("2026/03/31")]
    [InlineData("31-Mar-26")]
    [InlineData("31\u2010Mar\u20102026")]
    public void Written_dates_are_read(string text) => Assert.Equal(new DateOnly(2026, 3, 31), WrittenDate.TryParse(text));

    [Theory]
    [InlineData("Sept 2, 2025")]
    [InlineData("Sept. 2, 2025")]
    [InlineData("2 Sep 2025")]
    public void September_is_read_however_abbreviated(string text) => Assert.Equal(new DateOnly(2025, 9, 2), WrittenDate.TryParse(text));

    [Theory]
    [InlineData("03/04/2026")]
    [InlineData("soon")]
    [InlineData("")]
    public void Ambiguous_or_missing_dates_are_not_read(string text) => Assert.Null(WrittenDate.TryParse(text));
}
