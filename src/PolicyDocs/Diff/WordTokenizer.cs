using System.Text.RegularExpressions;
using DiffPlex;

namespace PolicyDocs.Diff;

/// <summary>
/// Splits prose into diff tokens: words (with inner apostrophes and hyphens), numbers (with inner dots and
/// commas, so "4.9.1" and "1,000" stay whole) and single punctuation characters, each carrying the whitespace
/// that follows it, so that a diff aligns words rather than the spaces between them. A date ("2011-11-22",
/// "22 Nov 2011", "November 22, 2011") is one token, so a date written another way reads as one date for another. Leading whitespace is a
/// token of its own. Concatenating the tokens gives back the text exactly.
/// </summary>
internal sealed partial class WordTokenizer : IChunker
{
    /// <summary>The shared instance.</summary>
    public static WordTokenizer Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<string> Chunk(string text)
    {
        var matches = Token().Matches(text);
        var result = new string[matches.Count];
        for (var i = 0; i < result.Length; i++) result[i] = matches[i].Value;
        return result;
    }

    // A month's name or its abbreviation ("Nov", "Sept.").
    private const string Month = @"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    // A day of the month: "22", "22nd".
    private const string Day = @"\d{1,2}(?i:st|nd|rd|th)?";

    // Dates as one token: 2011-11-22, 22/11/2011, 22 Nov 2011, 22nd of November 2011, November 22, 2011, November 2011 (a year
    // always, so that "3 may" stays two words).
    private const string Date = @"\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}(?!\d)|" + Day + @"[ \u00A0]+(?i:of[ \u00A0]+)?" + Month + @",?[ \u00A0]+\d{4}(?!\d)|"
        + Month + @"[ \u00A0]+(?:" + Day + @",?[ \u00A0]+)?\d{4}(?!\d)";

    [GeneratedRegex(@"^\s+|(?:(?<!\p{L})(?:" + Date + @")|\p{L}[\p{L}\p{M}\p{Nd}]*(?:['’\-]\p{L}[\p{L}\p{M}\p{Nd}]*)*|\p{Nd}+(?:[.,]\p{Nd}+)*|.)\s*", RegexOptions.Singleline)]
    private static partial Regex Token();
}

/// <summary>Splits on a separator character; used to diff sequences of whole blocks.</summary>
internal sealed class SeparatorChunker(char separator) : IChunker
{
    public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split(separator);
}
