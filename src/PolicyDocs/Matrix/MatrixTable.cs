using System.Collections.Immutable;
using System.Globalization;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Matrix;

/// <summary>
/// The matrix flattened to one header and one row of texts per recommendation, chapter by chapter in file order:
/// what the CSV and XLSX downloads contain, so both always agree. Columns: id, chapter, recommendation, kind, level,
/// one "applies at" column per impact level, status, sections, owner, due, justification, then per CA its state and
/// the sections that address it there.
/// </summary>
internal sealed record MatrixTable(ImmutableArray<string> Header, ImmutableArray<ImmutableArray<string>> Rows)
{
    /// <summary>Index of the first per-level column.</summary>
    public const int FirstLevelColumn = 5;

    /// <summary>Flattens <paramref name="matrix"/>; section references are written <c>cps:6.2.1</c>.</summary>
    public static MatrixTable From(RecommendationMatrix matrix)
    {
        var header = ImmutableArray.CreateBuilder<string>();
        header.AddRange("Id", "Chapter", "Recommendation", "Kind", "Level");
        foreach (var level in matrix.Levels) header.Add("Applies at " + level);
        header.AddRange("Status", "Sections", "Owner", "Due", "Justification");
        foreach (var ca in matrix.Cas) header.AddRange($"{ca.Name} ({ca.Id})", $"{ca.Name} ({ca.Id}) sections");
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var row in matrix.Rows)
        {
            var rec = row.Recommendation;
            var cells = ImmutableArray.CreateBuilder<string>();
            cells.AddRange(rec.Id, rec.Chapter, rec.Text, RecommendationRecord.KindName(rec.Kind), rec.Level);
            for (var i = 0; i < matrix.Levels.Length; i++) cells.Add(rec.LevelRank <= i ? "yes" : "no");
            cells.AddRange(RecommendationRecord.StatusName(rec.Status), string.Join(" ", rec.Sections.Select(s => s.ToString())), rec.Owner ?? "",
                rec.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", rec.Justification ?? "");
            foreach (var cell in row.Cells)
                cells.AddRange(cell.Applies ? cell.Label : "not required", string.Join(" ", cell.Where.Select(s => s.ToString())));
            rows.Add(cells.ToImmutable());
        }
        return new MatrixTable(header.ToImmutable(), rows.ToImmutable());
    }
}
