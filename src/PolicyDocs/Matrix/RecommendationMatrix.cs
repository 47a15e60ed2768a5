using System.Collections.Immutable;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Matrix;

/// <summary>One CA as a column of the matrix.</summary>
/// <param name="Id">CA id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Level">Its impact level, or null.</param>
/// <param name="LevelRank">Position of the level on the scale, or -1 when it has none.</param>
/// <param name="Documents">Ids of the documents that apply to it, in publication order.</param>
internal sealed record MatrixCa(string Id, string Name, string? Level, int LevelRank, ImmutableArray<string> Documents);

/// <summary>One recommendation as a row of the matrix: the record and one cell per CA, in column order.</summary>
/// <param name="Recommendation">The record.</param>
/// <param name="Cells">Cells in the order of <see cref="RecommendationMatrix.Cas"/>.</param>
internal sealed record MatrixRow(RecommendationRecord Recommendation, ImmutableArray<CoverageCell> Cells);

/// <summary>The rows of one chapter, in file order.</summary>
/// <param name="Name">The chapter.</param>
/// <param name="Rows">Its recommendations.</param>
internal sealed record MatrixChapter(string Name, ImmutableArray<MatrixRow> Rows);

/// <summary>
/// Recommendations × impact levels × CAs: for each recommendation, the levels at which it applies, and for each CA
/// whether it is addressed there and in which sections. Built once from the resolved policy set; the HTML, CSV, XLSX,
/// console outputs and the coverage check all read it. Chapters keep the order of their first appearance in the file.
/// </summary>
internal sealed record RecommendationMatrix(ImmutableArray<string> Levels, ImmutableArray<MatrixCa> Cas, ImmutableArray<MatrixChapter> Chapters)
{
    /// <summary>Every row, chapter by chapter.</summary>
    public IEnumerable<MatrixRow> Rows => Chapters.SelectMany(c => c.Rows);

    /// <summary>Coverage figures, one per CA, in column order.</summary>
    public ImmutableArray<CaCoverage> Coverage()
    {
        var result = ImmutableArray.CreateBuilder<CaCoverage>();
        for (var i = 0; i < Cas.Length; i++)
        {
            var cells = Rows.Select(r => r.Cells[i]).Where(c => c.Applies).ToList();
            int Count(CoverageState s) => cells.Count(c => c.State == s);
            result.Add(new CaCoverage(Cas[i].Id, Cas[i].Name, Cas[i].Level, cells.Count, Count(CoverageState.Implemented), Count(CoverageState.Partial),
                Count(CoverageState.Planned), Count(CoverageState.NotApplicable), Count(CoverageState.Gap)));
        }
        return result.ToImmutable();
    }

    /// <summary>Builds the matrix of <paramref name="set"/>. Documents that name no CAs apply to every CA.</summary>
    public static RecommendationMatrix Build(PolicySet set)
    {
        var levels = set.Info.ImpactLevels;
        var cas = set.Data.Cas.Select(ca => new MatrixCa(ca.Id, ca.Name, ca.Level, ca.Level is null ? -1 : levels.IndexOf(ca.Level),
            [.. set.Documents.Where(d => d.Info.Cas.IsEmpty || d.Info.Cas.Contains(ca.Id)).Select(d => d.Id)])).ToImmutableArray();
        var chapters = new List<(string Name, List<MatrixRow> Rows)>();
        foreach (var rec in set.Data.Recommendations)
        {
            var row = new MatrixRow(rec, [.. cas.Select(ca => Cell(set, rec, ca))]);
            var chapter = chapters.Find(c => c.Name == rec.Chapter);
            if (chapter.Rows is null) chapters.Add((rec.Chapter, [row]));
            else chapter.Rows.Add(row);
        }
        return new RecommendationMatrix(levels, cas, [.. chapters.Select(c => new MatrixChapter(c.Name, [.. c.Rows]))]);
    }

    private static CoverageCell Cell(PolicySet set, RecommendationRecord rec, MatrixCa ca)
    {
        ImmutableArray<SectionReference> where = [.. rec.Sections.Where(s => ca.Documents.Contains(s.DocumentId) && set.Find(s.DocumentId)?.Find(s.Number) is not null)];
        if (ca.LevelRank < 0 || rec.LevelRank > ca.LevelRank) return new CoverageCell(ca.Id, CoverageState.NotRequired, []);
        var state = rec.Status switch
        {
            RecommendationStatus.NotApplicable => CoverageState.NotApplicable,
            RecommendationStatus.Planned => CoverageState.Planned,
            _ when where.IsEmpty => CoverageState.Gap,
            RecommendationStatus.Implemented => CoverageState.Implemented,
            _ => CoverageState.Partial,
        };
        return new CoverageCell(ca.Id, state, where);
    }
}
