using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;

namespace PolicyDocs.Markdown;

/// <summary>Parses <c>[[target]]</c>, <c>[[kind:target]]</c>, <c>[[doc:4.9.1|text]]</c>, <c>[[#anchor]]</c> (an anchor's
/// definition) and <c>[[#anchor|text]]</c> (a link to it).</summary>
internal sealed partial class XrefInlineParser : InlineParser
{
    /// <summary>Triggers on '['.</summary>
    public XrefInlineParser() => OpeningCharacters = ['['];

    /// <inheritdoc />
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[') return false;
        var text = slice.Text;
        var start = slice.Start;
        var close = text.IndexOf("]]", start + 2, Math.Min(slice.End + 1, text.Length) - (start + 2), StringComparison.Ordinal);
        if (close < 0) return false;
        var raw = text.Substring(start + 2, close - start - 2);
        if (raw.Length == 0 || raw.Contains('\n') || raw.Contains('[')) return false;
        var inline = Create(raw);
        if (inline is null) return false;
        inline.Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close + 1));
        inline.Line = line;
        inline.Column = column;
        processor.Inline = inline;
        slice.Start = close + 2;
        return true;
    }

    /// <summary>Interprets the text between the brackets; null when it is not a reference.</summary>
    public static XrefInline? Create(string raw)
    {
        var m = Syntax().Match(raw);
        if (!m.Success) return null;
        var prefix = m.Groups["prefix"].Success ? m.Groups["prefix"].Value : null;
        var target = m.Groups["target"].Value.Trim();
        var custom = m.Groups["text"].Success ? m.Groups["text"].Value.Trim() : null;
        if (m.Groups["anchor"].Success)
            return custom is null
                ? new XrefInline { Raw = raw, Kind = XrefKind.Anchor, Target = m.Groups["anchor"].Value }
                : new XrefInline { Raw = raw, Kind = XrefKind.AnchorLink, Target = m.Groups["anchor"].Value, CustomText = custom };
        XrefKind kind;
        string? doc = null;
        switch (prefix?.ToLowerInvariant())
        {
            case "term": kind = XrefKind.Term; break;
            case "rec": kind = XrefKind.Recommendation; break;
            case "role": kind = XrefKind.Role; break;
            case "ca": kind = XrefKind.Ca; break;
            case null:
                if (SectionNumberPattern().IsMatch(target)) kind = XrefKind.Section;
                else { kind = XrefKind.Document; doc = target; }
                break;
            default:
                doc = prefix;
                kind = XrefKind.Section;
                break;
        }
        return new XrefInline { Raw = raw, Kind = kind, DocumentId = doc, Target = target, CustomText = custom };
    }

    [GeneratedRegex(@"^(?:#(?<anchor>[A-Za-z][\w.-]*)(?:\|(?<text>[^\]]+))?|(?:(?<prefix>[a-z][a-z0-9-]*):)?(?<target>[^|:\]]+?)(?:\|(?<text>[^\]]+))?)$")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3})*$")]
    private static partial Regex SectionNumberPattern();
}
