using System.Text.RegularExpressions;

namespace PolicyDocs.Model;

/// <summary>Recognises the RFC 3647 "No stipulation." convention in section text.</summary>
internal static partial class NoStipulation
{
    /// <summary>The exact text written by <c>check --fix</c> and shown for empty sections.</summary>
    public const string Text = "No stipulation.";

    /// <summary>True when the text is only "No stipulation" (any case, optional trailing dot).</summary>
    public static bool IsExactly(string text) => Exact().IsMatch(text);

    /// <summary>True when the text contains "No stipulation" anywhere.</summary>
    public static bool Mentions(string text) => Anywhere().IsMatch(text);

    [GeneratedRegex(@"^\s*\**no\s+stipulation\.?\**\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Exact();

    [GeneratedRegex(@"\bno\s+stipulation\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anywhere();
}
