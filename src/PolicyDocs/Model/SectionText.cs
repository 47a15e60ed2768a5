using System.Text.RegularExpressions;
using PolicyDocs.Text;

namespace PolicyDocs.Model;

/// <summary>
/// What a section's Markdown says once the markup that publishes no text is taken out: HTML comments (authors' notes)
/// and bare HTML anchors (link targets, <see cref="HtmlAnchor"/>). Whether a section is blank, or is only a statement
/// such as "No stipulation.", is judged on this text.
/// </summary>
internal static partial class SectionText
{
    /// <summary><paramref name="markdown"/> without HTML comments and bare anchors.</summary>
    public static string Substance(string markdown) => HtmlAnchor.Strip(markdown.Contains("<!--", StringComparison.Ordinal) ? Comments().Replace(markdown, "") : markdown);

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
