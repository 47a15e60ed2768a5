using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Text;

namespace PolicyDocs.Binding;

/// <summary>
/// Makes a parsed section body safe for every output, in the model, so no renderer has to: raw HTML goes through the
/// <see cref="RawHtmlSanitizer"/> allowlist, Markdown attributes keep only id and classes, and links, images and
/// autolinks whose URL <see cref="UrlPolicy"/> refuses become their text. Each removal is a diagnostic at its line.
/// The same edits are made to the section's bound Markdown text, so the combined Markdown download says what the site
/// and the Word file say; an edit never changes the number of lines, so positions in the tree still match the text.
/// </summary>
internal sealed partial class ProseSanitizer
{
    private readonly RawHtmlSanitizer _html = new();
    private readonly List<HtmlRemoval> _removed = [];
    private readonly List<(int Start, int End, string Text)> _edits = [];
    private readonly List<(Model.SourceSpan At, string Text)> _kramdown = [];

    /// <summary>
    /// Sanitises <paramref name="section"/>'s body in place (the body is the Bind stage's own fresh tree) and returns the
    /// section with its bound text edited to match.
    /// </summary>
    public Section Sanitize(Section section, DiagnosticBag diagnostics)
    {
        if (section.Body is null) return section;
        _edits.Clear();
        // Collect first: the fixes below change the tree.
        var nodes = section.Body.Descendants().ToList();
        foreach (var node in nodes)
        {
            CheckAttributes(section, node, diagnostics);
            switch (node)
            {
                case KramdownAttributeLine line:
                    _kramdown.Add((SourceLocator.Locate(section, line, line.Text), line.Text));
                    Edit(line, "");
                    line.Parent?.Remove(line);
                    break;
                case HtmlBlock block:
                    Block(section, block, diagnostics);
                    break;
                case HtmlInline inline:
                    Inline(section, inline, diagnostics);
                    break;
                case AutolinkInline auto when !auto.IsEmail && !UrlPolicy.IsAllowed(auto.Url):
                    Refuse(section, auto, auto.Url, diagnostics);
                    Edit(auto, MarkdownEscape.Text(auto.Url));
                    auto.ReplaceBy(new LiteralInline(auto.Url));
                    break;
                case LinkInline link when link.Url is { } url && !IsXref(url) && !UrlPolicy.IsAllowed(url):
                    Refuse(section, link, url, diagnostics);
                    Edit(link, MarkdownEscape.Text(TextOf(link)));
                    Unwrap(link);
                    break;
                case LinkReferenceDefinition definition when definition.Url is { } url && !IsXref(url) && !UrlPolicy.IsAllowed(url):
                    Edit(definition, "");
                    definition.Url = "";
                    break;
            }
        }
        return _edits.Count == 0 || section.BoundSource is null ? section : section with { BoundSource = Apply(section.BoundSource) };
    }

    /// <summary>
    /// Reports, once for the document, the kramdown attribute lists taken out of its sections: at the first of them in the
    /// file, naming what they set. Call after the document's last section.
    /// </summary>
    public void Finish(DiagnosticBag diagnostics)
    {
        if (_kramdown.Count == 0) return;
        var ordered = _kramdown.OrderBy(k => k.At.Path, StringComparer.Ordinal).ThenBy(k => k.At.Line).ThenBy(k => k.At.Column).ToList();
        var kinds = ordered.Select(k => k.Text).Distinct(StringComparer.Ordinal).ToList();
        var named = string.Join(", ", kinds.Take(3).Select(k => SingleLine.Escape(Shorten(k))));
        diagnostics.Add(Rules.KramdownAttributes, ordered[0].At,
            $"{(ordered.Count == 1 ? "A kramdown attribute list was" : $"{ordered.Count} kramdown attribute lists were")} removed from every output ({named}{(kinds.Count > 3 ? $" and {kinds.Count - 3} more" : "")}); only kramdown reads them.");
        _kramdown.Clear();
    }

    private void Edit(MarkdownObject node, string replacement)
    {
        if (node.Span.Start < 0 || node.Span.End < node.Span.Start) return;
        _edits.Add((node.Span.Start, node.Span.End + 1, replacement));
    }

