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
    /// Nests each section under the nearest earlier section whose number is a prefix of its own, and each section of an
    /// appendix ("A.1.1", "D-1") likewise under its appendix. Duplicate numbers and sections whose parent is missing are
    /// reported; nothing is dropped.
    /// </summary>
    public static (ImmutableArray<Section> Sections, ImmutableArray<Section> Appendices) Build(
        IEnumerable<SectionSplitter.Segment> segments, DiagnosticBag diagnostics)
    {
        var roots = new List<Node>();
        var appendices = new List<Node>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var latest = new Dictionary<string, Node>(StringComparer.Ordinal);
        var latestAppendix = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var seg in segments)
        {
            var node = new Node(seg);
            if (seg.IsAppendix)
            {
                var top = SectionNumber.AppendixParent(seg.Number) is null;
                var name = top ? $"Appendix {seg.Number}" : $"Section {seg.Number}";
                if (!seen.TryAdd("appendix " + seg.Number, seg.Span))
                    diagnostics.Add(Rules.DuplicateSection, seg.Span, $"{name} appears twice; the first is at {Where(seen["appendix " + seg.Number], seg.Span)}.");
                latestAppendix[seg.Number] = node;
                Node? holder = null;
                for (var p = SectionNumber.AppendixParent(seg.Number); p is not null && holder is null; p = SectionNumber.AppendixParent(p))
                    latestAppendix.TryGetValue(p, out holder);
                var expected = SectionNumber.AppendixParent(seg.Number);
                if (expected is not null && (holder is null || holder.Segment.Number != expected))
                    diagnostics.Add(Rules.OrphanSection, seg.Span, $"Section {seg.Number} has no parent {(SectionNumber.AppendixParent(expected) is null ? "appendix" : "section")} {expected}.");
                (holder?.Children ?? appendices).Add(node);
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
        Heading = n.Segment.Heading,
        Cas = n.Segment.Cas,
        Children = [.. n.Children.Select(ToSection)],
    };
}
