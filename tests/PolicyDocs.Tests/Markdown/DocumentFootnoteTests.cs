using DocumentFormat.OpenXml.Packaging;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using PolicyDocs.Diff;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Docx.Redline;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Rendering.Markdown;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Markdown;

/// <summary>A footnote referred to in one section and defined in another resolves across the document: a linked,
/// listed note on the site, a real Word footnote, one definition in the combined Markdown, a change in a diff.</summary>
public sealed class DocumentFootnoteTests
{
    private static PolicySetBuilder Set(string note = "Hours count on calendar days.") => PolicySetBuilder.Valid()
        .Body("cp", "1.1", "Backups are kept.[^own] Requests are answered within a day.[^hours]\n\n[^own]: Kept off site.")
        .Body("cp", "4.9.1", "Revocation takes one day.[^hours]")
        .Body("cp", "9.17", "No stipulation.\n\n[^hours]: " + note);

    [Fact]
    public void A_reference_resolves_to_the_definition_in_another_section_numbered_across_the_document()
    {
        var c = Run.Compile(Set());
        Assert.True(c.ErrorCount == 0, c.Dump());
        Assert.Empty(c.Of("PD0310"));
        var doc = c.Published!.Set.Find("cp")!;
        var links = doc.Find("1.1")!.Body!.Descendants<FootnoteLink>().Where(l => !l.IsBackLink).ToList();
        Assert.Equal([1, 2], links.Select(l => l.Footnote.Order));
        var later = doc.Find("4.9.1")!.Body!.Descendants<FootnoteLink>().Single();
        // One note, defined in 9.17, shared by both references.
        Assert.Same(links[1].Footnote, later.Footnote);
        Assert.Contains(doc.Find("9.17")!.Body!.Descendants<Footnote>(), n => ReferenceEquals(n, later.Footnote));
    }

    [Fact]
    public void The_site_lists_the_note_at_the_end_of_each_section_that_refers_to_it()
    {
        var c = Run.Compile(Set());
        var doc = c.Published!.Find("cp")!;
        var bodies = new DocumentBodies(c.Published!, doc);
        string Html(string number) => bodies.Of(doc.Sections.SelectMany(Flatten).Single(s => s.Number == number)).At(1);
        var revocation = Html("4.9.1");
        Assert.DoesNotContain("[^hours]", revocation, StringComparison.Ordinal);
        Assert.Contains("href=\"#section-4.9.1-fn:2\"", revocation, StringComparison.Ordinal);
        // Numbered as in the document: the only note of 4.9.1 is its second.
        Assert.Contains("<li id=\"section-4.9.1-fn:2\" value=\"2\">", revocation, StringComparison.Ordinal);
        Assert.Contains("Hours count on calendar days.", revocation, StringComparison.Ordinal);
        // Its back link leads to the reference on this section, not to one in 9.17.
        Assert.Contains("href=\"#section-4.9.1-fnref:1\" class=\"footnote-back-ref\"", revocation, StringComparison.Ordinal);
        Assert.Contains("id=\"section-4.9.1-fnref:1\"", revocation, StringComparison.Ordinal);
        var first = Html("1.1");
        Assert.Contains("<li id=\"section-1.1-fn:1\">", first, StringComparison.Ordinal);
        Assert.Contains("<li id=\"section-1.1-fn:2\">", first, StringComparison.Ordinal);
        // The defining section refers to nothing, so it lists nothing.
        Assert.DoesNotContain("Hours count", Html("9.17"), StringComparison.Ordinal);

        static IEnumerable<PolicyDocs.Publication.PublishedSection> Flatten(PolicyDocs.Publication.PublishedSection s) => [s, .. s.Children.SelectMany(Flatten)];
    }

    [Fact]
    public void Word_makes_one_real_footnote_referred_to_from_both_sections()
    {
        var c = Run.Compile(Set());
        using var word = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(c.Published!.Find("cp")!)), false);
        var main = word.MainDocumentPart!;
        Assert.DoesNotContain("[^", main.Document!.Body!.InnerText, StringComparison.Ordinal);
        var refs = main.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.FootnoteReference>().Select(r => r.Id!.Value).ToList();
        Assert.Equal(3, refs.Count);
        Assert.Equal(refs[1], refs[2]);
        var notes = main.FootnotesPart!.Footnotes!.Elements<DocumentFormat.OpenXml.Wordprocessing.Footnote>().Where(f => f.Id!.Value > 0).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains("Hours count on calendar days.", notes.Single(n => n.Id!.Value == refs[1]).InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_combined_Markdown_keeps_the_definition_once_and_reads_back_the_same()
    {
        var c = Run.Compile(Set());
        var md = CombinedMarkdown.Render(c.Published!.Of(c.Published!.Set.Find("cp")!));
        Assert.Contains("within a day.[^9-17-hours]", md, StringComparison.Ordinal);
        Assert.Contains("one day.[^9-17-hours]", md, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(md, @"^\[\^9-17-hours\]: Hours count", System.Text.RegularExpressions.RegexOptions.Multiline));
        var again = Run.Compile(PolicySetBuilder.SingleFile("cp.md", md));
        Assert.Empty(again.Of("PD0310"));
        var doc = again.Published!.Set.Documents.Single();
        Assert.Equal("Hours count on calendar days.", PolicyDocs.Xrefs.InlineText.Of(
            ((Markdig.Syntax.ParagraphBlock)doc.Find("4.9.1")!.Body!.Descendants<FootnoteLink>().Single().Footnote[0]).Inline, null).Trim());
    }

    [Fact]
    public void A_changed_note_text_is_a_change_of_the_section_that_defines_it()
    {
        var a = Run.Compile(Set());
        var b = Run.Compile(Set("Hours count on working days."));
        var changes = PolicyDiffer.Compare(a.Published!, b.Published!, "v1", "v2").Documents.Single(d => d.DocumentId == "cp");
        var section = changes.Sections.Single(s => s.Number == "9.17");
        Assert.Equal(ChangeKind.Modified, section.Kind);
    }

    [Fact]
    public void A_changed_note_text_shows_as_a_change_in_the_redlines()
    {
        var a = Run.Compile(Set());
        var b = Run.Compile(Set("Hours count on working days."));
        var changes = PolicyDiffer.Compare(a.Published!, b.Published!, "v1", "v2");
        var change = changes.Documents.Single(d => d.DocumentId == "cp");
        var version = PolicyDocs.Versions.VersionChange.Between(a.Published!, b.Published!, changes, change);
        var html = RedlineHtmlRenderer.Body(version, RedlineLinks.Standalone(b.Published!.Set, 0));
        Assert.Contains("calendar", html, StringComparison.Ordinal);
        Assert.Contains("working", html, StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(DocxRedlineRenderer.Render(version)), false);
        var xml = word.MainDocumentPart!.Document!.Body!.OuterXml + (word.MainDocumentPart.FootnotesPart?.Footnotes?.OuterXml ?? "");
        Assert.Contains("calendar</w:delText>", xml, StringComparison.Ordinal);
        Assert.Contains("working</w:t>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_no_section_defines_is_a_warning_at_its_line()
    {
        var text = PolicySetBuilder.Document(body: e => e.Id == "4.9.1" ? "Intro.\n\nSee the note.[^missing]" : PolicySetBuilder.DefaultBody(e));
        var c = Run.Compile(PolicySetBuilder.SingleFile("cp.md", text));
        var d = Assert.Single(c.Of("PD0310"));
        Assert.Contains("[^missing]", d.Message, StringComparison.Ordinal);
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains("[^missing]", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, d.Span.Line);
        Assert.Equal(14, d.Span.Column);
    }
}