    /// <summary>Applies the edits, outermost first where they nest, keeping every line break of the replaced text.</summary>
    private string Apply(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, replacement) in _edits.OrderBy(e => e.Start).ThenByDescending(e => e.End))
        {
            if (start < at || end > text.Length) continue; // inside an edit already made
            sb.Append(text, at, start - at);
            var lines = text.AsSpan(start, end - start).Count('\n');
            var written = replacement;
            if (written.AsSpan().Count('\n') > lines) written = written.Replace('\n', ' ');
            sb.Append(written).Append('\n', lines - written.AsSpan().Count('\n'));
            at = end;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    private static string TextOf(LinkInline link)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var d in link.Descendants())
            switch (d)
            {
                case LiteralInline l: sb.Append(l.Content.ToString()); break;
                case CodeInline c: sb.Append(c.Content); break;
            }
        return sb.ToString();
    }

    private static bool IsXref(string url) => url.StartsWith("xref:", StringComparison.OrdinalIgnoreCase);

    private static void Refuse(Section section, MarkdownObject node, string url, DiagnosticBag diagnostics) =>
        diagnostics.Add(Rules.UnsafeLink, SourceLocator.Locate(section, node, url),
            $"Link to '{Shorten(url)}' refused: allowed are {UrlPolicy.Description}; it is published as plain text.");

    /// <summary>Replaces a link (or image) by its content: the link text, or an image's alternative text.</summary>
    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            var alt = new System.Text.StringBuilder();
            foreach (var d in link.Descendants<LiteralInline>()) alt.Append(d.Content.ToString());
            link.ReplaceBy(new LiteralInline(alt.ToString()));
            return;
        }
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }

    private void CheckAttributes(Section section, MarkdownObject node, DiagnosticBag diagnostics)
    {
        if (node.TryGetAttributes() is not { Properties: { Count: > 0 } properties }) return;
        var attributes = node.GetAttributes();
        // A kramdown attribute list ({: .class key="value"}) reads as a property named ":" or ":.class": its classes are
        // kept, the rest removed, and the document gets one warning for all of them.
        var kramdown = properties.Any(p => p.Key.StartsWith(':'));
        if (kramdown)
            foreach (var key in properties.Select(p => p.Key).Where(k => k.StartsWith(":.", StringComparison.Ordinal)))
                foreach (var cls in key[2..].Split('.', StringSplitOptions.RemoveEmptyEntries)) attributes.AddClass(cls);
        var names = string.Join(", ", properties.Select(p => p.Key));
        properties.Clear();
        if (attributes.Span.Start >= 0 && attributes.Span.End >= attributes.Span.Start)
        {
            var kept = (attributes.Id is { Length: > 0 } id ? "#" + id + " " : "") + string.Concat((attributes.Classes ?? []).Select(c => "." + c + " "));
            Edit(attributes, kept.Length == 0 ? "" : "{" + kept.TrimEnd() + "}");
        }
        if (kramdown)
        {
            var at = attributes.Span.Start >= 0 && (section.BoundSource ?? section.Source) is var text && attributes.Span.Start < text.Length
                ? SourceLocator.Locate(section, attributes, text.Substring(attributes.Span.Start, Math.Min(text.Length, attributes.Span.End + 1) - attributes.Span.Start))
                : SourceLocator.Locate(section, node, null);
            _kramdown.Add((at, "{" + names + "}"));
            return;
        }
        diagnostics.Add(Rules.AttributeNotAllowed, SourceLocator.Locate(section, node, names.Split(',')[0] + "="),
            $"Markdown attribute{(names.Contains(',') ? "s" : "")} {SingleLine.Escape(Shorten(names))} removed: only an id and classes may be set.");
    }

    private void Block(Section section, HtmlBlock block, DiagnosticBag diagnostics)
    {
        var original = block.Lines.ToString();
        if (block.Type == HtmlBlockType.Comment)
        {
            block.Lines = Lines("");
            Edit(block, "");
            return;
        }
        var trimmed = original.Trim();
        if (IsClosingTagsOnly(trimmed))
        {
            // The end of an element opened in an earlier block (<details> ... Markdown ... </details>).
            var kept = string.Concat(ClosingTags(trimmed).Where(RawHtmlSanitizer.IsAllowedTag).Select(n => $"</{n}>"));
            if (kept.Length == trimmed.Length) return;
            block.Lines = Lines(kept);
            Edit(block, kept);
            return;
        }
        _removed.Clear();
        var clean = _html.Sanitize(original, _removed);
        clean = DropAddedEndTags(trimmed, clean);
        Report(section, block, FirstLine(original), diagnostics);
        if (_removed.Count == 0 && clean == trimmed) return;
        block.Lines = Lines(clean);
        Edit(block, clean);
    }

    private void Inline(Section section, HtmlInline inline, DiagnosticBag diagnostics)
    {
        var tag = inline.Tag;
        if (tag.StartsWith("<!--", StringComparison.Ordinal) || tag.StartsWith("<?", StringComparison.Ordinal)
            || tag.StartsWith("<!", StringComparison.Ordinal))
        {
            Edit(inline, "");
            inline.Remove(); // comments, processing instructions and declarations are never published
            return;
        }
        if (tag.StartsWith("</", StringComparison.Ordinal))
        {
            var name = tag[2..].TrimEnd('>', ' ', '\t', '\n', '\r');
            if (RawHtmlSanitizer.IsAllowedTag(name)) return;
            Edit(inline, "");
            inline.Remove(); // the opening tag was reported
            return;
        }
        if (HtmlBreak.Is(tag)) return;
        _removed.Clear();
        var clean = _html.Sanitize(tag, _removed);
        // A start tag alone comes back closed; the content and the end tag follow as their own inlines.
        var end = clean.LastIndexOf("</", StringComparison.Ordinal);
        if (end > 0 && clean.EndsWith('>') && clean.IndexOf('>') < end) clean = clean[..end];
        Report(section, inline, tag, diagnostics);
        if (clean == tag) return;
        Edit(inline, clean);
        if (clean.Length == 0) inline.Remove();
        else inline.Tag = clean;
    }

    private void Report(Section section, MarkdownObject node, string literal, DiagnosticBag diagnostics)
    {
        foreach (var r in _removed.Distinct())
            diagnostics.Add(r.Unsafe ? Rules.UnsafeHtml : Rules.HtmlRemoved, SourceLocator.Locate(section, node, literal),
                $"Raw HTML: removed {r.What}{(r.Unsafe ? ", which could run script or load content" : "")}.");
    }

    /// <summary>
    /// HtmlSanitizer closes every element it sees open; where the source block left an element open (its content is
    /// Markdown that follows, its end tag a later block), the end tags it added at the end are taken off again.
    /// </summary>
    private static string DropAddedEndTags(string source, string clean)
    {
        var s = clean.TrimEnd();
        while (true)
        {
            var m = TrailingEndTag().Match(s);
            if (!m.Success) return s;
            var name = m.Groups[1].Value;
            var inSource = System.Text.RegularExpressions.Regex.Count(source, $"</{name}\\s*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            var inClean = System.Text.RegularExpressions.Regex.Count(s, $"</{name}>");
            if (inClean <= inSource) return s;
            s = s[..m.Index].TrimEnd();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("</([a-z0-9]+)>$")]
    private static partial System.Text.RegularExpressions.Regex TrailingEndTag();

    private static bool IsClosingTagsOnly(string text) =>
        text.Length > 0 && System.Text.RegularExpressions.Regex.IsMatch(text, @"^(</[A-Za-z][A-Za-z0-9-]*\s*>\s*)+$");

    private static IEnumerable<string> ClosingTags(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"</([A-Za-z][A-Za-z0-9-]*)\s*>").Select(m => m.Groups[1].Value.ToLowerInvariant());

    private static Markdig.Helpers.StringLineGroup Lines(string text)
    {
        var group = new Markdig.Helpers.StringLineGroup(4);
        foreach (var line in text.Split('\n')) group.Add(new Markdig.Helpers.StringSlice(line));
        return group;
    }

    private static string FirstLine(string text)
    {
        var i = text.IndexOf('\n');
        return (i < 0 ? text : text[..i]).TrimEnd('\r');
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
