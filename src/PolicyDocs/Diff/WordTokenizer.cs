using System.Text.RegularExpressions;
using DiffPlex;

namespace PolicyDocs.Diff;

/// <summary>
/// Splits prose into diff tokens: words (with inner apostrophes and hyphens), numbers (with inner dots and
/// commas, so "4.9.1" and "1,000" stay whole) and single punctuation characters, each carrying the whitespace
/// that follows it, so that a diff aligns words rather than the spaces between them. Leading whitespace is a
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

    [GeneratedRegex(@"^\s+|(?:\p{L}[\p{L}\p{M}\p{Nd}]*(?:['’\-]\p{L}[\p{L}\p{M}\p{Nd}]*)*|\p{Nd}+(?:[.,]\p{Nd}+)*|.)\s*", RegexOptions.Singleline)]
    private static partial Regex Token();
}

/// <summary>Splits on a separator character; used to diff sequences of whole blocks.</summary>
internal sealed class SeparatorChunker(char separator) : IChunker
{
    public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split(separator);
}
