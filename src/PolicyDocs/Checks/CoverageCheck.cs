using PolicyDocs.Loading;
using PolicyDocs.Matrix;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Checks;

/// <summary>
/// Recommendation coverage: every section reference must exist (PD0602); for each CA, every recommendation at or
/// below its impact level must be addressed in a document that applies to it (PD0601); a planned item due before
/// the effective date of the documents it maps to is overdue (PD0603). Dates come from the documents, never the clock.
/// </summary>
internal static class CoverageCheck
{
    /// <summary>Checks <paramref name="set"/> using its <paramref name="matrix"/>.</summary>
    public static void Check(PolicySet set, RecommendationMatrix matrix, DiagnosticBag d)
    {
        var docIds = set.Documents.Select(x => x.Id).ToList();
        foreach (var rec in set.Data.Recommendations)
            foreach (var s in rec.Sections)
            {
                var doc = set.Find(s.DocumentId);
                if (doc is null)
                    d.Add(Rules.UnknownSectionReference, s.Span, $"Recommendation {rec.Id} refers to '{s}', but there is no document '{s.DocumentId}'{Suggest.Hint(s.DocumentId, docIds)}.");
                else if (doc.Find(s.Number) is null)
                    d.Add(Rules.UnknownSectionReference, s.Span, $"Recommendation {rec.Id} refers to '{s}', but {doc.Info.ShortTitle} has no section {s.Number}{Suggest.Hint(s.Number, doc.AllSections.Select(x => x.Number))}.");
            }

        foreach (var row in matrix.Rows)
        {
            var rec = row.Recommendation;
            for (var i = 0; i < matrix.Cas.Length; i++)
            {
                if (row.Cells[i].State != CoverageState.Gap) continue;
                var ca = matrix.Cas[i];
                var docs = ca.Documents.IsEmpty ? "no document applies to it" : $"none of its sections is in a document that applies to it ({string.Join(", ", ca.Documents)})";
                d.Add(Rules.CoverageGap, rec.Span,
                    $"Recommendation {rec.Id} (level {rec.Level}) applies to CA '{ca.Id}' (level {ca.Level}) but is not addressed for it: {docs}.");
            }
            if (rec.Status == RecommendationStatus.Planned && rec.Due is { } due && row.Cells.Any(c => c.Applies))
            {
                var mapped = rec.Sections.Select(s => set.Find(s.DocumentId)).OfType<PolicyDocument>().Distinct().ToList();
                if (mapped.Count == 0)
                    mapped = [.. set.Documents.Where(doc => matrix.Cas.Where((_, i) => row.Cells[i].Applies).Any(ca => ca.Documents.Contains(doc.Id)))];
                var late = mapped.Where(doc => doc.Info.EffectiveDate is { } eff && eff > due)
                    .OrderByDescending(doc => doc.Info.EffectiveDate).ThenBy(doc => doc.Id, StringComparer.Ordinal).FirstOrDefault();
                if (late is not null)
                    d.Add(Rules.OverdueRecommendation, rec.Span,
                        $"Recommendation {rec.Id} is planned for {Date(due)}, before {late.Info.ShortTitle} {late.Info.Version} takes effect ({Date(late.Info.EffectiveDate!.Value)}): it is overdue.");
            }
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
