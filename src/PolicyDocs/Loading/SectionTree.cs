using System.Collections.Immutable;
using PolicyDocs.Model;
using PolicyDocs.Outline;

namespace PolicyDocs.Loading;

/// <summary>Builds the section tree of a document from its headings in document order, by number.</summary>
internal static class SectionTree
{
    private sealed class Node(SectionSplitter.Segment segment)
    {
        public SectionSplitter.Segment Segment { get; } = segment;
        public List<Node> Children { get; } = [];
    }

    /// <summary>
    /// Nests each section under the nearest earlier section whose number is a prefix of its own.
    /// Duplicate numbers and sections whose parent is missing are reported; nothing is dropped.
    /// </summary>
    public static (ImmutableArray<Section> Sections, ImmutableArray<Section> Appendices) Build(
        IEnumerable<SectionSplitter.Segment> segments, DiagnosticBag diagnostics)
    {
        var roots = new List<Node>();
        var appendices = new List<Node>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var latest = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var seg in segments)
        {
            var node = new Node(seg);
            if (seg.IsAppendix)
            {
                if (!seen.TryAdd("appendix " + seg.Number, seg.Span))
                    diagnostics.Add(Rules.DuplicateSection, seg.Span, $"Appendix {seg.Number} appears twice; the first is at line {seen["appendix " + seg.Number].Line}.");
                appendices.Add(node);
                continue;
            }
            if (!seen.TryAdd(seg.Number, seg.Span))
                diagnostics.Add(Rules.DuplicateSection, seg.Span,
                    $"Section {seg.Number} appears twice; the first is at {Where(seen[seg.Number], seg.Span)}.");
            latest[seg.Number] = node;
            var parentNumber = SectionNumber.Parent(seg.Number);
            Node? parent = null;
            for (var p = parentNumber; p is not null; p = SectionNumber.Parent(p))
            {
                if (latest.TryGetValue(p, out parent)) break;
            }
            if (parentNumber is not null && (parent is null || parent.Segment.Number != parentNumber))
                diagnostics.Add(Rules.OrphanSection, seg.Span, $"Section {seg.Number} has no parent section {parentNumber}.");
            (parent?.Children ?? roots).Add(node);
        }
        return ([.. roots.Select(ToSection)], [.. appendices.Select(ToSection)]);
    }

    private static string Where(SourceSpan first, SourceSpan dup) =>
        first.Path == dup.Path ? $"line {first.Line}" : first.ToString();

    private static Section ToSection(Node n) => new()
    {
        Number = n.Segment.Number,
        Title = n.Segment.Title,
        Span = n.Segment.Span,
        Source = n.Segment.Body,
        SourceLine = n.Segment.BodyLine,
        IsAppendix = n.Segment.IsAppendix,
        Cas = n.Segment.Cas,
        Children = [.. n.Children.Select(ToSection)],
    };
}
