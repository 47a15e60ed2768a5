using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace PolicyDocs.Markdown;

/// <summary>
/// Reads a link reference definition that stands on one line (<c>[label]: url "title"</c>) as soon as the line is
/// seen, where one may start a block. The paragraph parser reads definitions only when the paragraph closes and then
/// takes them off its lines one at a time, which costs the square of their number: 100,000 definitions in a row took
/// half a minute. Here each costs the same, however many there are. Definitions whose title continues on the next line, and every other case, are left to it.
/// </summary>
internal sealed class LinkDefinitionLineParser : BlockParser
{
    public LinkDefinitionLineParser() => OpeningCharacters = ['['];

    /// <summary>A definition cannot interrupt a paragraph: there the line is paragraph text.</summary>
    public override bool CanInterrupt(BlockProcessor processor, Block block) => block is not ParagraphBlock;

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line;
        if (line.PeekChar() == '^') return BlockState.None; // a footnote definition
        var start = line.Start;
        var text = line;
        if (!LinkReferenceDefinition.TryParse(ref text, out var definition) || definition is null) return BlockState.None;
        if (!text.IsEmptyOrWhitespace()) return BlockState.None;
        if (definition.Title is null && NextLineMayBeTitle(line)) return BlockState.None;
        definition.Line = processor.LineIndex;
        definition.Column = processor.Column;
        definition.Span = new SourceSpan(start, line.End);
        // The first definition of a label wins. (The group's own Set looks for the definition among all it holds
        // first, which is what made many definitions quadratic; a new definition is not among them.)
        var group = processor.Document.GetLinkReferenceDefinitions(true);
        if (group.Links.TryAdd(definition.Label!, definition)) group.Add(definition);
        return BlockState.BreakDiscard;
    }

    /// <summary>True when the line after <paramref name="line"/> starts with a title opener, so the title may be there.</summary>
    private static bool NextLineMayBeTitle(StringSlice line)
    {
        var source = line.Text;
        var i = line.End + 1;
        if (i < source.Length && source[i] == '\r') i++;
        if (i < source.Length && source[i] == '\n') i++;
        while (i < source.Length && source[i] is ' ' or '\t' or '>') i++; // also inside block quotes
        return i < source.Length && source[i] is '"' or '\'' or '(';
    }
}
