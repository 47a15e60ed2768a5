using Markdig.Syntax;

namespace PolicyDocs.Markdown;

/// <summary>
/// The levels the headings inside a section body are shown at, so that they nest directly below the section's own
/// heading. The shallowest level written in the body is shown one below the section heading, and each deeper level
/// written one below the level before it: the order of the author's levels is kept, the levels they skipped are left
/// out (<c>##</c> and <c>####</c> become the next two levels) and no heading is shown above its section. The site, the
/// Word file and the combined Markdown all use it, each capped at the deepest heading level it has.
/// </summary>
internal sealed class SubheadingLevels
{
    /// <summary>Levels for a body without headings.</summary>
    public static readonly SubheadingLevels None = new(new int[7]);

    // By level as written (1 to 6); 0 where the body has no heading of that level.
    private readonly int[] _shown;

    private SubheadingLevels(int[] shown) => _shown = shown;

    /// <summary>The levels for <paramref name="body"/> of a section whose heading is at level
    /// <paramref name="sectionLevel"/>, none deeper than <paramref name="deepest"/>.</summary>
    public static SubheadingLevels Of(ContainerBlock body, int sectionLevel, int deepest)
    {
        var written = new bool[7];
        var any = false;
        foreach (var heading in body.Descendants<HeadingBlock>())
        {
            written[Math.Clamp(heading.Level, 1, 6)] = true;
            any = true;
        }
        if (!any) return None;
        var shown = new int[7];
        var next = sectionLevel + 1;
        for (var level = 1; level <= 6; level++)
            if (written[level]) shown[level] = Math.Min(deepest, next++);
        return new SubheadingLevels(shown);
    }

    /// <summary>The level <paramref name="heading"/> is shown at.</summary>
    public int Of(HeadingBlock heading) => _shown[Math.Clamp(heading.Level, 1, 6)] is var level and > 0 ? level : Math.Clamp(heading.Level, 1, 6);
}
