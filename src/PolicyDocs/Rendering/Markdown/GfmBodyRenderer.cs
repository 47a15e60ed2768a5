using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers.Normalize;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Rendering.Markdown;

/// <summary>
/// Writes a section body (the shared, sanitised Markdig tree) back as plain GitHub-flavoured Markdown, with Markdig's
/// <see cref="NormalizeRenderer"/> for ordinary blocks and inlines (tables, lists, task lists, emphasis, code) and
/// its own renderers for what is not GFM: cross-references and <c>xref:</c> links become ordinary links with the text
/// the resolver gave them, <c>[[#id]]</c> anchors are dropped, links are written inline (link reference definitions of
/// different sections would collide in one file), footnote labels are made unique per section, headings inside a
/// section nest directly below its heading (<see cref="SubheadingLevels"/>), and generic attributes are left out.
/// One instance per thread.
/// </summary>
internal sealed class GfmBodyRenderer
{
    private readonly StringWriter _writer = new();
    private readonly NormalizeRenderer _renderer;
    private readonly State _state;

    /// <summary>Creates a renderer whose links are given by <paramref name="links"/>, and the destination of each
    /// resolved image by <paramref name="images"/> (null keeps the URL as written).</summary>
    public GfmBodyRenderer(XrefIndex xrefs, Func<XrefTarget, string?> links, Func<string, string?>? images = null)
    {
        _state = new State(xrefs, links) { Images = images };
        _renderer = new NormalizeRenderer(_writer, new NormalizeOptions { ListItemCharacter = '-' });
        PolicyMarkdown.Pipeline.Setup(_renderer);
        // The renderer takes the first renderer that accepts a node: these go before Markdig's own.
        _renderer.ObjectRenderers.Insert(0, new XrefRenderer(_state));
        _renderer.ObjectRenderers.Insert(0, new LinkRenderer(_state));
        _renderer.ObjectRenderers.Insert(0, new LiteralRenderer());
        _renderer.ObjectRenderers.Insert(0, new DelimiterRenderer());
        _renderer.ObjectRenderers.Insert(0, new HeadingRenderer(_state));
        _renderer.ObjectRenderers.Insert(0, new CaptionParagraphRenderer());
        _renderer.ObjectRenderers.Insert(0, new LetteredListRenderer());
        _renderer.ObjectRenderers.Insert(0, new FootnoteLinkRenderer(_state));
        _renderer.ObjectRenderers.Insert(0, new FootnoteGroupRenderer(_state));
        _renderer.ObjectRenderers.Insert(0, new SkipRenderer<LinkReferenceDefinitionGroup>());
    }

    /// <summary>
    /// Renders <paramref name="body"/> of a section whose own heading is at level <paramref name="sectionLevel"/>
    /// (0 for text before the first section); <paramref name="footnotePrefix"/> makes its footnote labels unique.
    /// </summary>
    public string Render(MarkdownDocument body, int sectionLevel, string footnotePrefix)
    {
        _state.Prefixes[body] = footnotePrefix;
        _writer.GetStringBuilder().Clear();
        _state.Subheadings = SubheadingLevels.Of(body, sectionLevel, 6);
        _state.FootnotePrefix = footnotePrefix;
        // The renderer is reused: a body that starts with a block quote must start on a new line, or the writer,
        // still at the end of the previous body's last line, leaves out the quote's first "> " (trimmed below).
        _renderer.EnsureLine();
        _renderer.Render(body);
        _writer.Flush();
        return _writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
    }

    /// <summary>Tells the renderer the footnote prefix of a body before it is rendered, so that a reference from another
    /// section to a note it defines gets that note's label.</summary>
    public void Prefix(MarkdownDocument body, string footnotePrefix) => _state.Prefixes[body] = footnotePrefix;

