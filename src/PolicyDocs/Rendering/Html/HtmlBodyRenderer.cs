using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Renders a section body (the shared Markdig tree) to HTML: cross-references become links with generated
/// text, <c>[[#id]]</c> becomes an anchor, headings inside a section nest directly below the section heading
/// (<see cref="SubheadingLevels"/>) and footnote ids are made unique per section. One instance per thread.
/// </summary>
internal sealed class HtmlBodyRenderer
{
    private readonly XrefIndex _xrefs;
    private readonly int _depth;
    private readonly StringWriter _writer = new();
    private readonly HtmlRenderer _renderer;
    private readonly Context _context = new();

    /// <summary>Creates a renderer for pages at <paramref name="depth"/> of document <paramref name="documentId"/>.</summary>
    /// <param name="xrefs">Resolved references.</param>
    /// <param name="documentId">The document whose sections are rendered.</param>
    /// <param name="depth">How many folders below the site root the page is (for <see cref="Render"/> and
    /// <see cref="RenderInline"/>; <see cref="RenderRelative"/> serves pages at any depth).</param>
    /// <param name="images">The document's images by URL as written; each is shown from its published file.</param>
    /// <param name="href">Where references link to, in place of the site's pages (null: shown as text); for pages that
    /// show pieces of a document away from its own page, such as redlines.</param>
    public HtmlBodyRenderer(XrefIndex xrefs, string? documentId, int depth, IReadOnlyDictionary<string, Model.ImageAsset>? images = null,
        Func<XrefTarget, string?>? href = null)
    {
        _xrefs = xrefs;
        _depth = depth;
        _context.Images = images;
        _context.DocumentId = documentId;
        // The site's own links are written from the root, the way up to it marked (see SiteRelativeHtml).
        _context.Href = href ?? (t => SiteLinks.Href(t, documentId, 0));
        _context.SiteHrefs = href is null;
        _renderer = new HtmlRenderer(_writer);
        _context.Position = () => _writer.GetStringBuilder().Length;
        PolicyMarkdown.Pipeline.Setup(_renderer);
        _renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new XrefLinkRenderer(_xrefs, _context));
        _renderer.ObjectRenderers.Replace<HeadingRenderer>(new DemotedHeadingRenderer(_xrefs, _context));
        _renderer.ObjectRenderers.Add(new XrefHtmlRenderer(_xrefs, _context));
        _renderer.ObjectRenderers.Replace<Markdig.Extensions.Footnotes.HtmlFootnoteGroupRenderer>(new FootnoteGroupRenderer(_context));
        _renderer.ObjectRenderers.Replace<ParagraphRenderer>(new CaptionParagraphRenderer());
        _renderer.ObjectRenderers.Replace<Markdig.Extensions.Tables.HtmlTableRenderer>(new CaptionedTableRenderer(_context));
        _context.Output = _writer.GetStringBuilder();
        if (href is not null)
        {
            _context.Detached = true;
            // Away from the document's page its footnotes are not there to link to: the mark stays, as text.
            _renderer.ObjectRenderers.Replace<Markdig.Extensions.Footnotes.HtmlFootnoteLinkRenderer>(new DetachedFootnoteLinkRenderer());
        }
        else _renderer.ObjectRenderers.Replace<Markdig.Extensions.Footnotes.HtmlFootnoteLinkRenderer>(new FootnoteLinkRenderer(_context));
    }

    /// <summary>The inline content of one leaf block (a paragraph or heading) as HTML, without the block's element.</summary>
    public string RenderInline(LeafBlock block, string idPrefix)
    {
        Start(idPrefix);
        _renderer.WriteLeafInline(block);
        return new SiteRelativeHtml(Parts(null)).At(_depth);
    }

    /// <summary>Renders a body whose section heading is at HTML level <paramref name="headingLevel"/>.</summary>
    public string Render(MarkdownDocument body, int headingLevel, string idPrefix) => RenderRelative(body, headingLevel, idPrefix).At(_depth);

    /// <summary>Renders a body whose section heading is at HTML level <paramref name="headingLevel"/> once, for pages
    /// at any depth.</summary>
    public SiteRelativeHtml RenderRelative(MarkdownDocument body, int headingLevel, string idPrefix)
    {
        Start(idPrefix);
        _context.Subheadings = SubheadingLevels.Of(body, headingLevel, 6);
        _renderer.Render(body);
        return new SiteRelativeHtml(Parts(idPrefix));
    }

    private void Start(string idPrefix)
    {
        _writer.GetStringBuilder().Clear();
        _context.RootMarks.Clear();
        _context.IdPrefix = idPrefix;
        _context.TipCount = 0;
    }

    /// <summary>
    /// What was written, cut where the way up to the site root goes; for a body (<paramref name="idPrefix"/> given) with
    /// each part finished (<see cref="Finish"/>). The marks sit right after an <c>href="</c> or <c>src="</c>, before a
    /// path from the root, where none of the replacements can begin or end, and whether each is needed is decided on
    /// the whole, so finishing the parts one by one finishes the whole.
    /// </summary>
    private string[] Parts(string? idPrefix)
    {
        _writer.Flush();
        var html = _writer.ToString();
        var aligned = idPrefix is not null && html.Contains(" style=\"text-align: ", StringComparison.Ordinal);
        var footnotes = idPrefix is not null && html.Contains("fn:", StringComparison.Ordinal);
        var marks = _context.RootMarks;
        var parts = new string[marks.Count + 1];
        var start = 0;
        for (var i = 0; i <= marks.Count; i++)
        {
            var end = i < marks.Count ? marks[i] : html.Length;
            parts[i] = Finish(html[start..end], idPrefix!, aligned, footnotes);
            start = end;
        }
        return parts;
    }

    private static string Finish(string html, string idPrefix, bool aligned, bool footnotes)
    {
        if (aligned)
        {
            // Table column alignment as classes, so a Content-Security-Policy without inline styles holds.
            html = html.Replace(" style=\"text-align: left;\"", " class=\"align-left\"", StringComparison.Ordinal)
                       .Replace(" style=\"text-align: center;\"", " class=\"align-center\"", StringComparison.Ordinal)
                       .Replace(" style=\"text-align: right;\"", " class=\"align-right\"", StringComparison.Ordinal);
        }
        return footnotes
            ? html.Replace("id=\"fn:", $"id=\"{idPrefix}-fn:", StringComparison.Ordinal)
                  .Replace("href=\"#fn:", $"href=\"#{idPrefix}-fn:", StringComparison.Ordinal)
                  .Replace("id=\"fnref:", $"id=\"{idPrefix}-fnref:", StringComparison.Ordinal)
                  .Replace("href=\"#fnref:", $"href=\"#{idPrefix}-fnref:", StringComparison.Ordinal)
            : html;
    }

    private sealed class Context
    {
        public string? DocumentId { get; set; }
        public IReadOnlyDictionary<string, Model.ImageAsset>? Images { get; set; }
        /// <summary>Whether <see cref="Href"/> gives the site's own links, written from the site root.</summary>
        public bool SiteHrefs { get; set; }
        /// <summary>Where in the output the way up to the site root goes, in order.</summary>
        public List<int> RootMarks { get; } = [];
        public SubheadingLevels Subheadings { get; set; } = SubheadingLevels.None;
        public string IdPrefix { get; set; } = "";
        public int TipCount { get; set; }
        public Func<XrefTarget, string?> Href { get; set; } = _ => null;
        public bool Detached { get; set; }
        /// <summary>True while a note defined in another section is written: its own back links lead to that section.</summary>
        public bool NoteFromElsewhere { get; set; }
        public Func<int> Position { get; set; } = () => 0;
        /// <summary>What was written so far.</summary>
        public System.Text.StringBuilder Output { get; set; } = new();

        /// <summary>Moves the text from <paramref name="from"/> to the end of the output to <paramref name="to"/> (before
        /// it), the marks of the way up to the site root moving with their text.</summary>
        public void MoveTail(int from, int to)
        {
            var length = Output.Length - from;
            var text = Output.ToString(from, length);
            Output.Remove(from, length).Insert(to, text);
            for (var i = 0; i < RootMarks.Count; i++)
            {
                var mark = RootMarks[i];
                if (mark >= from) RootMarks[i] = mark - from + to;
                else if (mark >= to) RootMarks[i] = mark + length;
            }
            RootMarks.Sort();
        }

        /// <summary>Marks the place where the way up to the site root goes.</summary>
        public void MarkRoot() => RootMarks.Add(Position());

        /// <summary>Writes a link's URL: one of the site's own that is not a #fragment starts at the root.</summary>
        public void WriteHref(HtmlRenderer renderer, string href)
        {
            if (SiteHrefs && !href.StartsWith('#')) MarkRoot();
            renderer.WriteEscapeUrl(href);
        }
    }

    /// <summary>
    /// The notes a section refers to, at its end, numbered as in the whole document (<see cref="DocumentFootnotes"/>):
    /// its own and those defined in other sections, whose back links lead to this section's references.
    /// </summary>
    private sealed class FootnoteGroupRenderer(Context context) : HtmlObjectRenderer<Markdig.Extensions.Footnotes.FootnoteGroup>
    {
        protected override void Write(HtmlRenderer renderer, Markdig.Extensions.Footnotes.FootnoteGroup group)
        {
            if (group.Parent is not MarkdownDocument body) return;
            var notes = DocumentFootnotes.ReferencedIn(body);
            if (notes.Count == 0) return;
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            renderer.EnsureLine();
            renderer.WriteLine("<div class=\"footnotes\">").WriteLine("<hr />").WriteLine("<ol>");
            for (var i = 0; i < notes.Count; i++)
            {
                var note = notes[i];
                var order = note.Order.ToString(inv);
                renderer.Write("<li id=\"fn:").Write(order).Write('"');
                if (note.Order != i + 1) renderer.Write(" value=\"").Write(order).Write('"');
                renderer.WriteLine(">");
                var elsewhere = !ReferenceEquals(note.Parent, group);
                context.NoteFromElsewhere = elsewhere;
                renderer.WriteChildren(note);
                context.NoteFromElsewhere = false;
                if (elsewhere && !context.Detached)
                {
                    foreach (var link in DocumentFootnotes.LinksTo(body, note))
                        renderer.Write("<a href=\"#fnref:").Write(link.Index.ToString(inv)).Write("\" class=\"footnote-back-ref\">&#8617;</a>");
                    renderer.EnsureLine();
                }
                renderer.WriteLine("</li>");
            }
            renderer.WriteLine("</ol>").WriteLine("</div>");
        }
    }

    /// <summary>A table's caption paragraph (<see cref="TableCaption"/>) is written with its table, not where it stands.</summary>
    private sealed class CaptionParagraphRenderer : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
        {
            if (TableCaption.IsCaption(obj)) return;
            base.Write(renderer, obj);
        }
    }

    /// <summary>Markdig's tables, with the caption as the table's first child.</summary>
    private sealed class CaptionedTableRenderer(Context context) : Markdig.Extensions.Tables.HtmlTableRenderer
    {
        protected override void Write(HtmlRenderer renderer, Markdig.Extensions.Tables.Table table)
        {
            var start = context.Position();
            base.Write(renderer, table);
            if (TableCaption.Of(table) is not { } caption) return;
            var end = context.Position();
            renderer.Write("<caption>");
            renderer.WriteLeafInline(caption);
            renderer.WriteLine("</caption>");
            // Right after the <table> tag and its line break.
            var at = start;
            while (at < end && context.Output[at] != '>') at++;
            if (at + 1 < end && context.Output[at + 1] == '\n') at++;
            context.MoveTail(end, Math.Min(at + 1, end));
        }
    }

    /// <summary>Markdig's footnote links, but a note from another section leaves out its back links to there.</summary>
    private sealed class FootnoteLinkRenderer(Context context) : Markdig.Extensions.Footnotes.HtmlFootnoteLinkRenderer
    {
        protected override void Write(HtmlRenderer renderer, Markdig.Extensions.Footnotes.FootnoteLink link)
        {
            if (link.IsBackLink && context.NoteFromElsewhere) return;
            base.Write(renderer, link);
        }
    }

    private sealed class DetachedFootnoteLinkRenderer : HtmlObjectRenderer<Markdig.Extensions.Footnotes.FootnoteLink>
    {
        protected override void Write(HtmlRenderer renderer, Markdig.Extensions.Footnotes.FootnoteLink link)
        {
            if (link.IsBackLink) return;
            renderer.Write("<sup class=\"footnote-ref\">").Write(link.Footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("</sup>");
        }
    }

    private sealed class XrefHtmlRenderer(XrefIndex xrefs, Context context) : HtmlObjectRenderer<XrefInline>
    {
        protected override void Write(HtmlRenderer renderer, XrefInline x)
        {
            if (x.Kind == XrefKind.Anchor)
            {
                renderer.Write("<span id=\"").WriteEscape(x.Target).Write("\"></span>");
                return;
            }
            var target = xrefs.Resolve(x);
            if (target is null)
            {
                renderer.Write("<span class=\"xref-unresolved\">").WriteEscape("[[" + x.Raw + "]]").Write("</span>");
                return;
            }
            var href = context.Href(target);
            var cls = "xref xref-" + target.Kind.ToString().ToLowerInvariant();
            if (target.Kind == XrefKind.Term && !string.IsNullOrEmpty(target.Title))
            {
                // A glossary term: the definition is a real tooltip shown on hover and keyboard focus.
                var tip = $"{context.IdPrefix}-tip-{++context.TipCount}";
                renderer.Write("<span class=\"term\">");
                renderer.Write(href is null ? "<span tabindex=\"0\" class=\"" : "<a class=\"").Write(cls).Write("\"");
                if (href is not null)
                {
                    renderer.Write(" href=\"");
                    context.WriteHref(renderer, href);
                    renderer.Write("\"");
                }
                renderer.Write(" aria-describedby=\"").Write(tip).Write("\">").WriteEscape(target.Text).Write(href is null ? "</span>" : "</a>");
                renderer.Write("<span class=\"term-tip\" role=\"tooltip\" id=\"").Write(tip).Write("\">").WriteEscape(target.Title).Write("</span></span>");
                return;
            }
            if (href is null)
            {
                renderer.Write("<span class=\"").Write(cls).Write("\"");
            }
            else
            {
                renderer.Write("<a class=\"").Write(cls).Write("\" href=\"");
                context.WriteHref(renderer, href);
                renderer.Write("\"");
            }
            if (!string.IsNullOrEmpty(target.Title)) renderer.Write(" title=\"").WriteEscape(target.Title).Write("\"");
            renderer.Write(">").WriteEscape(target.Text).Write(href is null ? "</span>" : "</a>");
        }
    }

    private sealed class XrefLinkRenderer(XrefIndex xrefs, Context context) : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (link.IsImage && link.Url is { } url && context.DocumentId is { } doc && context.Images?.GetValueOrDefault(url) is { } image)
            {
                // The published, fingerprinted copy beside the document's page; the size lets the page lay out before it loads.
                var inv = System.Globalization.CultureInfo.InvariantCulture;
                renderer.Write("<img src=\"");
                context.MarkRoot();
                renderer.WriteEscapeUrl(Output.SitePaths.DocumentImage(doc, image.PublishedName)).Write("\" alt=\"").WriteEscape(InlineText.Of(link, xrefs)).Write('"')
                    .Write(" width=\"").Write(image.Width.ToString(inv)).Write("\" height=\"").Write(image.Height.ToString(inv)).Write('"');
                if (!string.IsNullOrEmpty(link.Title)) renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
                renderer.Write(" />");
                return;
            }
            var target = link.IsImage ? null : xrefs.Resolve(link);
            if (target is null)
            {
                base.Write(renderer, link);
                return;
            }
            var href = context.Href(target);
            if (href is null && context.Detached)
            {
                renderer.WriteChildren(link);
                return;
            }
            href ??= "#";
            renderer.Write("<a class=\"xref\" href=\"");
            context.WriteHref(renderer, href);
            renderer.Write("\"");
            if (!string.IsNullOrEmpty(link.Title)) renderer.Write(" title=\"").WriteEscape(link.Title).Write("\"");
            renderer.Write(">");
            renderer.WriteChildren(link);
            renderer.Write("</a>");
        }
    }

    /// <summary>A heading inside a body, at its level below the section's, with its id (the one written, else its GitHub
    /// id) on the document's own pages.</summary>
    private sealed class DemotedHeadingRenderer(XrefIndex xrefs, Context context) : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            var level = context.Subheadings.Of(heading);
            renderer.Write("<h").Write(level.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write(" class=\"subheading\"");
            if (!context.Detached && heading.TryGetAttributes()?.Id is null && xrefs.IdOf(heading) is { } id)
                renderer.Write(" id=\"").WriteEscape(id).Write("\"");
            renderer.WriteAttributes(heading);
            renderer.Write(">");
            renderer.WriteLeafInline(heading);
            renderer.Write("</h").Write(level.ToString(System.Globalization.CultureInfo.InvariantCulture)).WriteLine(">");
        }
    }
}
