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
/// section sit below its heading, and generic attributes are left out. One instance per thread.
/// </summary>
internal sealed class GfmBodyRenderer
{
    private readonly StringWriter _writer = new();
    private readonly NormalizeRenderer _renderer;
    private readonly State _state;

    /// <summary>Creates a renderer whose links are given by <paramref name="links"/>.</summary>
    public GfmBodyRenderer(XrefIndex xrefs, Func<XrefTarget, string?> links)
    {
        _state = new State(xrefs, links);
        _renderer = new NormalizeRenderer(_writer, new NormalizeOptions { ListItemCharacter = '-' });
        PolicyMarkdown.Pipeline.Setup(_renderer);
        // The renderer takes the first renderer that accepts a node: these go before Markdig's own.
        _renderer.ObjectRenderers.Insert(0, new XrefRenderer(_state));
        _renderer.ObjectRenderers.Insert(0, new LinkRenderer(_state));
        _renderer.ObjectRenderers.Insert(0, new LiteralRenderer());
        _renderer.ObjectRenderers.Insert(0, new HeadingRenderer(_state));
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
        _writer.GetStringBuilder().Clear();
        _state.SectionLevel = sectionLevel;
        _state.FootnotePrefix = footnotePrefix;
        _renderer.Render(body);
        _writer.Flush();
        return _writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
    }

    /// <summary>The level a heading inside a section is written at: below the section's heading, at most 6.</summary>
    public static int HeadingLevel(int sectionLevel, int level) => Math.Min(6, Math.Max(level, sectionLevel + 1));

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
        public int SectionLevel { get; set; }
        public string FootnotePrefix { get; set; } = "";

        public string Label(Footnote note) => FootnotePrefix + "-" + (note.Label ?? note.Order.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class SkipRenderer<T> : NormalizeObjectRenderer<T> where T : MarkdownObject
    {
        protected override void Write(NormalizeRenderer renderer, T obj) { }
    }

    private sealed class HeadingRenderer(State state) : NormalizeObjectRenderer<HeadingBlock>
    {
        protected override void Write(NormalizeRenderer renderer, HeadingBlock heading)
        {
            renderer.Write(new string('#', HeadingLevel(state.SectionLevel, heading.Level))).Write(' ');
            renderer.WriteLeafInline(heading);
            renderer.FinishBlock(true);
        }
    }

    /// <summary>Literal text as parsed, except that it never opens a template (<c>{{</c>) or a reference (<c>[[</c>)
    /// when the file is read again.</summary>
    private sealed class LiteralRenderer : NormalizeObjectRenderer<LiteralInline>
    {
        protected override void Write(NormalizeRenderer renderer, LiteralInline literal)
        {
            if (literal.IsFirstCharacterEscaped && literal.Content.Length > 0 && literal.Content.CurrentChar is var c && c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c)))
                renderer.Write('\\');
            var text = literal.Content.ToString();
            if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("[[", StringComparison.Ordinal))
                text = text.Replace("{{", "{\\{", StringComparison.Ordinal).Replace("[[", "[\\[", StringComparison.Ordinal);
            renderer.Write(text);
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
            renderer.Write("](").Write(Destination(link.Url ?? ""));
            if (!string.IsNullOrEmpty(link.Title))
                renderer.Write(" \"").Write(link.Title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Write('"');
            renderer.Write(')');
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
