using System.Text.RegularExpressions;

namespace PolicyDocs.Markdown;

/// <summary>What an inline HTML formatting tag does to the text it encloses.</summary>
internal enum HtmlFormat
{
    /// <summary>&lt;sup&gt;</summary>
    Superscript,
    /// <summary>&lt;sub&gt;</summary>
    Subscript,
    /// <summary>&lt;u&gt; and &lt;ins&gt;</summary>
    Underline,
    /// <summary>&lt;b&gt; and &lt;strong&gt;</summary>
    Bold,
    /// <summary>&lt;i&gt; and &lt;em&gt;</summary>
    Italic,
    /// <summary>&lt;s&gt;, &lt;del&gt; and &lt;strike&gt;</summary>
    Strike,
}

/// <summary>
/// Recognises the inline HTML tags published CP/CPS use for formatting Markdown has no syntax for (2&lt;sup&gt;16&lt;/sup&gt;+1,
/// H&lt;sub&gt;2&lt;/sub&gt;, &lt;u&gt;underlined&lt;/u&gt;), without attributes: every format shows them as that formatting,
/// so they are not raw HTML to warn about. An opening and a closing tag are separate inlines in the Markdown tree.
/// </summary>
internal static partial class HtmlFormatting
{
    /// <summary>The format a tag opens or closes; null for any other tag (or one with attributes).</summary>
    public static (HtmlFormat Format, bool Closing)? Of(string tag)
    {
        var m = Pattern().Match(tag);
        if (!m.Success) return null;
        HtmlFormat format = m.Groups["name"].Value.ToLowerInvariant() switch
        {
            "sup" => HtmlFormat.Superscript,
            "sub" => HtmlFormat.Subscript,
            "u" or "ins" => HtmlFormat.Underline,
            "b" or "strong" => HtmlFormat.Bold,
            "i" or "em" => HtmlFormat.Italic,
            _ => HtmlFormat.Strike,
        };
        return (format, m.Groups["close"].Success);
    }

    [GeneratedRegex(@"^<(?<close>/)?(?<name>sup|sub|u|ins|b|strong|i|em|s|del|strike)\s*>$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
