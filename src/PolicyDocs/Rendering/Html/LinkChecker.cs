using System.Text;
using PolicyDocs.Model;
using PolicyDocs.Output;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Verifies every internal <c>href</c>/<c>src</c> and <c>#fragment</c> across the generated HTML pages: the target
/// file must be in the output and the fragment must be an id on the target page. External URLs are not followed.
/// A focused scanner over attributes, linear in the size of the site.
/// </summary>
internal static class LinkChecker
{
    /// <summary>One dangling link: the page it is on, its 1-based line and column there, and the href.</summary>
    public sealed record DanglingLink(string Page, int Line, int Column, string Href, string Reason);

    /// <summary>
    /// Diagnostics (PD0401) for every dangling internal link in <paramref name="output"/>. The links of the prose were
    /// checked at their source before rendering, so a dangling link here was written by a site template: by one of the
    /// policy set's own (<paramref name="ownTemplates"/>), whose folder the diagnostic names, or else by PolicyDocs itself,
    /// which the message says plainly. It is located at <paramref name="locate"/> of the page (the document the page shows),
    /// never in the generated output, which the user neither wrote nor keeps.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(OutputSet output, Func<string, SourceSpan> locate, bool ownTemplates, string rootPath = "/") =>
        [.. Find(output, rootPath).Select(d => ownTemplates
            ? Rules.DanglingLink.At(new SourceSpan("templates/site/", 1, 1),
                $"The site page {d.Page} links '{d.Href}', which {d.Reason} (line {d.Line}, column {d.Column} of the page); the policy set's site templates write this link.")
            : Rules.DanglingLink.At(locate(d.Page),
                $"PolicyDocs wrote a broken link on the site page {d.Page}: '{d.Href}' {d.Reason}. This is a bug in PolicyDocs, not in the content, whose links were all checked; please report it."))];

