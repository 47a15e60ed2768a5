using System.Text;

namespace PolicyDocs.Outline;

/// <summary>
/// Normalises a section title for matching: case-folded, whitespace collapsed, a trailing "(if applicable)",
/// an RFC footnote marker "(11)" and trailing dots dropped.
/// </summary>
internal static class TitleKey
{
    /// <summary>Returns the matching key of <paramref name="title"/>.</summary>
    public static string Normalize(string title)
    {
        var sb = new StringBuilder(title.Length);
        var space = false;
        foreach (var ch in title.Trim())
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(ch switch { '’' => '\'', '–' or '—' => '-', _ => ch }));
        }
        var s = sb.ToString();
        bool changed;
        do
        {
            changed = false;
            foreach (var suffix in (ReadOnlySpan<string>)["(if applicable)", "(11)", "."])
            {
                if (s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    s = s[..^suffix.Length].TrimEnd();
                    changed = true;
                }
            }
        } while (changed);
        return s;
    }
}
