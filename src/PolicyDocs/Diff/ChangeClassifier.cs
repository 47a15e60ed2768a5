using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PolicyDocs.Loading;

namespace PolicyDocs.Diff;

/// <summary>
/// Decides whether a change of a block's text is editorial or normative. Editorial, when every changed stretch of
/// words is one of:
/// <list type="bullet">
/// <item>whitespace, punctuation or casing only (the letters and digits read the same);</item>
/// <item>the same date written another way ("1 July 2024", "July 1, 2024", "1-Jul-24", "2024-07-01");</item>
/// <item>a spelling fix: one word for one word, both of at least four letters, with the same first and last letter,
/// at most two letters apart (an edit, an insertion, a deletion or two neighbours swapped each count one), neither a
/// normative keyword (MUST, SHALL, MAY, NOT …) nor holding a digit.</item>
/// </list>
/// Anything else (a keyword, a number, a word for another) is normative. Markup (link targets, list and emphasis
/// markers) is no part of the text, so a change of markup alone is editorial.
/// </summary>
internal static partial class ChangeClassifier
{
    /// <summary>The words of RFC 2119 and RFC 8174 and their negations, in any case.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "must", "shall", "should", "may", "required", "requires", "require", "recommended", "optional", "not", "never",
        "only", "mandatory", "prohibited", "forbidden", "cannot", "can't", "mustn't", "shan't", "shouldn't",
    };

    /// <summary>Editorial or normative, as the class summary says.</summary>
    public static ChangeClass Classify(string oldText, string newText)
    {
        if (oldText == newText) return ChangeClass.Editorial;
        var a = NormalizeDates(oldText);
        var b = NormalizeDates(newText);
        if (SameWords(a, b)) return ChangeClass.Editorial;
        var spans = TextDiff.Words(a, b);
        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i].Op == DiffOp.Equal) continue;
            var deleted = spans[i].Op == DiffOp.Deleted ? spans[i].Text : "";
            if (spans[i].Op == DiffOp.Deleted && i + 1 < spans.Count && spans[i + 1].Op == DiffOp.Inserted) i++;
            var inserted = spans[i].Op == DiffOp.Inserted ? spans[i].Text : "";
            if (!SameWords(deleted, inserted) && !IsSpellingFix(deleted, inserted)) return ChangeClass.Normative;
        }
        return ChangeClass.Editorial;
    }

    /// <summary>True when two texts have the same letters and digits in the same order (case aside) and the same numbers.</summary>
    public static bool SameWords(string a, string b) =>
        Letters(a) == Letters(b) && Numbers().Matches(a).Select(m => m.Value).SequenceEqual(Numbers().Matches(b).Select(m => m.Value));

    /// <summary>The letters and digits of a text, lower-cased: what stays when whitespace, punctuation and case go.</summary>
    public static string Letters(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }

    /// <summary>True for one word replaced by one close word, as the class summary defines a spelling fix.</summary>
    public static bool IsSpellingFix(string deleted, string inserted)
    {
        var a = deleted.Trim();
        var b = inserted.Trim();
        if (!OneWord().IsMatch(a) || !OneWord().IsMatch(b)) return false;
        if (a.Length < 4 || b.Length < 4 || Keywords.Contains(a) || Keywords.Contains(b)) return false;
        if (char.ToLowerInvariant(a[0]) != char.ToLowerInvariant(b[0]) || char.ToLowerInvariant(a[^1]) != char.ToLowerInvariant(b[^1])) return false;
        return Distance(a.ToLowerInvariant(), b.ToLowerInvariant(), 2) <= 2;
    }

    // Optimal string alignment distance, stopping early once it exceeds max.
    private static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>Every date written as "1 July 2024", "1st Jul. 2024", "July 1, 2024", "1-Jul-24" or "2024-07-01" rewritten as 2024-07-01;
    /// text that only looks like a date (31 February) is left alone.</summary>
    public static string NormalizeDates(string text) =>
        !text.Any(char.IsDigit) ? text : Dates().Replace(text, m =>
            WrittenDate.TryParse(m.Value.Replace(" of ", " ", StringComparison.OrdinalIgnoreCase)) is { } date
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : m.Value);

    private const string MonthName = @"(?<m>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)";
    private const string Day = @"(?<d>[0-3]?\d)(?:st|nd|rd|th)?";

    [GeneratedRegex(@"\b(?:(?<iy>\d{4})-(?<im>[01]?\d)-(?<id>[0-3]?\d)|(?<d>[0-3]?\d)[-\u2010\u2011]" + MonthName + @"[-\u2010\u2011](?<y>\d{4}|\d{2})|" + Day + @"\s+(?:of\s+)?" + MonthName + @",?\s+(?<y>\d{4})|"
                    + MonthName + @"\s+" + Day + @",?\s+(?<y>\d{4}))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dates();

    [GeneratedRegex(@"\p{Nd}+(?:[.,]\p{Nd}+)*")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*$")]
    private static partial Regex OneWord();
}
