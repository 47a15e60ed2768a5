using System.Globalization;
using PolicyDocs.Loading;
using PolicyDocs.Markdown;
using PolicyDocs.Matrix;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Model.Data;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>The data of templates/site/matrix.sbn: levels, CAs, coverage figures and the rows by chapter, with the
/// links from each cell to the sections that address the recommendation for that CA.</summary>
internal static class MatrixPageModel
{
    /// <summary>Path of the matrix page from the site root.</summary>
    public const string PagePath = SitePaths.MatrixPage;

    /// <summary>Builds the model of the matrix page, which sits one folder below the site root.</summary>
    public static ScriptObject Build(PolicySet set, RecommendationMatrix matrix)
    {
        const int depth = 1;
        var levels = new ScriptArray(matrix.Levels.Select((l, i) => new ScriptObject { ["name"] = l, ["rank"] = i }));
        var cas = new ScriptArray(matrix.Cas.Select(ca => new ScriptObject
        {
            ["id"] = ca.Id, ["name"] = ca.Name, ["level"] = ca.Level ?? "", ["documents"] = string.Join(", ", ca.Documents),
        }));
        var coverage = new ScriptArray(matrix.Coverage().Select(c => new ScriptObject
        {
            ["id"] = c.CaId, ["name"] = c.Name, ["level"] = c.Level ?? "no level", ["applicable"] = c.Applicable, ["implemented"] = c.Implemented,
            ["partial"] = c.Partial, ["planned"] = c.Planned, ["not_applicable"] = c.NotApplicable, ["gaps"] = c.Gaps,
            ["addressed"] = c.Addressed, ["percent"] = c.Percent,
        }));
        var chapters = new ScriptArray(matrix.Chapters.Select(ch => new ScriptObject
        {
            ["name"] = ch.Name,
            ["slug"] = DataReaders.Slug(ch.Name),
            ["rows"] = new ScriptArray(ch.Rows.Select(row => Row(set, matrix, row, DataReaders.Slug(ch.Name), depth))),
        }));
        return new ScriptObject
        {
            ["levels"] = levels,
            ["cas"] = cas,
            ["coverage"] = coverage,
            ["chapters"] = chapters,
            ["count"] = matrix.Rows.Count(),
            ["statuses"] = new ScriptArray(Enum.GetValues<RecommendationStatus>().Select(RecommendationRecord.StatusName)),
            ["kinds"] = new ScriptArray(Enum.GetValues<RecommendationKind>().Select(RecommendationRecord.KindName)),
        };
    }

    private static ScriptObject Row(PolicySet set, RecommendationMatrix matrix, MatrixRow row, string chapterSlug, int depth)
    {
        var rec = row.Recommendation;
        return new ScriptObject
        {
            ["id"] = rec.Id,
            ["anchor"] = "rec-" + rec.Id,
            ["chapter"] = chapterSlug,
            ["text"] = rec.Text,
            ["kind"] = RecommendationRecord.KindName(rec.Kind),
            ["level"] = rec.Level,
            ["level_rank"] = rec.LevelRank,
            ["status"] = RecommendationRecord.StatusName(rec.Status),
            ["owner"] = rec.Owner ?? "",
            ["due"] = rec.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["justification"] = rec.Justification ?? "",
            ["levels"] = new ScriptArray(matrix.Levels.Select((_, i) => rec.LevelRank <= i)),
            ["applies_to"] = string.Join(" ", row.Cells.Where(c => c.Applies).Select(c => c.CaId)),
            ["cells"] = new ScriptArray(row.Cells.Select(c => new ScriptObject
            {
                ["ca"] = c.CaId,
                ["state"] = c.State.ToString().ToLowerInvariant(),
                ["label"] = c.Applies ? c.Label : "not required",
                ["applies"] = c.Applies,
                ["links"] = new ScriptArray(c.Where.Select(s => Link(set, s, depth))),
            })),
        };
    }

    private static ScriptObject Link(PolicySet set, SectionReference s, int depth)
    {
        var doc = set.Find(s.DocumentId)!;
        var section = doc.Find(s.Number);
        return new ScriptObject
        {
            ["href"] = SiteLinks.Root(depth) + SitePaths.DocumentPage(doc.Id) + "#" + SectionAnchor.Of(s.Number),
            ["text"] = doc.Info.KindLabel + " " + s.Number,
            ["title"] = section is null ? doc.Info.ShortTitle : $"{doc.Info.ShortTitle} {section.DisplayTitle}",
        };
    }
}
