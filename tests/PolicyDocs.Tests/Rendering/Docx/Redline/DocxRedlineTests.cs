using CsCheck;
using PolicyDocs.Diff;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Docx.Redline;
using PolicyDocs.Versions;
using PolicyDocs.Tests.Rendering.Docx;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Docx.Redline;

/// <summary>
/// Word redlines are exact: accepting every change gives the new version's Word text, rejecting every change gives
/// the old one's; they validate, pass the Word-rules lint, and independent readers (pandoc, LibreOffice) agree.
/// </summary>
public sealed class DocxRedlineTests(RedlineSample sample) : IClassFixture<RedlineSample>
{
    private const string File04 = "documents/cps/04-certificate-life-cycle-operational-requirements.md";

    private static readonly string[] Files =
    [
        "documents/cps/01-introduction.md", "documents/cps/05-facility-management-and-operational-controls.md",
        "documents/cps/07-certificate-crl-and-ocsp-profiles.md", "documents/cp/06-technical-security-controls.md",
        "documents/cps/06-technical-security-controls.md", File04,
    ];

    private sealed record Case(byte[] Redline, byte[] OldDocx, byte[] NewDocx, Compilation New, DocumentChange Change);

    /// <summary>The redline of the sample (with <paramref name="baseEdits"/>, if any) against it with <paramref name="edits"/> too.</summary>
    private Case? Redline(string file, IEnumerable<MarkdownEdit> edits, bool strict = false, IReadOnlyList<MarkdownEdit>? baseEdits = null)
    {
        var baseText = baseEdits is { Count: > 0 } ? MarkdownEdits.Apply(sample.Read(file), baseEdits) : sample.Read(file);
        var old = baseEdits is { Count: > 0 } ? sample.CompileEdited(file, baseText) : sample.Old;
        if (old.ErrorCount > 0) return null;
        var text = MarkdownEdits.Apply(baseText, edits);
        var compiled = sample.CompileEdited(file, text);
        if (strict) NoErrors(compiled);
        if (compiled.ErrorCount > 0) return null;
        var docId = file.Split('/')[1];
        var changes = PolicyDiffer.Compare(old.Published!, compiled.Published!, "old", "new", docId);
        var change = changes.Documents.Single();
        if (change.Kind is null) return null;
        return new Case(DocxRedlineRenderer.Render(VersionChange.Between(old.Published!, compiled.Published!, changes, change)),
            DocxRenderer.Render(old.Published!.Find(docId)!), DocxRenderer.Render(compiled.Published!.Of(compiled.Published!.Set.Find(docId)!)), compiled, change);
    }

    /// <summary>Accept All gives the new version's text and formatting, Reject All the old one's, and the redline is valid.</summary>
    private static void Exact(Case c)
    {
        Assert.Equal(TrackedChanges.Paragraphs(c.NewDocx, null), TrackedChanges.Paragraphs(c.Redline, accept: true));
        Assert.Equal(TrackedChanges.Paragraphs(c.OldDocx, null, skipContents: true), TrackedChanges.Paragraphs(c.Redline, accept: false, skipContents: true));
        Assert.Equal(TrackedChanges.Formatting(c.NewDocx, null), TrackedChanges.Formatting(c.Redline, accept: true));
        Assert.Equal(TrackedChanges.Formatting(c.OldDocx, null, skipContents: true), TrackedChanges.Formatting(c.Redline, accept: false, skipContents: true));
        Assert.Empty(DocxTestKit.Problems(c.Redline));
    }

    /// <summary>The redline of the CPS between two texts of one of its section files, both free of errors.</summary>
    private Case Between(string before, string after, string file = File04)
    {
        var old = sample.CompileEdited(file, before);
        var compiled = sample.CompileEdited(file, after);
        NoErrors(old);
        NoErrors(compiled);
        var changes = PolicyDiffer.Compare(old.Published!, compiled.Published!, "old", "new", "cps");
        var change = changes.Documents.Single();
        return new Case(DocxRedlineRenderer.Render(VersionChange.Between(old.Published!, compiled.Published!, changes, change)),
            DocxRenderer.Render(old.Published!.Find("cps")!), DocxRenderer.Render(compiled.Published!.Of(compiled.Published!.Set.Find("cps")!)), compiled, change);
    }

