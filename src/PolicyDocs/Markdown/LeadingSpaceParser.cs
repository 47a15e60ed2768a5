using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace PolicyDocs.Markdown;

/// <summary>
/// Keeps figure spaces (U+2007) and no-break spaces (U+00A0) that start a table cell or a line: certificate-profile
/// tables indent their field hierarchy with them (tbsCertificate, then its fields, then their extensions), and the
/// parser would trim them as white space. The run becomes an entity-like inline that stands for those characters, so
/// every output writes them as they are.
/// </summary>
internal sealed class LeadingSpaceParser : InlineParser
{
    /// <summary>Triggers on a figure or no-break space.</summary>
    public LeadingSpaceParser() => OpeningCharacters = ['\u2007', '\u00A0'];

    /// <inheritdoc />
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var before = slice.Start - 1;
        while (before >= 0 && text[before] is ' ' or '\t') before--;
        if (before >= 0 && text[before] is not ('|' or '\n' or '\r')) return false;
        var end = slice.Start;
        while (end <= slice.End && text[end] is '\u2007' or '\u00A0' or ' ') end++;
        while (end - 1 > slice.Start && text[end - 1] == ' ') end--; // ordinary spaces after the run are the parser's
        var run = new StringSlice(text, slice.Start, end - 1);
        processor.Inline = new HtmlEntityInline
        {
            Original = run,
            Transcoded = run,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(slice.Start, out var line, out var column), processor.GetSourcePosition(end - 1)),
            Line = line,
            Column = column,
        };
        slice.Start = end;
        return true;
    }
}
