using Markdig.Syntax;
using PolicyDocs.Markdown;
using PolicyDocs.Model;

namespace PolicyDocs.Xrefs;

/// <summary>The plain text of a section's heading as written ("A.1.1. CAA *contactemail* Property" →
/// "A.1.1. CAA contactemail Property"): what GitHub and pandoc make its id from.</summary>
internal static class HeadingText
{
    /// <summary>The heading's text without Markdown marks.</summary>
    public static string Of(Section section)
    {
        var heading = section.Heading ?? section.DisplayTitle;
        if (heading.AsSpan().IndexOfAny("*_`[<&\\~") < 0) return heading;
        var parsed = PolicyMarkdown.Parse("# " + heading);
        return parsed.Count > 0 && parsed[0] is HeadingBlock h ? InlineText.Of(h.Inline, null) : heading;
    }
}
