using System.Text.RegularExpressions;

namespace PolicyDocs.Text;

/// <summary>
/// Recognises bare HTML anchors in Markdown prose: <c>&lt;a id="notice"&gt;&lt;/a&gt;</c>, <c>&lt;a name="x"&gt;&lt;/a&gt;</c>,
/// <c>&lt;a id="x"/&gt;</c> — an <c>a</c> element with no attribute but id and name. GitHub keeps them as link targets,
/// and documents converted from Word carry one before every heading. They are link targets in every output, not raw
/// HTML to warn about, and no text of their section.
/// </summary>
internal static partial class HtmlAnchor
{
    /// <summary>The id of a bare anchor's start tag (its id, else its name); null for any other tag.</summary>
    public static string? IdOf(string tag)
    {
        var m = StartTag().Match(tag);
        if (!m.Success) return null;
        string? name = null;
        for (var i = 0; i < m.Groups["attr"].Captures.Count; i++)
        {
            var value = m.Groups["value"].Captures[i].Value.Trim('"', '\'');
            if (value.Length == 0) continue;
            if (m.Groups["attr"].Captures[i].Value.Equals("id", StringComparison.OrdinalIgnoreCase)) return value;
            name ??= value;
        }
        return name;
    }

    /// <summary>True for the end tag <c>&lt;/a&gt;</c>.</summary>
    public static bool IsEnd(string tag) => EndTag().IsMatch(tag);

    /// <summary>The ids of every bare anchor in a piece of text, in order.</summary>
    public static IEnumerable<string> IdsIn(string text) =>
        Anywhere().Matches(text).Select(m => IdOf(m.Groups["start"].Value)).OfType<string>();

    /// <summary><paramref name="text"/> without its bare anchors (each with its end tag, when it follows at once).</summary>
    public static string Strip(string text) => text.Contains("<a", StringComparison.OrdinalIgnoreCase) ? Anywhere().Replace(text, "") : text;

    private const string Attributes = @"(?:\s+(?<attr>id|name)\s*=\s*(?<value>""[^""<>]*""|'[^'<>]*'|[^\s""'=<>`/]+))+\s*/?>";

    [GeneratedRegex("^<a" + Attributes + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartTag();

    [GeneratedRegex(@"(?<start><a" + Attributes + @")(?:\s*</a\s*>)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anywhere();

    [GeneratedRegex(@"^</a\s*>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndTag();
}