    /// <summary>Every dangling internal link in <paramref name="output"/>, by page then position.</summary>
    /// <remarks>Links starting with <paramref name="rootPath"/> (the site's path on its server) are taken from the site root.</remarks>
    public static IReadOnlyList<DanglingLink> Find(OutputSet output, string rootPath = "/")
    {
        // Each page is scanned once, pages in parallel: its ids (link targets) and its links.
        var paths = output.Files.Select(f => f.Key).Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        var scans = new PageScan[paths.Length];
        Parallel.For(0, paths.Length, i => scans[i] = PageScan.Of(Encoding.UTF8.GetString(output.Get(paths[i])!)));
        var byPath = new Dictionary<string, PageScan>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Length; i++) byPath[paths[i]] = scans[i];
        var found = new List<DanglingLink>[paths.Length];
        Parallel.For(0, paths.Length, i => found[i] = Check(paths[i], scans[i], byPath, output, rootPath));
        return [.. found.SelectMany(f => f)];
    }

    private static List<DanglingLink> Check(string page, PageScan scan, Dictionary<string, PageScan> pages, OutputSet output, string rootPath)
    {
        var result = new List<DanglingLink>();
        foreach (var a in scan.Links)
        {
            var href = a.Value;
            if (IsExternal(href)) continue;
            var hash = href.IndexOf('#', StringComparison.Ordinal);
            var pathPart = hash < 0 ? href : href[..hash];
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
            var query = pathPart.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0) pathPart = pathPart[..query];
            string target;
            if (pathPart.Length == 0) target = page;
            else
            {
                var unescaped = Uri.UnescapeDataString(pathPart);
                if (unescaped.StartsWith('/'))
                    unescaped = unescaped.StartsWith(rootPath, StringComparison.Ordinal) ? "/" + unescaped[rootPath.Length..] : "/../" + unescaped;
                var resolved = Resolve(page, unescaped);
                if (resolved is null)
                {
                    result.Add(Dangle(page, scan.Html, a, "leaves the site"));
                    continue;
                }
                target = resolved;
                if (!output.Contains(target) && output.Contains(target + "/index.html")) target += "/index.html";
                if (!output.Contains(target))
                {
                    result.Add(Dangle(page, scan.Html, a, $"points to {target}, which the build does not produce"));
                    continue;
                }
            }
            if (string.IsNullOrEmpty(fragment) || !pages.TryGetValue(target, out var targetScan)) continue;
            if (!targetScan.Ids.Contains(fragment))
                result.Add(Dangle(page, scan.Html, a, $"points to #{fragment}, which {(target == page ? "this page" : target)} does not have"));
        }
        return result;
    }

    /// <summary>What one page offers and asks for: its ids (and anchor names), and its href and src attributes.</summary>
    private sealed record PageScan(string Html, HashSet<string> Ids, List<Attr> Links)
    {
        public static PageScan Of(string html)
        {
            var scan = new PageScan(html, new HashSet<string>(StringComparer.Ordinal), []);
            foreach (var a in Attributes(html))
            {
                if (a.Name is "id" or "name") scan.Ids.Add(a.Value);
                else if (a.Name is "href" or "src") scan.Links.Add(a);
            }
            return scan;
        }
    }

    private static DanglingLink Dangle(string page, string html, Attr a, string reason)
    {
        int line = 1, col = 1;
        for (var i = 0; i < a.Offset && i < html.Length; i++)
        {
            if (html[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return new DanglingLink(page, line, col, a.Value, reason);
    }

    private static bool IsExternal(string href)
    {
        if (href.StartsWith("//", StringComparison.Ordinal)) return true;
        for (var i = 0; i < href.Length; i++)
        {
            var c = href[i];
            if (c == ':') return i > 0;
            if (c is '/' or '#' or '?' or '.') return false;
        }
        return false;
    }

    /// <summary>Resolves <paramref name="href"/> relative to <paramref name="page"/>; null if it climbs above the root.</summary>
    public static string? Resolve(string page, string href)
    {
        var parts = new List<string>();
        if (!href.StartsWith('/'))
        {
            var slash = page.LastIndexOf('/');
            if (slash >= 0) parts.AddRange(page[..slash].Split('/'));
        }
        foreach (var p in href.Split('/'))
        {
            if (p is "" or ".") continue;
            if (p == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(p);
        }
        var path = string.Join('/', parts);
        return href.EndsWith('/') || path.Length == 0 ? (path.Length == 0 ? "index.html" : path + "/index.html") : path;
    }

    private readonly record struct Attr(string Name, string Value, int Offset);

    /// <summary>Attributes of every start tag, skipping comments, scripts and styles. Values are HTML-decoded.</summary>
    private static IEnumerable<Attr> Attributes(string html)
    {
        var i = 0;
        while (true)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) yield break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0) yield break;
                i = end + 3;
                continue;
            }
            if (!char.IsAsciiLetter(html[lt + 1]))
            {
                i = lt + 1;
                continue;
            }
            var p = lt + 1;
            while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] == '-')) p++;
            var tag = Lower(html.AsSpan(lt + 1, p - lt - 1));
            while (p < html.Length && html[p] != '>')
            {
                while (p < html.Length && (char.IsWhiteSpace(html[p]) || html[p] == '/')) p++;
                var nameStart = p;
                while (p < html.Length && !char.IsWhiteSpace(html[p]) && html[p] is not ('=' or '>' or '/')) p++;
                if (p == nameStart) break;
                var name = Lower(html.AsSpan(nameStart, p - nameStart));
                while (p < html.Length && char.IsWhiteSpace(html[p])) p++;
                if (p < html.Length && html[p] == '=')
                {
                    p++;
                    while (p < html.Length && char.IsWhiteSpace(html[p])) p++;
                    int valueStart, valueEnd;
                    if (p < html.Length && html[p] is '"' or '\'')
                    {
                        var q = html[p];
                        valueStart = p + 1;
                        valueEnd = html.IndexOf(q, valueStart);
                        if (valueEnd < 0) yield break;
                        p = valueEnd + 1;
                    }
                    else
                    {
                        valueStart = p;
                        while (p < html.Length && !char.IsWhiteSpace(html[p]) && html[p] != '>') p++;
                        valueEnd = p;
                    }
                    var value = html[valueStart..valueEnd];
                    yield return new Attr(name, value.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(value) : value, nameStart);
                }
            }
            i = p;
            if (tag is "script" or "style")
            {
                var close = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0) yield break;
                i = close;
            }
        }
    }

    /// <summary>A tag or attribute name in lower case; the names the checker looks for are shared, not allocated.</summary>
    private static string Lower(ReadOnlySpan<char> name) => name switch
    {
        "href" => "href",
        "src" => "src",
        "id" => "id",
        "name" => "name",
        "a" => "a",
        "script" => "script",
        "style" => "style",
        _ => name.ToString().ToLowerInvariant(),
    };
}