    private static readonly Gen<MarkdownEdit> FormatEdit =
        Gen.Select(Gen.Int[MarkdownEdits.Emphasis, MarkdownEdits.Kinds - 1], Gen.Int[0, 500], Gen.Int[0, 60], Gen.Int[0, 7], (k, l, w, v) => new MarkdownEdit(k, l, w, v));

    // Two footnotes in the old version, so that edits can remove and change them.
    private static readonly MarkdownEdit[] TwoNotes = [new(MarkdownEdits.AddNote, 1, 0, 0), new(MarkdownEdits.AddNote, 7, 3, 5)];

    private static readonly Gen<MarkdownEdit> Edit =
        Gen.Select(Gen.Int[0, MarkdownEdits.Kinds - 1], Gen.Int[0, 500], Gen.Int[0, 60], Gen.Int[0, 7], (k, l, w, v) => new MarkdownEdit(k, l, w, v));

    [Fact]
    public void Accepting_all_gives_the_new_text_and_rejecting_all_the_old()
    {
        Gen.Select(Gen.Int[0, Files.Length - 1], Edit.Array[1, 6]).Sample((f, edits) =>
        {
            if (Redline(Files[f], edits) is { } c) Exact(c);
        }, iter: 10, threads: 1);
    }

    private static readonly Gen<MarkdownEdit> TableEdit =
        Gen.Select(Gen.Int[MarkdownEdits.FirstTableEdit, MarkdownEdits.LastTableEdit], Gen.Int[0, 500], Gen.Int[0, 60], Gen.Int[0, 7], (k, l, w, v) => new MarkdownEdit(k, l, w, v));

    [Fact]
    public void Table_row_and_column_edits_accept_to_the_new_text_and_reject_to_the_old()
    {
        // Rows inserted, deleted, changed and moved, columns inserted and deleted, together.
        string[] files = [Files[0], Files[1], Files[5], "documents/cps/06-technical-security-controls.md"];
        Gen.Select(Gen.Int[0, files.Length - 1], TableEdit.Array[1, 4]).Sample((f, edits) =>
        {
            var c = Redline(files[f], edits);
            if (c is null) return;
            Assert.Equal(TrackedChanges.Paragraphs(c.NewDocx, null), TrackedChanges.Paragraphs(c.Redline, accept: true));
            Assert.Equal(TrackedChanges.Paragraphs(c.OldDocx, null, skipContents: true), TrackedChanges.Paragraphs(c.Redline, accept: false, skipContents: true));
            Assert.Empty(DocxTestKit.Problems(c.Redline));
            AssertNotRagged(c.Redline);
        }, iter: 12, threads: 1);
    }

    private const string File07 = "documents/cps/07-certificate-crl-and-ocsp-profiles.md";
    private const string Extensions = "### 7.1.2 Certificate extensions\n";

    /// <summary>The sample's 7.1.2 with <paramref name="insert"/> added after its heading.</summary>
    private string With712(string insert)
    {
        var text = sample.Read(File07);
        var at = text.IndexOf(Extensions, StringComparison.Ordinal) + Extensions.Length;
        return text[..at] + "\n" + insert + "\n" + text[at..];
    }

    private (byte[] Redline, byte[] OldDocx, byte[] NewDocx) Between07(string oldText, string newText)
    {
        var c = Between(oldText, newText, File07);
        Assert.Equal(TrackedChanges.Paragraphs(c.NewDocx, null), TrackedChanges.Paragraphs(c.Redline, accept: true));
        Assert.Equal(TrackedChanges.Paragraphs(c.OldDocx, null, skipContents: true), TrackedChanges.Paragraphs(c.Redline, accept: false, skipContents: true));
        Assert.Empty(DocxTestKit.Problems(c.Redline));
        AssertNotRagged(c.Redline);
        return (c.Redline, c.OldDocx, c.NewDocx);
    }

    private const string OldProfile = """
        **Signing CA profile.**

        | Field | Value |
        |---|---|
        | Validity | Up to 8 years |
        | Basic constraints | cA=True, path length 0 (critical) |
        | Key usage | keyCertSign, cRLSign (critical) |
        | Serial number | 64 bits from a CSPRNG |

        **Legacy constraints.**

        | Field | Value |
        |---|---|
        | Name constraints | Permitted subtree example.org |

        """;

