using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;

namespace PolicyDocs.Markdown;

/// <summary>A kramdown block attribute line (<c>{: .class key="value"}</c>, <c>{:.note}</c>) standing on its own line;
/// only kramdown reads it, so it is taken out of every output (<see cref="Text"/> says what it set).</summary>
internal sealed class KramdownAttributeLine(BlockParser parser) : LeafBlock(parser)
{
    /// <summary>The line as written, without surrounding white space.</summary>
    public required string Text { get; init; }
}

/// <summary>
/// Reads a kramdown block attribute line as its own block, also right after a paragraph line (where it would otherwise
/// be read as attributes of the paragraph's last words), so that it is not published and its diagnostic points at it.
/// </summary>
internal sealed partial class KramdownAttributeLineParser : BlockParser
{
    public KramdownAttributeLineParser() => OpeningCharacters = ['{'];

    /// <inheritdoc />
    public override bool CanInterrupt(BlockProcessor processor, Block block) => true;

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line;
        var text = line.ToString();
        if (!Pattern().IsMatch(text)) return BlockState.None;
        processor.NewBlocks.Push(new KramdownAttributeLine(this)
        {
            Text = text.Trim(),
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
        });
        return BlockState.BreakDiscard;
    }

    [GeneratedRegex(@"^\{:[^{}\r\n]*\}[ \t]*$")]
    private static partial Regex Pattern();
}
