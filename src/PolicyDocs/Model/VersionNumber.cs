using System.Globalization;

namespace PolicyDocs.Model;

/// <summary>Orders dotted version numbers numerically: "1.10" after "1.9", "2.0" after "1.10.3".</summary>
internal static class VersionNumber
{
    /// <summary>Negative, zero or positive as <paramref name="a"/> comes before, with or after <paramref name="b"/>; a missing version comes first.</summary>
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Max(pa.Length, pb.Length); i++)
        {
            var x = i < pa.Length && int.TryParse(pa[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xi) ? xi : 0;
            var y = i < pb.Length && int.TryParse(pb[i], NumberStyles.None, CultureInfo.InvariantCulture, out var yi) ? yi : 0;
            if (x != y) return x.CompareTo(y);
        }
        return string.CompareOrdinal(a, b);
    }
}
