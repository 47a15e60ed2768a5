using Ganss.Xss;
using PolicyDocs.Text;

namespace PolicyDocs.Markdown;

/// <summary>What the sanitiser took out of a piece of raw HTML, and whether it could have run script or loaded content.</summary>
internal readonly record struct HtmlRemoval(string What, bool Unsafe);

/// <summary>
/// The allowlist for raw HTML in prose, applied by HtmlSanitizer: the formatting CP/CPS use (sup, sub, u, br, emphasis,
/// spans and divs, lists, tables, details) with id, class, title and the table and list attributes; links and images
/// whose URL passes <see cref="UrlPolicy"/>. Scripts, event handlers, styles, frames, forms, embeds and every other
/// element or attribute are removed and reported. One instance per thread of work; not thread-safe.
/// </summary>
internal sealed class RawHtmlSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
        "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    ];

    private static readonly string[] Attributes =
    [
        "id", "class", "title", "lang", "dir", "href", "name", "src", "alt", "width", "height", "colspan", "rowspan",
        "scope", "headers", "align", "valign", "start", "reversed", "type", "open", "datetime", "cite",
    ];

    /// <summary>Elements that run script, load or embed content, submit data or change how the page is read.</summary>
    private static readonly HashSet<string> DangerousTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "select",
        "textarea", "base", "meta", "link", "style", "svg", "math", "noscript", "template", "portal", "audio", "video",
        "source", "track", "canvas", "dialog", "slot",
    };

    private readonly HtmlSanitizer _sanitizer;
    private List<HtmlRemoval>? _removed;

    /// <summary>A sanitiser with the prose allowlist.</summary>
    public RawHtmlSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        _sanitizer.AllowedTags.UnionWith(Tags);
        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.UnionWith(Attributes);
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAtRules.Clear();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        _sanitizer.UriAttributes.Clear();
        _sanitizer.UriAttributes.UnionWith(["href", "src", "cite"]);
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.KeepChildNodes = false;
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (!UrlPolicy.IsAllowed(e.OriginalUrl)) e.SanitizedUrl = null;
        };
        _sanitizer.RemovingTag += (_, e) =>
        {
            var name = e.Tag.LocalName;
            _removed?.Add(new HtmlRemoval($"<{name}> element", DangerousTags.Contains(name)));
        };
        _sanitizer.RemovingAttribute += (_, e) =>
        {
            var name = e.Attribute.Name;
            var url = e.Reason == RemoveReason.NotAllowedUrlValue;
            var dangerous = url || name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name.Contains(':')
                || name.Equals("style", StringComparison.OrdinalIgnoreCase) && e.Attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase);
            _removed?.Add(new HtmlRemoval(
                url ? $"the URL in {name}=\"{SingleLine.Escape(Shorten(e.Attribute.Value))}\" of <{e.Tag.LocalName}> (allowed: {UrlPolicy.Description})"
                    : $"the {name} attribute of <{e.Tag.LocalName}>",
                dangerous));
        };
        _sanitizer.RemovingStyle += (_, e) => _removed?.Add(new HtmlRemoval($"the style of <{e.Tag.LocalName}>", false));
        _sanitizer.RemovingAtRule += (_, e) => _removed?.Add(new HtmlRemoval($"a CSS rule in <{e.Tag.LocalName}>", true));
        _sanitizer.RemovingCssClass += (_, _) => { };
        _sanitizer.RemovingComment += (_, _) => { }; // comments are authors' notes: never published, nothing to report
    }

    /// <summary>Sanitises a fragment of HTML and appends what was removed to <paramref name="removed"/>.</summary>
    public string Sanitize(string html, List<HtmlRemoval> removed)
    {
        _removed = removed;
        try
        {
            return _sanitizer.Sanitize(html);
        }
        finally
        {
            _removed = null;
        }
    }

    /// <summary>True when <paramref name="name"/> is an element the allowlist keeps.</summary>
    public static bool IsAllowedTag(string name) => Array.IndexOf(Tags, name.ToLowerInvariant()) >= 0;

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
