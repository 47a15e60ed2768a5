using PolicyDocs.Loading;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Xrefs;

/// <summary>Patterns seen in CP/CPS documents that CAs publish, which must not give false findings.</summary>
public sealed class PublishedDocumentTests
{
    private static PolicyDocs.Compiling.Compilation Single(Func<PolicyDocs.Outline.OutlineEntry, string> body,
        Func<PolicyDocs.Outline.OutlineEntry, string>? heading = null)
    {
        return Run.Compile(PolicySetBuilder.SingleFile("CP-CPS.md", PolicySetBuilder.Document(body: body, heading: heading)));
    }

    [Fact]
    public void A_chain_of_sections_of_another_document_is_not_checked_against_this_one()
    {
        var c = Single(e => e.Id == "4.9.1"
            ? "The CA revokes in accordance with Section 4.9.1.1 and Section 4.9.1.2 of the Baseline Requirements, and Sections 4.9.1.3, 4.9.1.4 of the EV Guidelines."
            : PolicySetBuilder.DefaultBody(e));
        Assert.Empty(c.Of("PD0202"));
    }

    [Fact]
    public void A_chain_naming_a_missing_section_of_this_document_is_still_reported()
    {
        var c = Single(e => e.Id == "4.9.1" ? "See Section 4.9.2 and Section 4.9.99 for details." : PolicySetBuilder.DefaultBody(e));
        Assert.Contains("4.9.99", Assert.Single(c.Of("PD0202")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5.4.2", "Frequency for Processing and Archiving Audit Logs")]
    [InlineData("5.4.3", "Retention Period for Audit Logs")]
    [InlineData("5.4.6", "Audit Log Accumulation System (internal vs. external)")]
    [InlineData("6.2.11", "Cryptographic Module Capabilities")]
    [InlineData("7.1.2", "Certificate Content and Extensions; Application of RFC 5280")]
    public void Tls_br_titles_are_named_as_such(string number, string title)
    {
        var c = Single(PolicySetBuilder.DefaultBody,
            e => e.Id == number ? $"{new string('#', e.Depth)} {e.Id} {title}" : PolicySetBuilder.DefaultHeading(e));
        Assert.Contains("TLS Baseline Requirements", Assert.Single(c.Of("PD0103")).Message, StringComparison.Ordinal);
        Assert.Equal(0, c.ErrorCount);
    }

    [Fact]
    public void Line_breaks_in_table_cells_are_not_raw_html()
    {
        var c = Single(e => e.Id == "1.3.1" ? "| CA | Subject |\n|---|---|\n| Root | C=US,<br>O=Example,<br/>CN=Root |\n\nIt has <mark>1</mark> note." : PolicySetBuilder.DefaultBody(e));
        Assert.Equal(["<mark>", "</mark>"], c.Of("PD0303").Select(d => d.Message[(d.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public void A_link_whose_text_names_another_section_is_a_warning()
    {
        var c = Single(e => e.Id == "5.4.1"
            ? "Events listed in [Section 5.4.2](#542-frequency-of-processing-log) and [Section 5.4.3](#543-retention-period-for-audit-log)."
            : PolicySetBuilder.DefaultBody(e));
        Assert.Empty(c.Of("PD0204"));
        var wrong = Single(e => e.Id == "5.4.1" ? "See [Section 5.4.1.1](#542-frequency-of-processing-log)." : PolicySetBuilder.DefaultBody(e));
        Assert.Equal("The link reads \"Section 5.4.1.1\" but leads to section 5.4.2.", Assert.Single(wrong.Of("PD0204")).Message);
    }

    [Theory]
    [InlineData("date", "effective_date")]
    [InlineData("titel", "title")]
    [InlineData("copyright", null)]
    public void Unknown_keys_suggest_the_likely_key(string key, string? expected) =>
        Assert.Equal(expected, Suggest.Closest(key, ["cas", "effective_date", "id", "name", "oid", "title", "version"]));
}
