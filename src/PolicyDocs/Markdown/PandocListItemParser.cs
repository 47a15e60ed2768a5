using Markdig.Extensions.ListExtras;
using Markdig.Parsers;

namespace PolicyDocs.Markdown;

/// <summary>
/// Lettered and roman list items (a., A., i., I., also with ")") as pandoc's fancy_lists reads them: a capital letter,
/// or a one-letter capital roman numeral, followed by a period needs two spaces before its text, so that a paragraph
/// starting with an initial ("B. Russell wrote") stays a paragraph.
/// </summary>
internal sealed class PandocListItemParser : ListExtraItemParser
{
    /// <inheritdoc />
    public override bool TryParse(BlockProcessor state, char pendingBulletType, out ListInfo result)
    {
        var start = state.Start;
        if (!base.TryParse(state, pendingBulletType, out result)) return false;
        var capital = result.BulletType == 'A' || (result.BulletType == 'I' && state.Start - start == 2);
        if (!capital || result.OrderedDelimiter != '.') return true;
        var text = state.Line.Text;
        var at = state.Start;
        return at + 1 <= state.Line.End && IsSpace(text[at]) && IsSpace(text[at + 1]);

        static bool IsSpace(char c) => c is ' ' or '\t';
    }
}
