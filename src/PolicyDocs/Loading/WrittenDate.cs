using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyDocs.Loading;

/// <summary>
/// Reads a calendar date as published documents write it: ISO "2026-03-31", "31-March-2026", "31 March 2026",
/// "March 31, 2026", "Mar 31, 2026", "Sept. 2, 2025", "2026/03/31", "31-Mar-26" (a two-digit year is 1950–2049).
/// Numeric day-month orders other than ISO are ambiguous and not read.
/// </summary>
internal static partial class WrittenDate
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd",
        "d-MMMM-yyyy", "d-MMM-yyyy", "d MMMM yyyy", "d MMM yyyy", "d MMMM, yyyy", "d MMM, yyyy",
        "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy",
        "d-MMM-yy", "d-MMMM-yy", "d MMM yy",
    ];

    /// <summary>The date <paramref name="text"/> states, or null.</summary>
    public static DateOnly? TryParse(string text)
    {
        var t = Ordinal().Replace(Spaces().Replace(Dashes().Replace(text.Trim(), "-"), " "), "$1");
        t = Abbreviation().Replace(September().Replace(t, "Sep"), "$1");
        return DateOnly.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;
    }

    // Typographic hyphens and dashes ("4\u2010Oct\u20102017") as the ASCII hyphen.
    [GeneratedRegex("[\u2010-\u2015\u2212]")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    // "Sept" and "Sept." become the invariant culture's "Sep".
    [GeneratedRegex(@"\bSept\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex September();

    // "Jan." as written: the point goes.
    [GeneratedRegex(@"\b([A-Za-z]{3})\.")]
    private static partial Regex Abbreviation();
}
