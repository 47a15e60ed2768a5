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
        foreach (var doc in set.Documents)
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
    public static bool IsGreater(string? a, string? b)
    {
        if (a is null || b is null) return a is not null;
        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Max(pa.Length, pb.Length); i++)
        {
            var x = i < pa.Length && int.TryParse(pa[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xi) ? xi : 0;
            var y = i < pb.Length && int.TryParse(pb[i], NumberStyles.None, CultureInfo.InvariantCulture, out var yi) ? yi : 0;
            if (x != y) return x > y;
        }
        return string.CompareOrdinal(a, b) > 0;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