    /// <summary>Escapes generated text (a section title, a term) so that it reads as text wherever it lands, tables included.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '!' or '&' or '{' or '}' or '#') sb.Append('\\');
            sb.Append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.ToString();
    }

    /// <summary>A URL as a link destination: in angle brackets when it holds spaces or parentheses.</summary>
    public static string Destination(string url) =>
        url.AsSpan().IndexOfAny(" ()<>") >= 0 ? "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal) + ">" : url;

    private sealed class State(XrefIndex xrefs, Func<XrefTarget, string?> links)
    {
        public XrefIndex Xrefs { get; } = xrefs;
        public Func<XrefTarget, string?> Links { get; } = links;
        public Func<string, string?>? Images { get; init; }
        public SubheadingLevels Subheadings { get; set; } = SubheadingLevels.None;
        public string FootnotePrefix { get; set; } = "";
        public Dictionary<MarkdownDocument, string> Prefixes { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>"^1" of section 4.9.1 → "4-9-1-1"; a label that already starts with the prefix (a file rendered
        /// again from its own model) is kept.</summary>
        public string Label(Footnote note)
        {
            var label = (note.Label ?? "").TrimStart('^');
            if (label.Length == 0) label = note.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // A note defined in another section has that section's prefix.
            var prefix = DocumentFootnotes.Home(note) is { } home && Prefixes.TryGetValue(home, out var p) ? p : FootnotePrefix;
            return label.StartsWith(prefix + "-", StringComparison.Ordinal) ? label : prefix + "-" + label;
        }
    }

    private sealed class SkipRenderer<T> : NormalizeObjectRenderer<T> where T : MarkdownObject
    {
        protected override void Write(NormalizeRenderer renderer, T obj) { }
    }

    private sealed class HeadingRenderer(State state) : NormalizeObjectRenderer<HeadingBlock>
    {
        protected override void Write(NormalizeRenderer renderer, HeadingBlock heading)
        {
            renderer.Write(new string('#', state.Subheadings.Of(heading))).Write(' ');
            renderer.WriteLeafInline(heading);
            renderer.FinishBlock(true);
        }
    }

    /// <summary>
    /// Literal text as parsed, with the backslash the parser saw before its first character, and with the characters
    /// that could start a link, raw HTML, an entity or code escaped wherever they appear: literal text can come from the
    /// sanitiser (a refused link's text) as well as from the source, and must stay text when the file is read again.
    /// It never opens a template (<c>{{</c>) or a reference (<c>[[</c>) either.
    /// </summary>
    private sealed class LiteralRenderer : NormalizeObjectRenderer<LiteralInline>
    {
        protected override void Write(NormalizeRenderer renderer, LiteralInline literal)
        {
            var text = literal.Content.AsSpan();
            var start = 0;
            if (literal.IsFirstCharacterEscaped && text.Length > 0 && text[0] < 128 && (char.IsPunctuation(text[0]) || char.IsSymbol(text[0])))
            {
                renderer.Write('\\').Write(text[0]);
                start = 1;
            }
            var sb = new StringBuilder(text.Length + 4);
            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (c is '\\' or '[' or ']' or '<' or '`'
                    || c == '{' && i > 0 && text[i - 1] == '{'
                    || c == '&' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '#'))
                    sb.Append('\\');
                sb.Append(c);
            }
            renderer.Write(sb.ToString());
        }
    }

    /// <summary>A bracket that opened no link stays a bracket: escaped, so it cannot open one (or a reference) when read again.</summary>
    private sealed class DelimiterRenderer : NormalizeObjectRenderer<DelimiterInline>
    {
        protected override void Write(NormalizeRenderer renderer, DelimiterInline delimiter)
        {
            var literal = delimiter.ToLiteral();
            renderer.Write(literal.EndsWith('[') ? literal[..^1] + "\\[" : literal);
            renderer.WriteChildren(delimiter);
        }
    }

    private sealed class XrefRenderer(State state) : NormalizeObjectRenderer<XrefInline>
    {
        protected override void Write(NormalizeRenderer renderer, XrefInline x)
        {
            if (x.Kind == XrefKind.Anchor) return; // an anchor for the site and Word; the file links headings instead
            var target = state.Xrefs.Resolve(x);
            var text = Escape(target?.Text ?? x.CustomText ?? x.Target);
            var href = target is null ? null : state.Links(target);
            if (href is null) renderer.Write(text);
            else renderer.Write('[').Write(text).Write("](").Write(Destination(href)).Write(')');
        }
    }

    private sealed class LinkRenderer(State state) : NormalizeObjectRenderer<LinkInline>
    {
        protected override void Write(NormalizeRenderer renderer, LinkInline link)
        {
            var target = link.IsImage ? null : state.Xrefs.Resolve(link);
            if (target is not null)
            {
                var href = state.Links(target);
                if (href is null)
                {
                    renderer.WriteChildren(link);
                    return;
                }
                renderer.Write('[');
                renderer.WriteChildren(link);
                renderer.Write("](").Write(Destination(href)).Write(')');
                return;
            }
            if (link.IsImage) renderer.Write('!');
            renderer.Write('[');
            renderer.WriteChildren(link);
            var url = link.Url ?? "";
            if (link.IsImage && state.Images?.Invoke(url) is { } moved) url = moved;
            renderer.Write("](").Write(Destination(url));
            if (!string.IsNullOrEmpty(link.Title))
                renderer.Write(" \"").Write(link.Title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Write('"');
            renderer.Write(')');
        }
    }

    /// <summary>Lettered and roman lists (a., A., i., I., as pandoc writes them) keep their markers; a capital letter and
    /// period get two spaces after them, as pandoc wants so that an initial ("A. Smith") does not start a list.</summary>
    private sealed class LetteredListRenderer : Markdig.Renderers.Normalize.ListRenderer
    {
        protected override void Write(NormalizeRenderer renderer, ListBlock list)
        {
            if (!list.IsOrdered || list.BulletType is not ('a' or 'A' or 'i' or 'I'))
            {
                base.Write(renderer, list);
                return;
            }
            renderer.EnsureLine();
            var compact = renderer.CompactParagraph;
            renderer.CompactParagraph = !list.IsLoose;
            var number = int.TryParse(list.OrderedStart, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
            for (var i = 0; i < list.Count; i++, number++)
            {
                renderer.EnsureLine();
                var marker = Marker(list.BulletType, number) + list.OrderedDelimiter + (list.BulletType == 'A' && list.OrderedDelimiter == '.' ? "  " : " ");
                renderer.Write(marker);
                renderer.PushIndent(new string(' ', marker.Length));
                renderer.WriteChildren((ListItemBlock)list[i]);
                renderer.PopIndent();
                if (i + 1 < list.Count && list.IsLoose)
                {
                    renderer.EnsureLine();
                    renderer.WriteLine();
                }
            }
            renderer.CompactParagraph = compact;
            renderer.FinishBlock(true);
        }

        /// <summary>The marker of item <paramref name="number"/> (from 1): a–z, or a roman numeral; past z, the number.</summary>
        private static string Marker(char bulletType, int number)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            if (bulletType is 'a' or 'A')
                return number is >= 1 and <= 26 ? ((char)(bulletType + number - 1)).ToString() : number.ToString(inv);
            if (number is < 1 or > 3999) return number.ToString(inv);
            var roman = new StringBuilder();
            foreach (var (value, digits) in Roman)
                for (; number >= value; number -= value) roman.Append(digits);
            return bulletType == 'i' ? roman.ToString().ToLowerInvariant() : roman.ToString();
        }

        private static readonly (int, string)[] Roman =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    }

    /// <summary>A table's caption paragraph is written back as pandoc reads it, "Table: text".</summary>
    private sealed class CaptionParagraphRenderer : Markdig.Renderers.Normalize.ParagraphRenderer
    {
        protected override void Write(NormalizeRenderer renderer, ParagraphBlock obj)
        {
            if (TableCaption.IsCaption(obj)) renderer.Write(TableCaption.Prefix).Write(' ');
            base.Write(renderer, obj);
        }
    }

    private sealed class FootnoteLinkRenderer(State state) : NormalizeObjectRenderer<FootnoteLink>
    {
        protected override void Write(NormalizeRenderer renderer, FootnoteLink link)
        {
            if (link.IsBackLink) return;
            renderer.Write("[^").Write(state.Label(link.Footnote)).Write(']');
        }
    }

    private sealed class FootnoteGroupRenderer(State state) : NormalizeObjectRenderer<FootnoteGroup>
    {
        protected override void Write(NormalizeRenderer renderer, FootnoteGroup group)
        {
            foreach (var note in group.OfType<Footnote>())
            {
                renderer.EnsureLine();
                renderer.Write("[^").Write(state.Label(note)).Write("]: ");
                renderer.PushIndent("    ");
                renderer.WriteChildren(note);
                renderer.PopIndent();
                renderer.FinishBlock(true);
            }
        }
    }
}