    private const string NewProfile = """
        **Signing CA profile.**

        | Field | Description | Critical |
        |---|---|---|
        | tbsCertificate.validity | At most 1098 days | n/a |
        | basicConstraints | cA set to true, pathLenConstraint 0 | yes |
        | keyUsage | Only keyCertSign and cRLSign set | yes |
        | subjectKeyIdentifier | Truncated hash of the public key | no |
        | authorityKeyIdentifier | Equal to the issuer's subjectKeyIdentifier | no |

        """;

    [Fact]
    public void A_restructured_profile_table_is_the_old_table_deleted_and_the_new_one_inserted()
    {
        var (redline, _, _) = Between07(With712(OldProfile), With712(NewProfile));
        var section = Describe(redline, "Certificate extensions");
        Golden.AssertMatches("restructured-profile-table.txt", section);
        // No table holds rows of both versions, and the deleted sub-heading comes before the rows it headed.
        foreach (var table in Tables(redline))
            Assert.False(table.Any(r => r.StartsWith('+')) && table.Any(r => r.StartsWith('-')), string.Join("\n", table));
        var lines = section.Split('\n').ToList();
        Assert.True(lines.FindIndex(l => l.Contains("Legacy constraints", StringComparison.Ordinal)) < lines.FindIndex(l => l.Contains("Name constraints", StringComparison.Ordinal)));
        Assert.True(lines.FindIndex(l => l.Contains("Up to 8 years", StringComparison.Ordinal)) < lines.FindIndex(l => l.Contains("At most 1098 days", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_dropped_column_is_a_deleted_cell_in_every_row()
    {
        const string table = """
            | Field | Value | Critical |
            |---|---|---|
            | xrayConstraints | cA=TRUE | yes |
            | yankeeUsage | keyCertSign, cRLSign | yes |
            | zuluUsage | id-kp-serverAuth | no |

            """;
        var dropped = string.Join('\n', table.Split('\n').Select(l => l.StartsWith('|') ? l[..l.TrimEnd().LastIndexOf('|', l.TrimEnd().Length - 2)] + "|" : l))
            .Replace("cRLSign |", "cRLSign, digitalSignature |", StringComparison.Ordinal);
        var (redline, _, _) = Between07(With712(table), With712(dropped));
        var rows = Tables(redline).Single(t => t.Any(r => r.Contains("xrayConstraints", StringComparison.Ordinal)));
        // Every row kept (none deleted and re-inserted), each with the old column as a deleted cell.
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.StartsWith(" ", r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("[-cell:", r.Split(" | ")[^1], StringComparison.Ordinal));
        Assert.Contains("{+, digitalSignature+}", string.Join("\n", rows), StringComparison.Ordinal);
        Assert.Contains("<w:cellDel ", MainXml(redline), StringComparison.Ordinal);

        // The other way: the column inserted.
        var (back, _, _) = Between07(With712(dropped), With712(table));
        var rows2 = Tables(back).Single(t => t.Any(r => r.Contains("xrayConstraints", StringComparison.Ordinal)));
        Assert.Equal(4, rows2.Count);
        Assert.All(rows2, r => Assert.StartsWith("{+cell:", r.Split(" | ")[^1], StringComparison.Ordinal));
        Assert.Contains("<w:cellIns ", MainXml(back), StringComparison.Ordinal);
    }

    [Fact]
    public void Reordered_rows_stay_in_their_table_and_accept_and_reject_exactly()
    {
        const string table = """
            | Field | Value |
            |---|---|
            | alpha | one |
            | bravo | two |
            | charlie | three |
            | delta | four |

            """;
        var reordered = table.Replace("| alpha | one |\n| bravo | two |", "| bravo | two |\n| alpha | one |", StringComparison.Ordinal);
        var (redline, _, _) = Between07(With712(table), With712(reordered));
        var rows = Tables(redline).Single(t => t.Any(r => r.Contains("charlie", StringComparison.Ordinal)));
        Assert.Equal(6, rows.Count);
        Assert.Equal(1, rows.Count(r => r.StartsWith('+')));
        Assert.Equal(1, rows.Count(r => r.StartsWith('-')));
    }

    /// <summary>Every table's rows have as many cells as its grid has columns.</summary>
    private static void AssertNotRagged(byte[] docx)
    {
        var w = (System.Xml.Linq.XNamespace)"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var body = System.Xml.Linq.XDocument.Parse(MainXml(docx)).Root!.Element(w + "body")!;
        foreach (var tbl in body.Descendants(w + "tbl"))
        {
            var grid = tbl.Element(w + "tblGrid")!.Elements(w + "gridCol").Count();
            foreach (var tr in tbl.Elements(w + "tr"))
                Assert.Equal(grid, tr.Elements(w + "tc").Sum(tc => int.Parse(tc.Element(w + "tcPr")?.Element(w + "gridSpan")?.Attribute(w + "val")?.Value ?? "1", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Each table as its rows described by <see cref="Row"/>.</summary>
    private static List<List<string>> Tables(byte[] docx)
    {
        var w = (System.Xml.Linq.XNamespace)"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var body = System.Xml.Linq.XDocument.Parse(MainXml(docx)).Root!.Element(w + "body")!;
        return [.. body.Elements(w + "tbl").Select(t => t.Elements(w + "tr").Select(Row).ToList())];
    }

    /// <summary>The body from the heading containing <paramref name="heading"/> to the next heading: paragraphs and table
    /// rows with their changes ([-deleted-], {+inserted+}), rows prefixed +, - or a space, cells of one version as cell:.</summary>
    private static string Describe(byte[] docx, string heading)
    {
        var w = (System.Xml.Linq.XNamespace)"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var body = System.Xml.Linq.XDocument.Parse(MainXml(docx)).Root!.Element(w + "body")!;
        var sb = new System.Text.StringBuilder();
        var inside = false;
        foreach (var e in body.Elements())
        {
            var isHeading = e.Name == w + "p" && (e.Element(w + "pPr")?.Element(w + "pStyle")?.Attribute(w + "val")?.Value ?? "").StartsWith("Heading", StringComparison.Ordinal);
            if (isHeading && inside) break;
            if (isHeading && Marked(e).Contains(heading, StringComparison.Ordinal)) inside = true;
            if (!inside) continue;
            if (e.Name == w + "p") sb.Append("P ").Append(Marked(e)).Append('\n');
            else if (e.Name == w + "tbl")
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"TABLE grid={e.Element(w + "tblGrid")!.Elements(w + "gridCol").Count()}\n");
                foreach (var tr in e.Elements(w + "tr")) sb.Append("  ").Append(Row(tr)).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Row(System.Xml.Linq.XElement tr)
    {
        var w = (System.Xml.Linq.XNamespace)"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var trPr = tr.Element(w + "trPr");
        var mark = trPr?.Element(w + "ins") is not null ? "+" : trPr?.Element(w + "del") is not null ? "-" : " ";
        return mark + " " + string.Join(" | ", tr.Elements(w + "tc").Select(tc =>
        {
            var text = string.Join(" / ", tc.Elements(w + "p").Select(Marked));
            var tcPr = tc.Element(w + "tcPr");
            return tcPr?.Element(w + "cellIns") is not null ? "{+cell:" + text + "+}" : tcPr?.Element(w + "cellDel") is not null ? "[-cell:" + text + "-]" : text;
        }));
    }

    private static string Marked(System.Xml.Linq.XElement p)
    {
        var w = (System.Xml.Linq.XNamespace)"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var sb = new System.Text.StringBuilder();
        foreach (var r in p.Descendants(w + "r"))
        {
            var text = string.Concat(r.Elements().Select(c => c.Name.LocalName is "t" or "delText" ? c.Value : c.Name.LocalName == "tab" ? "\t" : ""));
            if (text.Length == 0) continue;
            var op = r.Ancestors().FirstOrDefault(a => a.Name == w + "ins" || a.Name == w + "del")?.Name.LocalName;
            sb.Append(op == "ins" ? "{+" + text + "+}" : op == "del" ? "[-" + text + "-]" : text);
        }
        var markOp = p.Element(w + "pPr")?.Element(w + "rPr")?.Elements().FirstOrDefault(x => x.Name == w + "ins" || x.Name == w + "del")?.Name.LocalName;
        return sb.Append(markOp == "ins" ? " {+¶+}" : markOp == "del" ? " [-¶-]" : "").ToString().Replace("+}{+", "", StringComparison.Ordinal).Replace("-][-", "", StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_footnote_and_move_edits_are_exact_both_ways()
    {
        Gen.Select(Gen.Int[0, Files.Length - 1], FormatEdit.Array[1, 4], Gen.Bool).Sample((f, edits, notes) =>
        {
            if (Redline(Files[f], edits, baseEdits: notes ? TwoNotes : null) is { } c) Exact(c);
        }, iter: 12, threads: 1);
    }

    [Fact]
    public void Table_rows_paragraphs_words_and_headings_are_tracked()
    {
        var file = "documents/cps/07-certificate-crl-and-ocsp-profiles.md";
        var c = Redline(file, [new MarkdownEdit(6, 3, 0, 1), new MarkdownEdit(7, 10, 0, 0), new MarkdownEdit(5, 20, 1, 2), new MarkdownEdit(3, 2, 0, 3), new MarkdownEdit(4, 40, 0, 0), new MarkdownEdit(0, 7, 2, 4)], strict: true)!;
        var xml = MainXml(c.Redline);
        Assert.Contains("<w:trPr><w:ins ", xml.Replace("<w:trPr><w:tblHeader /><w:cantSplit />", "<w:trPr>").Replace("<w:trPr><w:cantSplit />", "<w:trPr>"));
        Assert.Contains("<w:del ", xml);
        Assert.Contains("<w:delText", xml);
        Assert.Matches("<w:pPr>(<w:pStyle [^>]*/>)?<w:rPr><w:ins w:author=\"Northwind PKI Policy Authority\" w:date=\"2026-04-01T00:00:00Z\" w:id=\"\\d+\" /></w:rPr>", xml);
        Assert.DoesNotMatch("<w:del [^>]*><w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t[ >]", xml);
        Assert.Contains("<w:trackRevisions />", SettingsXml(c.Redline));
        // Word is not asked to refresh the contents on opening a redline: it would record that as a tracked change.
        Assert.DoesNotContain("updateFields", SettingsXml(c.Redline), StringComparison.Ordinal);
        Assert.Contains("<w:updateFields w:val=\"true\" />", SettingsXml(c.NewDocx), StringComparison.Ordinal);
        // Revision ids: one increasing counter, above every bookmark id.
        var ids = System.Text.RegularExpressions.Regex.Matches(xml, "<w:(?:ins|del) [^>]*w:id=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var bookmarks = System.Text.RegularExpressions.Regex.Matches(xml, "<w:bookmarkStart [^>]*w:id=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order().ToList(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Min() > bookmarks.Max());
        Assert.Empty(DocxTestKit.Problems(c.Redline));
        // Deterministic bytes.
        Assert.Equal(c.Redline, DocxRedlineRenderer.Render(VersionChange.Between(sample.Old.Published!, c.New.Published!, new ChangeSet("old", "new", [c.Change], []), c.Change)));
    }

    [Fact]
    public void Renumbered_and_added_sections_and_metadata_are_tracked()
    {
        // Old: an extra subsection 4.9.1.1. New: a section inserted before it, which becomes 4.9.1.2; a new version.
        const string yaml = "documents/cps/document.yaml";
        var text = sample.Read(File04);
        var at = text.IndexOf("### 4.9.2 ", StringComparison.Ordinal);
        var before = text[..at] + "#### 4.9.1.1 Bravo grounds\n\nThe bravo grounds apply.\n\n" + text[at..];
        var after = text[..at] + "#### 4.9.1.1 Alpha grounds\n\nThe alpha grounds apply.\n\n#### 4.9.1.2 Bravo grounds\n\nThe bravo grounds apply.\n\n" + text[at..];
        var old = sample.CompileEdited(File04, before);
        var compiled = sample.CompileEdited((File04, after), (yaml, System.Text.RegularExpressions.Regex.Replace(sample.Read(yaml), "^version: \"1.1\"", "version: \"1.2\"", System.Text.RegularExpressions.RegexOptions.Multiline).Replace("status: approved", "status: draft", StringComparison.Ordinal).TrimEnd()
            + "\n  - version: \"1.2\"\n    date: 2026-05-01\n    summary: Alpha grounds added.\n"));
        Assert.Equal(0, old.ErrorCount);
        NoErrors(compiled);
        var changes = PolicyDiffer.Compare(old.Published!, compiled.Published!, "old", "new", "cps");
        var change = changes.Documents.Single();
        Assert.Contains(change.Sections, s => s.Kind == ChangeKind.Moved && s.OldNumber == "4.9.1.1" && s.NewNumber == "4.9.1.2");
        var redline = DocxRedlineRenderer.Render(VersionChange.Between(old.Published!, compiled.Published!, changes, change));
        var accepted = TrackedChanges.Paragraphs(redline, true);
        Assert.Equal(TrackedChanges.Paragraphs(DocxRenderer.Render(compiled.Published!.Of(compiled.Published!.Set.Find("cps")!)), null), accepted);
        var rejected = TrackedChanges.Paragraphs(redline, false, skipContents: true);
        Assert.Equal(TrackedChanges.Paragraphs(DocxRenderer.Render(old.Published!.Of(old.Published!.Set.Find("cps")!)), null, skipContents: true), rejected);
        Assert.Contains("4.9.1.1 Alpha grounds", accepted);
        Assert.Contains("4.9.1.2 Bravo grounds", accepted);
        Assert.DoesNotContain("4.9.1.1 Alpha grounds", rejected);
        Assert.Contains("4.9.1.1 Bravo grounds", rejected);
        Assert.Contains("1.2", accepted);
        Assert.Contains("1.1", rejected);
        var xml = MainXml(redline);
        Assert.Matches("<w:delText>4\\.9\\.1\\.1</w:delText>.*?<w:t>4\\.9\\.1\\.2</w:t>.*?Bravo grounds", xml);
        Assert.Empty(DocxTestKit.Problems(redline));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(redline));
        // The running header (header2.xml is the cover's, empty).
        var header = Part(redline, zip.Entries.Single(e => e.FullName == "word/header1.xml").FullName);
        Assert.Contains("<w:delText>1.1</w:delText>", header);
        Assert.Contains("<w:t>1.2</w:t>", header);
    }

    [Fact]
    public void A_moved_section_is_marked_moved_from_and_moved_to()
    {
        // Old: alpha, bravo, charlie under 4.9.1. New: alpha moved after charlie (numbers follow), its text slightly changed.
        var text = sample.Read(File04);
        var at = text.IndexOf("### 4.9.2 ", StringComparison.Ordinal);
        const string Alpha = "The alpha grounds apply to every certificate that the issuing authority has signed for a subscriber.\n\n";
        const string Bravo = "The bravo grounds apply when a subscriber asks for revocation in writing.\n\n";
        const string Charlie = "The charlie grounds apply when the authority learns of a key compromise.\n\n";
        var before = text[..at] + "#### 4.9.1.1 Alpha grounds\n\n" + Alpha + "#### 4.9.1.2 Bravo grounds\n\n" + Bravo + "#### 4.9.1.3 Charlie grounds\n\n" + Charlie + text[at..];
        var after = text[..at] + "#### 4.9.1.1 Bravo grounds\n\n" + Bravo + "#### 4.9.1.2 Charlie grounds\n\n" + Charlie + "#### 4.9.1.3 Alpha grounds\n\n"
            + Alpha.Replace("every certificate", "each certificate", StringComparison.Ordinal) + text[at..];
        var c = Between(before, after);
        Exact(c);
        var xml = MainXml(c.Redline);
        var from = System.Text.RegularExpressions.Regex.Matches(xml, "<w:moveFromRangeStart [^>]*w:name=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var to = System.Text.RegularExpressions.Regex.Matches(xml, "<w:moveToRangeStart [^>]*w:name=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(from);
        Assert.Equal(from.Order(), to.Order());
        Assert.Equal(System.Text.RegularExpressions.Regex.Matches(xml, "<w:moveFromRangeStart ").Count, System.Text.RegularExpressions.Regex.Matches(xml, "<w:moveFromRangeEnd ").Count);
        Assert.Equal(System.Text.RegularExpressions.Regex.Matches(xml, "<w:moveToRangeStart ").Count, System.Text.RegularExpressions.Regex.Matches(xml, "<w:moveToRangeEnd ").Count);
        Assert.DoesNotContain("<w:delText>The alpha grounds", xml);
        Golden.AssertMatches("moved-section-redline.txt", Revisions.Readable(c.Redline));
    }

    [Fact]
    public void List_emphasis_note_and_move_changes_carry_their_marks()
    {
        var text = sample.Read(File04);
        var at = text.IndexOf("### 4.9.2 ", StringComparison.Ordinal);
        const string Moving = "The delta paragraph moves further down in this section, unchanged.";
        var before = text[..at] + "A paragraph that becomes a list item later on.\n\n- first criterion of the scheme\n- second criterion of the scheme\n\n"
            + "The notes[^gone] and the other notes[^kept] are here, with **bold** words.\n\n" + Moving + "\n\nA paragraph that stays between.\n\n"
            + "[^gone]: The removed note says alpha.\n\n[^kept]: The kept note says bravo.\n\n" + text[at..];
        var after = text[..at] + "- A paragraph that becomes a list item later on.\n\n- first criterion of the scheme\n  - second criterion of the scheme\n\n"
            + "The notes and the other notes[^kept] are here, with bold words.[^added]\n\nA paragraph that stays between.\n\n" + Moving + "\n\n"
            + "[^kept]: The kept note says charlie.\n\n[^added]: The added note says delta.\n\n" + text[at..];
        var c = Between(before, after);
        Exact(c);
        var xml = MainXml(c.Redline);
        // The paragraph became a list item: its old properties (no numbering) in w:pPrChange; the nested item keeps its old level.
        Assert.Matches("<w:pPrChange [^>]*><w:pPr><w:pStyle w:val=\"ListParagraph\" /><w:numPr><w:ilvl w:val=\"0\" />", xml);
        Assert.Matches("<w:pPrChange [^>]*><w:pPr />(?:(?!<w:pPrChange).)*</w:pPrChange></w:pPr>(?:(?!</w:p>).)*A paragraph that becomes", xml);
        // Bold taken away: the old bold in w:rPrChange.
        Assert.Matches("<w:rPr><w:rPrChange [^>]*><w:rPr><w:b /></w:rPr></w:rPrChange></w:rPr><w:t>bold</w:t>", xml);
        // Notes: the removed one's reference deleted, the added one's inserted; texts in the notes part.
        Assert.Matches("<w:del [^>]*><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\" /></w:rPr><w:footnoteReference ", xml);
        Assert.Matches("<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\" /></w:rPr><w:footnoteReference ", xml);
        var notes = Part(c.Redline, "word/footnotes.xml");
        Assert.Contains("<w:delText>The removed note says alpha.</w:delText>", notes);
        Assert.Contains("<w:delText>bravo</w:delText>", notes);
        Assert.Matches("<w:ins [^>]*><w:r><w:t>charlie</w:t>", notes);
        // The moved paragraph: moved from, moved to, one name.
        Assert.Matches("<w:moveFromRangeStart [^>]*w:name=\"(move\\d+)\"", xml);
        Assert.Contains("<w:moveFrom ", xml);
        Assert.Contains("<w:moveTo ", xml);
        Assert.DoesNotContain("<w:delText>" + Moving, xml);
        Assert.Contains("The notes[^gone] and the other notes[^kept] are here, with bold words.".Replace("[^gone]", "", StringComparison.Ordinal).Replace("[^kept]", "", StringComparison.Ordinal), TrackedChanges.Paragraphs(c.Redline, false));
    }

    [Fact]
    public void A_hard_line_break_that_became_a_space_is_tracked()
    {
        var text = sample.Read(File04);
        var at = text.IndexOf("### 4.9.2 ", StringComparison.Ordinal);
        var before = text[..at] + "The members are listed on this page:  \nthe register of members.\n\n" + text[at..];
        var after = text[..at] + "The members are listed on this page:\nthe register of members.\n\n" + text[at..];
        Exact(Between(before, after));
    }

    [Fact]
    public void A_note_whose_text_becomes_a_paragraph_is_deleted_and_the_paragraph_inserted()
    {
        var text = sample.Read(File04);
        var at = text.IndexOf("### 4.9.2 ", StringComparison.Ordinal);
        const string Remark = "Limits on names are counted in characters, not in bytes.";
        var before = text[..at] + "Names are limited in length.[^limits]\n\n[^limits]: " + Remark + "\n\n" + text[at..];
        var after = text[..at] + "Names are limited in length.\n\n* " + Remark + "\n\n" + text[at..];
        var c = Between(before, after);
        Exact(c);
        Assert.Contains("<w:delText>" + Remark + "</w:delText>", Part(c.Redline, "word/footnotes.xml"));
    }

    [Fact]
    public void Identical_versions_give_no_tracked_change()
    {
        var same = sample.CompileEdited(File04, sample.Read(File04));
        var doc = same.Published!.Set.Find("cps")!;
        var change = new DocumentChange { DocumentId = "cps", Title = doc.Info.Title, FromVersion = doc.Info.Version, ToVersion = doc.Info.Version, Kind = ChangeKind.Modified, Metadata = [], Sections = [] };
        var redline = DocxRedlineRenderer.Render(VersionChange.Between(sample.Old.Published!, same.Published!, new ChangeSet("old", "new", [change], []), change));
        Assert.Equal(0, TrackedChanges.Count(redline));
        Assert.Equal(TrackedChanges.Paragraphs(DocxRenderer.Render(same.Published!.Of(doc)), null), TrackedChanges.Paragraphs(redline, null));
        Assert.Empty(DocxTestKit.Problems(redline));
    }

    [Fact]
    public void Pandoc_accepts_and_rejects_to_the_two_versions()
    {
        var pandoc = Tool.OnPath("pandoc") ?? Skip("pandoc is not installed.");
        var c = Redline(Files[1], [new MarkdownEdit(0, 3, 2, 1), new MarkdownEdit(3, 8, 0, 2), new MarkdownEdit(4, 12, 0, 0), new MarkdownEdit(2, 30, 3, 0)])!;
        using var dir = new Support.TempTree();
        string Plain(byte[] docx, string? track)
        {
            var path = Path.Combine(dir.Root, Guid.NewGuid().ToString("N") + ".docx");
            File.WriteAllBytes(path, docx);
            var (code, output) = Run(pandoc, ["-f", "docx", "-t", "plain", "--wrap=none", .. track is null ? Array.Empty<string>() : ["--track-changes=" + track], path]);
            Assert.Equal(0, code);
            // pandoc keeps tracked rows as empty rows, and table column widths follow the content: compare words per line.
            // Contents entries end in an estimated page number, which the old version computes from its own length.
            // pandoc also keeps the list marker of a deleted list item.
            return string.Join('\n', output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"\s+(\d+)$|\s+", m => m.Groups[1].Success ? "" : " "))
                .Where(l => l.Length > 0 && l is not ("-" or "*") && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+\.$")));
        }
        // The redline's front page is its own summary, in neither version.
        var redline = TrackedChanges.WithoutFrontPage(c.Redline);
        Assert.Equal(Plain(c.NewDocx, null), Plain(redline, "accept"));
        Assert.Equal(Plain(c.OldDocx, null), Plain(redline, "reject"));
    }

    [Fact]
    public void LibreOffice_shows_deleted_and_inserted_words()
    {
        var soffice = Tool.OnPath("soffice") ?? Skip("LibreOffice (soffice) is not installed.");
        var pdftotext = Tool.OnPath("pdftotext") ?? Skip("pdftotext is not installed.");
        var text = sample.Read(File04).Replace("revokes a certificate in the portal", "revokes a certificate in the zebrafinch portal", StringComparison.Ordinal)
            .Replace("by choosing the", "by selecting the", StringComparison.Ordinal);
        var compiled = sample.CompileEdited(File04, text);
        var change = PolicyDiffer.Compare(sample.Old.Published!, compiled.Published!, "old", "new", "cps").Documents.Single();
        using var dir = new Support.TempTree();
        var docx = Path.Combine(dir.Root, "redline.docx");
        File.WriteAllBytes(docx, DocxRedlineRenderer.Render(VersionChange.Between(sample.Old.Published!, compiled.Published!, new ChangeSet("old", "new", [change], []), change)));
        var (code, log) = Run(soffice, ["-env:UserInstallation=file://" + Path.Combine(dir.Root, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir.Root, docx]);
        Assert.True(code == 0, log);
        var (_, pdf) = Run(pdftotext, [Path.Combine(dir.Root, "redline.pdf"), "-"]);
        Assert.Contains("zebrafinch", pdf);
        Assert.Contains("choosing", pdf);
        Assert.Contains("selecting", pdf);
    }

    private static void NoErrors(Compilation c)
    {
        var errors = c.Diagnostics.Where(d => d.Severity == PolicyDocs.Model.Severity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string Skip(string why)
    {
        Assert.Skip(why);
        return "";
    }

    private static (int Code, string Out) Run(string file, string[] args)
    {
        var (code, stdout, stderr) = Tool.Run(file, args);
        return (code, stdout + (code == 0 ? "" : stderr));
    }

    private static string MainXml(byte[] docx) => Part(docx, "word/document.xml");

    private static string SettingsXml(byte[] docx) => Part(docx, "word/settings.xml");

    private static string Part(byte[] docx, string name)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
