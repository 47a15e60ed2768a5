using System.Text.RegularExpressions;

namespace PolicyDocs.Markdown;

/// <summary>
/// Recognises <c>&lt;br&gt;</c> in prose: GFM tables have no other way to break a line inside a cell, so published CP/CPS
/// use it widely. It is a line break in every format, not raw HTML to warn about.
/// </summary>
internal static partial class HtmlBreak
{
    /// <summary>True for &lt;br&gt;, &lt;br/&gt; and &lt;br /&gt; in any case.</summary>
    public static bool Is(string tag) => Pattern().IsMatch(tag);

    [GeneratedRegex(@"^<br\s*/?>$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
