using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace PolicyDocs.Markdown;

/// <summary>A footnote reference <c>[^label]</c> that no section of the document defines: its 0-based line and
/// column in the section body.</summary>
internal sealed record UndefinedFootnote(string Label, int Line, int Column);

/// <summary>
/// Footnotes of a whole document. A document's sections are parsed one by one, but a footnote reference
/// <c>[^label]</c> may stand in one section and its definition <c>[^label]: text</c> in another (or at the end of the
/// file). The definition stays in the tree of the section that defines it (so a change to its text is a change to
/// that section, and the combined Markdown keeps it once); a reference elsewhere is a <see cref="FootnoteLink"/> to
/// that same <see cref="Footnote"/>. Notes are numbered in order of first reference across the document.
/// </summary>
internal static class DocumentFootnotes
{
    /// <summary>The key of the <see cref="Scope"/> in a parser context.</summary>
    private static readonly object Key = typeof(DocumentFootnotes);

    /// <summary>
    /// Links footnote references across <paramref name="bodies"/>, the parsed <paramref name="texts"/> of one document's
    /// sections: a body that refers to a footnote it does not define is parsed again, knowing the document's definitions.
    /// <paramref name="order"/> lists the bodies' indexes in document order; <paramref name="parsed"/> says which bodies
    /// parsed (within the parser's limits). Returns, per body, the references no section defines.
    /// </summary>
    public static UndefinedFootnote[][] Link(IReadOnlyList<string> texts, MarkdownDocument[] bodies, IReadOnlyList<int> order, IReadOnlyList<bool> parsed)
    {
        var undefined = new UndefinedFootnote[bodies.Length][];
        for (var i = 0; i < undefined.Length; i++) undefined[i] = [];
        var first = Definitions(bodies, order);
        var again = Enumerable.Range(0, bodies.Length).Where(i => parsed[i] && texts[i].Contains("[^", StringComparison.Ordinal)).ToArray();
        if (again.Length == 0) return undefined;
        Parallel.For(0, again.Length, k =>
        {
            var i = again[k];
            var scope = new Scope(first);
            bodies[i] = PolicyMarkdown.Parse(texts[i], out _, scope.Context());
            undefined[i] = [.. scope.Undefined];
        });
        // The bodies parsed again have new footnotes: every reference from another body is pointed at the final one.
        var final = Definitions(bodies, order);
        var home = new Dictionary<Footnote, int>(ReferenceEqualityComparer.Instance);
        foreach (var (_, (note, index)) in final) home[note] = index;
        foreach (var i in order)
            foreach (var link in bodies[i].Descendants<FootnoteLink>().ToList())
            {
                if (link.IsBackLink || link.Footnote.Links.Contains(link) || link.Footnote.Label is not { } label) continue;
                if (!final.TryGetValue(label, out var definition)) continue;
                link.Footnote = definition.Note;
                if (definition.Note.Parent is null) Group(bodies[definition.Index]).Add(definition.Note);
                Group(bodies[i]); // where the section lists the notes it refers to
            }
        Number(bodies, order);
        return undefined;
    }

    /// <summary>Whether <paramref name="link"/> refers to a footnote defined in another section.</summary>
    public static bool IsElsewhere(FootnoteLink link) => !link.IsBackLink && !link.Footnote.Links.Contains(link);

    /// <summary>The body that defines <paramref name="note"/> (the tree its footnote group is in), if it is in one.</summary>
    public static MarkdownDocument? Home(Footnote note) => note.Parent?.Parent as MarkdownDocument;

    /// <summary>The footnotes referred to in <paramref name="body"/>, in number order.</summary>
    public static IReadOnlyList<Footnote> ReferencedIn(MarkdownDocument body) =>
        [.. body.Descendants<FootnoteLink>().Where(l => !l.IsBackLink).Select(l => l.Footnote).Distinct().OrderBy(n => n.Order)];

