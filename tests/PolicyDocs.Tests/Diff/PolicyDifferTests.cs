using PolicyDocs.Diff;
using PolicyDocs.Compiling;

using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Diff;

/// <summary>Two versions of the sample set with edits of every kind; the change set names each.</summary>
public sealed class PolicyDifferTests : IDisposable
{
    private const string Cps04 = "documents/cps/04-certificate-life-cycle-operational-requirements.md";
    private const string Cps09 = "documents/cps/09-other-business-and-legal-matters.md";
    private readonly SampleCopy _old = new();
    private readonly SampleCopy _new = new();

    public PolicyDifferTests()
    {
        // An extra section that the new version renumbers.
        _old.Edit(Cps09, s => s.Replace("## 9.17 Other provisions", "### 9.16.6 Language\n\nThe English text of this CPS is authoritative.\n\n## 9.17 Other provisions"));
        _new.Edit(Cps09, s => s.TrimEnd() + "\n\n### 9.17.1 Language\n\nThe English text of this CPS is authoritative.\n");
        // Changed words, a deleted and an inserted paragraph, a new subsection.
        _new.Edit(Cps04, s => s
            .Replace("- **The Policy Authority** alone can request the revocation of a CA certificate.\n", "")
            .Replace("### 4.9.3 Procedure for revocation request\n", "### 4.9.3 Procedure for revocation request\n\nRevocation requests are logged with the time of receipt.\n")
            .Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal"));
        _new.Edit(Cps09, s => s.Replace("\n## 9.17 Other provisions\n", "\n### 9.16.6 Notices by e-mail\n\nNotices under this CPS may be sent by e-mail.\n\n## 9.17 Other provisions\n"));
        // A data change (a table row of 5.2.1 and a value used in prose).
        _new.Edit("data/glossary.yaml", s => s + "\n- term: Zone\n  definition: A physically separated area of the CA facility.\n");
        _new.Edit("data/cas.yaml", s => s.Replace("validity_years: 5", "validity_years: 4"));
    }

    private ChangeSet Compare()
    {
        var a = PolicyCompiler.Compile(_old.Content);
        var b = PolicyCompiler.Compile(_new.Content);
        Assert.Equal(0, a.ErrorCount);
        Assert.Equal(0, b.ErrorCount);
        return PolicyDiffer.Compare(a.Published!, b.Published!, "v1", "v2");
    }

    private static SectionChange Section(ChangeSet c, string doc, string number) =>
        c.Documents.Single(d => d.DocumentId == doc).Sections.Single(s => s.Number == number);

    [Fact]
    public void Each_section_change_sits_on_the_published_sections_it_compares()
    {
        var a = PolicyCompiler.Compile(_old.Content).Published!;
        var b = PolicyCompiler.Compile(_new.Content).Published!;
        var cps = PolicyDiffer.Compare(a, b, "v1", "v2").Documents.Single(d => d.DocumentId == "cps");
        var oldSections = a.Find("cps")!.ReadingOrder;
        var newSections = b.Find("cps")!.ReadingOrder;
        Assert.NotEmpty(cps.Sections);
        foreach (var s in cps.Sections)
        {
            Assert.Equal(s.Kind == ChangeKind.Added, s.OldSection is null);
            Assert.Equal(s.Kind == ChangeKind.Removed, s.NewSection is null);
            if (s.OldSection is { } o) Assert.Contains(oldSections, x => ReferenceEquals(x, o));
            if (s.NewSection is { } n) Assert.Contains(newSections, x => ReferenceEquals(x, n));
            Assert.Equal(s.OldNumber, s.OldSection?.Number);
            Assert.Equal(s.NewNumber, s.NewSection?.Number);
        }
        var moved = cps.Sections.Single(s => s.Kind == ChangeKind.Moved);
        Assert.Equal(("9.16.6", "9.17.1"), (moved.OldSection!.Number, moved.NewSection!.Number));
    }

    [Fact]
    public void Changed_words_are_a_word_level_modification()
    {
        var s = Section(Compare(), "cps", "4.9.3");
        Assert.Equal(ChangeKind.Modified, s.Kind);
        Assert.Equal(ChangeClass.Normative, s.Class);
        var modified = s.Blocks.Single(b => b.Op is null);
        Assert.Contains(new DiffSpan(DiffOp.Inserted, "self-service "), modified.Spans);
    }

    [Fact]
    public void Inserted_and_deleted_paragraphs_are_whole_block_changes()
    {
        var c = Compare();
        Assert.Contains(Section(c, "cps", "4.9.3").Blocks, b => b.Op == DiffOp.Inserted && b.New!.Text == "Revocation requests are logged with the time of receipt.");
        Assert.Contains(Section(c, "cps", "4.9.2").Blocks, b => b.Op == DiffOp.Deleted && b.Old!.Text.StartsWith("The Policy Authority alone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_subsection_is_added_and_a_renumbered_one_is_moved()
    {
        var c = Compare();
        Assert.Equal(ChangeKind.Added, Section(c, "cps", "9.16.6").Kind);
        Assert.Equal("Notices by e-mail", Section(c, "cps", "9.16.6").Title);
        var moved = Section(c, "cps", "9.17.1");
        Assert.Equal(ChangeKind.Moved, moved.Kind);
        Assert.Equal("9.16.6", moved.OldNumber);
        Assert.Empty(moved.Blocks);
        Assert.Equal(ChangeClass.Editorial, moved.Class);
        Assert.DoesNotContain(c.Documents.Single(d => d.DocumentId == "cps").Sections, s => s.Kind == ChangeKind.Removed);
    }

    [Fact]
    public void Data_changes_are_reported_and_traced_to_the_sections_they_render_into()
    {
        var c = Compare();
        var validity = c.Data.Single(d => d.File == "cas" && d.Path == "issuing.validity_years");
        Assert.Equal(("5", "4"), (validity.Old, validity.New));
        Assert.Contains("cps 1.3.1", validity.Sections);
        var term = c.Data.Single(d => d.File == "glossary" && d.Path.StartsWith("[", StringComparison.Ordinal) && d.Old is null);
        Assert.Contains("cps 1.6", term.Sections);
        var table = Section(c, "cps", "1.6");
        Assert.True(table.DataDriven);
        Assert.Contains(table.Blocks, b => b.Op == DiffOp.Inserted && b.Kind == BlockKind.TableRow && b.New!.Cells[0] == "Zone");
    }

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        var a = PolicyCompiler.Compile(_old.Content);
        var changes = PolicyDiffer.Compare(a.Published!, PolicyCompiler.Compile(_old.Content).Published!, "a", "b");
        Assert.True(changes.IsEmpty);
        Assert.Contains("No differences.", ChangeSummary.Text(changes));
    }

    [Fact]
    public void The_summary_names_each_change()
    {
        var text = ChangeSummary.Text(Compare());
        Assert.Contains("9.16.6 -> 9.17.1", text);
        Assert.Contains("{+Revocation requests are logged with the time of receipt.+}", text);
        Assert.Contains("cas issuing.validity_years: 5 -> 4", text);
        Assert.Matches(@"9\.16\.6\s+added\s+normative\s+Notices by e-mail", text);
    }

    public void Dispose()
    {
        _old.Dispose();
        _new.Dispose();
    }
}
