using System.Text.RegularExpressions;

namespace PolicyDocs.Model;

/// <summary>Recognises the RFC 3647 "No stipulation." convention in section text.</summary>
internal static partial class NoStipulation
{
    /// <summary>The exact text written by <c>check --fix</c> and shown for empty sections.</summary>
    public const string Text = "No stipulation.";

    /// <summary>True when the text is only "No stipulation" (any case, optional trailing dot).</summary>
    public static bool IsExactly(string text) => Exact().IsMatch(text);

    /// <summary>True when some sentence of the text is the statement "No stipulation" itself: it starts a line or follows
    /// the end of a sentence, and ends with a dot or the line. A sentence that speaks of a stipulation ("There is no
    /// stipulation regarding …", "No stipulation applies to …") is ordinary prose, not the statement.</summary>
    public static bool States(string text) => Statement().IsMatch(text);

    [GeneratedRegex(@"^\s*\**no\s+stipulation\.?\**\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Exact();

    [GeneratedRegex(@"(?:^|(?<=[.!?:;]\s))[ \t>*_-]*no\s+stipulation\**(?:\.|[ \t*_]*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Statement();
}
