using System.Globalization;
using System.Text;

namespace PolicyDocs.Xrefs;

/// <summary>The heading-id scheme GitHub (and markdown-it-anchor) use, so links written for GitHub keep working; and
/// pandoc's, accepted as another name for the same heading.</summary>
internal static class GitHubSlug
{
    /// <summary>"4.9.9 On-line revocation/status checking availability" → "499-on-line-revocationstatus-checking-availability";
    /// "Appendix B – Onion Domains" → "appendix-b--onion-domains" (each space a hyphen, other punctuation dropped).</summary>
    public static string Of(string heading)
    {
        var sb = new StringBuilder(heading.Length);
        foreach (var ch in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '_' || IsMark(ch)) sb.Append(ch);
            else if (ch == ' ') sb.Append('-');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Pandoc's automatic identifier, its smart dashes read first (<see cref="SmartDashes"/>): punctuation other than <c>_ - .</c> dropped, words joined by hyphens, lower case,
    /// everything before the first letter dropped ("4.9.1 Circumstances" → "circumstances", "A.1.1. CAA Methods" →
    /// "a.1.1.-caa-methods"); "section" when nothing is left.
    /// </summary>
    public static string Pandoc(string heading)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in SmartDashes(heading).ToLowerInvariant())
        {
            if (char.IsWhiteSpace(ch))
            {
                if (word.Length > 0) words.Add(word.ToString());
                word.Clear();
            }
            else if (char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' || IsMark(ch)) word.Append(ch);
        }
        if (word.Length > 0) words.Add(word.ToString());
        var id = string.Join('-', words);
        var first = 0;
        while (first < id.Length && !char.IsLetter(id[first])) first++;
        id = id[first..];
        return id.Length == 0 ? "section" : id;
    }

    /// <summary>The GitHub-style id pandoc gives (GFM identifiers): it reads <c>--</c> as a dash first (its smart
    /// typography) and a run of spaces as one: "1.2 Name -- identification" → "12-name--identification", where GitHub has
    /// "12-name----identification"; "7.  PROFILES" → "7-profiles", where GitHub has "7--profiles".</summary>
    public static string Smart(string heading) => Of(string.Join(' ', SmartDashes(heading).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>Pandoc's smart dashes: "---" an em dash, "--" an en dash.</summary>
    public static string SmartDashes(string text) =>
        text.Contains("--", StringComparison.Ordinal) ? text.Replace("---", "\u2014", StringComparison.Ordinal).Replace("--", "\u2013", StringComparison.Ordinal) : text;

    private static bool IsMark(char ch) => CharUnicodeInfo.GetUnicodeCategory(ch) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

/// <summary>
/// Gives the headings of one file their ids in order, as GitHub does: a repeat of an id gets "-1", "-2", … skipping
/// any id already given ("a", "a", "a-1" → "a", "a-1", "a-1-1"). One instance per file.
/// </summary>
internal sealed class GitHubSlugger
{
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>The id of the next heading, whose text is <paramref name="heading"/>.</summary>
    public string Next(string heading) => Unique(GitHubSlug.Of(heading));

    /// <summary>The id <paramref name="slug"/> made unique among those given so far.</summary>
    public string Unique(string slug)
    {
        var result = slug;
        while (_occurrences.ContainsKey(result))
        {
            var n = _occurrences[slug] + 1;
            _occurrences[slug] = n;
            result = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        _occurrences[result] = 0;
        return result;
    }
}
