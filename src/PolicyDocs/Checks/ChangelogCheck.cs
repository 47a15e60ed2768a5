using System.Globalization;
using PolicyDocs.Model;

namespace PolicyDocs.Checks;

/// <summary>
/// The dated changelog rules: within one version, revisions are in date order, at most 365 days apart, and the
/// current version is the latest revision. The rules between two releases run where releases are compared.
/// </summary>
internal static class ChangelogCheck
{
    private const int MaxDaysBetweenRevisions = 365;

    /// <summary>Checks the revision history of every document of one version.</summary>
    public static void Check(PolicySet set, DiagnosticBag d)
    {
        // A revision table read from the document's own text is its statement, published as written.
        foreach (var doc in set.Documents.Where(x => !x.Info.RevisionsFromText))
        {
            var revisions = doc.Info.Revisions;
            for (var i = 1; i < revisions.Length; i++)
            {
                var (prev, cur) = (revisions[i - 1], revisions[i]);
                if (cur.Date <= prev.Date)
                    d.Add(Rules.RevisionOrder, cur.Span, $"Revision {cur.Version} is dated {Day(cur.Date)}, not after revision {prev.Version} ({Day(prev.Date)}).");
                else if (cur.Date.DayNumber - prev.Date.DayNumber > MaxDaysBetweenRevisions)
                    d.Add(Rules.AnnualReview, cur.Span,
                        $"Revision {cur.Version} ({Day(cur.Date)}) comes {cur.Date.DayNumber - prev.Date.DayNumber} days after revision {prev.Version} ({Day(prev.Date)}); the document must be reviewed at least every {MaxDaysBetweenRevisions} days.");
            }
            if (revisions.Length > 0 && revisions[^1].Version != doc.Info.Version)
                d.Add(Rules.VersionNotInHistory, doc.Info.Span,
                    $"Document '{doc.Id}' is version {doc.Info.Version}, but its latest revision entry is {revisions[^1].Version}.");
        }
    }

    /// <summary>Compares dotted versions numerically ("1.10" &gt; "1.9").</summary>
    public static bool IsGreater(string? a, string? b) => a is not null && VersionNumber.Compare(a, b) > 0;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
