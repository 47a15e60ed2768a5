using System.Text;

namespace PolicyDocs.Xrefs;

/// <summary>The heading-id scheme GitHub (and markdown-it-anchor) use, so links written for GitHub keep working.</summary>
internal static class GitHubSlug
{
    /// <summary>"4.9.9 On-line revocation/status checking availability" → "499-on-line-revocationstatus-checking-availability".</summary>
    public static string Of(string heading)
    {
        var sb = new StringBuilder(heading.Length);
        foreach (var ch in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '_') sb.Append(ch);
            else if (ch == ' ') sb.Append('-');
        }
        return sb.ToString();
    }
}
