using Markdig.Syntax;
using PolicyDocs.Model;

using SourceSpan = PolicyDocs.Model.SourceSpan;

namespace PolicyDocs.Model;

/// <summary>Maps a position in a section's parsed body back to its content file.</summary>
internal static class SourceLocator
{
    /// <summary>
    /// The file position of <paramref name="node"/>. When templates changed the text, the position is found by
    /// searching the written source for <paramref name="literal"/>; failing that, the section heading.
    /// </summary>
    public static SourceSpan Locate(Section section, MarkdownObject node, string? literal) =>
        Locate(section, node.Line, node.Column, literal);

    /// <summary>The file position of the 0-based <paramref name="line"/> and <paramref name="column"/> of the section's
    /// bound body, found as <see cref="Locate(Section, MarkdownObject, string?)"/> does.</summary>
    public static SourceSpan Locate(Section section, int line, int column, string? literal)
    {
        if (section.BoundSource is null || ReferenceEquals(section.BoundSource, section.Source) || section.BoundSource == section.Source)
            return new SourceSpan(section.Span.Path, section.SourceLine + line, column + 1);
        if (literal is not null)
        {
            var i = section.Source.IndexOf(literal, StringComparison.Ordinal);
            if (i >= 0)
            {
                var at = section.Source.AsSpan(0, i).Count('\n');
                var col = i - (section.Source.LastIndexOf('\n', Math.Max(i - 1, 0)) + 1);
                if (i == 0) col = 0;
                return new SourceSpan(section.Span.Path, section.SourceLine + at, col + 1);
            }
        }
        return section.Span;
    }
}