    /// <summary>The references in <paramref name="body"/> to <paramref name="note"/>, in order.</summary>
    public static IEnumerable<FootnoteLink> LinksTo(MarkdownDocument body, Footnote note) =>
        body.Descendants<FootnoteLink>().Where(l => !l.IsBackLink && ReferenceEquals(l.Footnote, note));

    /// <summary>Every definition by label, the first in document order winning, with the index of its body.</summary>
    private static Dictionary<string, (Footnote Note, int Index)> Definitions(MarkdownDocument[] bodies, IReadOnlyList<int> order)
    {
        var result = new Dictionary<string, (Footnote, int)>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in order)
        {
            if (bodies[i].GetLinkReferenceDefinitions(false) is not { } group) continue;
            foreach (var (label, definition) in group.Links.OrderBy(p => (p.Value as FootnoteLinkReferenceDefinition)?.Footnote.Line ?? 0))
                if (definition is FootnoteLinkReferenceDefinition { Footnote: { } note }) result.TryAdd(label, (note, i));
        }
        return result;
    }

    /// <summary>The body's footnote group, added at its end when it has none.</summary>
    private static FootnoteGroup Group(MarkdownDocument body)
    {
        if (body.OfType<FootnoteGroup>().FirstOrDefault() is { } group) return group;
        group = new FootnoteGroup(null!);
        body.Add(group);
        return group;
    }

    /// <summary>
    /// Numbers the notes in order of first reference across the document; a reference to a note of another section gets
    /// a link index after the section's own, so the ids a section's page gives its references stay unique.
    /// </summary>
    private static void Number(MarkdownDocument[] bodies, IReadOnlyList<int> order)
    {
        var numbered = new HashSet<Footnote>(ReferenceEqualityComparer.Instance);
        foreach (var i in order)
        {
            var links = bodies[i].Descendants<FootnoteLink>().Where(l => !l.IsBackLink).ToList();
            var index = links.Count == 0 ? 0 : links.Max(l => l.Index);
            foreach (var link in links)
            {
                if (numbered.Add(link.Footnote)) link.Footnote.Order = numbered.Count;
                if (IsElsewhere(link)) link.Index = ++index;
            }
        }
    }

    /// <summary>What the parser of one body knows of the document's footnotes, and the references it could not resolve.</summary>
    private sealed class Scope(Dictionary<string, (Footnote Note, int Index)> definitions)
    {
        public List<UndefinedFootnote> Undefined { get; } = [];

        public MarkdownParserContext Context()
        {
            var context = new MarkdownParserContext();
            context.Properties[Key] = this;
            return context;
        }

        public Footnote? Find(string label) => definitions.TryGetValue(label, out var d) ? d.Note : null;
    }

    /// <summary>
    /// Parses <c>[^label]</c> that the body being parsed does not define (its own are Markdig's): a link to the
    /// document's definition, or, when no section has one, a recorded <see cref="UndefinedFootnote"/> and literal text.
    /// Does nothing without a document scope in the parser context.
    /// </summary>
    internal sealed class ReferenceParser : InlineParser
    {
        public ReferenceParser() => OpeningCharacters = ['['];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (processor.Context?.Properties.GetValueOrDefault(Key) is not Scope scope) return false;
            var text = slice.Text;
            var start = slice.Start;
            if (start + 1 > slice.End || text[start + 1] != '^') return false;
            var end = start + 2;
            while (end <= slice.End && text[end] is not (']' or '[') && !char.IsWhiteSpace(text[end])) end++;
            if (end > slice.End || text[end] != ']' || end == start + 2) return false;
            var label = text.Substring(start + 1, end - start - 1);
            if (processor.Document.TryGetLinkReferenceDefinition(label, out _)) return false;
            var position = processor.GetSourcePosition(start, out var line, out var column);
            if (scope.Find(label) is not { } note)
            {
                scope.Undefined.Add(new UndefinedFootnote(label[1..], line, column));
                return false;
            }
            processor.Inline = new FootnoteLink(note)
            {
                Span = new Markdig.Syntax.SourceSpan(position, processor.GetSourcePosition(end)),
                Line = line,
                Column = column,
            };
            slice.Start = end + 1;
            return true;
        }
    }
}
