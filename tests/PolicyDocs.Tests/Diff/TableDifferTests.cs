using System.Collections.Immutable;
using PolicyDocs.Diff;

namespace PolicyDocs.Tests.Diff;

/// <summary>Table rows are compared within their table: by key, similarity and columns; restructured tables whole.</summary>
public sealed class TableDifferTests
{
    private static List<TextBlock> Table(params string[] rows)
    {
        var table = new object();
        return [.. rows.Select((r, i) =>
        {
            var cells = r.Split('|').Select(c => c.Trim()).ToImmutableArray();
            return new TextBlock(BlockKind.TableRow, string.Join(" | ", cells), cells) { Table = table, Header = i == 0 };
        })];
    }

    private static TextBlock Para(string text) => new(BlockKind.Paragraph, text, []);

    [Fact]
    public void A_restructured_table_is_deleted_whole_before_the_new_one_is_inserted_whole()
    {
        var old = Table("Field | Value", "Validity | Up to 8 years", "Basic constraints | cA=True, critical", "Key usage | keyCertSign, cRLSign");
        var @new = Table("Field | Description | Critical", "validity | At most 1098 days | n/a", "basicConstraints | cA set to true | yes",
            "keyUsage | only keyCertSign and cRLSign | yes", "subjectKeyIdentifier | a hash of the key | no");
        var (layout, _) = BlockDiffer.Compare([Para("Signing CA profile."), .. old], [Para("Signing CA profile."), .. @new]);
        var rows = layout.Where(l => l.Block.Kind == BlockKind.TableRow).ToList();
        Assert.Equal(old.Count + @new.Count, rows.Count);
        Assert.All(rows.Take(old.Count), r => Assert.Equal((DiffOp.Deleted, true), (r.Change!.Op!.Value, r.Change.WholeTable)));
        Assert.All(rows.Skip(old.Count), r => Assert.Equal((DiffOp.Inserted, true), (r.Change!.Op!.Value, r.Change.WholeTable)));
    }

    [Fact]
    public void Rows_of_one_table_never_pair_with_another_table_or_a_paragraph()
    {
        var first = Table("Name | Value", "alpha | one", "bravo | two");
        var second = Table("Name | Value", "alpha | one", "bravo | three");
        // Old: the first table; new: a paragraph with the same words as a row, then another table.
        var (layout, _) = BlockDiffer.Compare([.. first, Para("after")], [Para("alpha | one"), .. second, Para("after")]);
        foreach (var (_, change) in layout)
            if (change is { Old: { } o, New: { } n })
            {
                Assert.Equal(o.Kind, n.Kind);
                if (o.Kind == BlockKind.TableRow) Assert.True(first.Contains(o) && second.Contains(n));
            }
        Assert.Contains(layout, l => l.Change is { Op: null, Old.Text: "bravo | two", New.Text: "bravo | three" });
    }

    [Fact]
    public void Under_the_same_header_rows_written_another_way_pair_row_for_row()
    {
        var old = Table("Issued on or after | Issued before | Reuse period", " | March 15, 2026 | 398 days", "March 15, 2026 | March 15, 2027 | 200 days");
        var @new = Table("Issued on or after | Issued before | Reuse period", " | 2026-03-15 | 398 days", "2026-03-15 | 2027-03-15 | 200 days");
        var (layout, _) = BlockDiffer.Compare(old, @new);
        Assert.Equal(3, layout.Count);
        Assert.All(layout.Skip(1), l => Assert.Null(l.Change!.Op));
    }

    [Fact]
    public void A_dropped_column_keeps_every_row_paired_with_the_column_deleted()
    {
        var old = Table("Field | Value | Critical", "basicConstraints | cA=TRUE | yes", "keyUsage | keyCertSign | yes", "extKeyUsage | serverAuth | no");
        var @new = Table("Field | Value", "basicConstraints | cA=TRUE", "keyUsage | keyCertSign, cRLSign", "extKeyUsage | serverAuth");
        var (layout, _) = BlockDiffer.Compare(old, @new);
        Assert.Equal(4, layout.Count);
        Assert.All(layout, l =>
        {
            Assert.Null(l.Change!.Op);
            Assert.Equal([(0, 0), (1, 1), (2, -1)], l.Change.Columns);
            Assert.Equal(3, l.Change.CellSpans.Length);
        });
    }

    [Fact]
    public void A_moved_row_is_deleted_and_inserted_within_its_table()
    {
        var old = Table("Name | Value", "alpha | one", "bravo | two", "charlie | three");
        var @new = Table("Name | Value", "bravo | two", "charlie | three", "alpha | one");
        var (layout, _) = BlockDiffer.Compare(old, @new);
        Assert.Equal(5, layout.Count);
        Assert.Single(layout, l => l.Change is { Op: DiffOp.Deleted, WholeTable: false, Old.Text: "alpha | one" });
        Assert.Single(layout, l => l.Change is { Op: DiffOp.Inserted, WholeTable: false, New.Text: "alpha | one" });
    }
}
