using PolicyDocs.Model;

namespace PolicyDocs.Rendering.Html;

/// <summary>One version of a document and the dates it was in effect; <see cref="Until"/> is exclusive, null while current.</summary>
internal sealed record VersionRange(string Version, DateOnly? From, DateOnly? Until, string Summary, string? Approval, bool IsCurrent, bool InEffect);

/// <summary>Effective ranges of a document's versions, from its revision history: each version is in effect from its
/// date until the next version's date. A draft is never in effect.</summary>
internal static class VersionHistory
{
    /// <summary>The versions of <paramref name="info"/>, oldest first.</summary>
    public static IReadOnlyList<VersionRange> Of(DocumentInfo info)
    {
        var revisions = info.Revisions.OrderBy(r => r.Date).ToList();
        var list = new List<(string Version, DateOnly? Date, string Summary, string? Approval)>();
        foreach (var r in revisions) list.Add((r.Version, r.Date, r.Summary, r.Approval));
        if (info.Version is { } stated && !list.Any(v => v.Version == stated)) list.Add((stated, info.EffectiveDate, "", null));
        var isDraft = info.Status == DocumentStatus.Draft;
        var effective = list.Where(v => !(isDraft && v.Version == info.Version)).ToList();
        var result = new List<VersionRange>();
        foreach (var v in list)
        {
            var current = v.Version == info.Version;
            var inEffect = !(isDraft && current) && v.Date is not null;
            DateOnly? until = null;
            if (inEffect)
            {
                var i = effective.FindIndex(e => e.Version == v.Version);
                if (i >= 0 && i + 1 < effective.Count) until = effective[i + 1].Date;
                if (info.Status == DocumentStatus.Superseded && current && until is null) until = v.Date;
            }
            result.Add(new VersionRange(v.Version, v.Date, until, v.Summary, v.Approval, current, inEffect));
        }
        return result;
    }
}
