namespace PolicyDocs.Markdown;

/// <summary>The HTML id of a section or appendix given its number.</summary>
internal static class SectionAnchor
{
    /// <summary>"4.9.1" → "section-4.9.1"; "A" → "appendix-a".</summary>
    public static string Of(string number) =>
        number.Length > 0 && char.IsLetter(number[0]) ? "appendix-" + number.ToLowerInvariant() : Outline.SectionNumber.Anchor(number);
}
