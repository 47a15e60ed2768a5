using System.Text;

namespace PolicyDocs.Rendering.Html;

/// <summary>One HTTP response header.</summary>
/// <param name="Name">The header's name, e.g. <c>X-Frame-Options</c>.</param>
/// <param name="Value">Its value.</param>
internal sealed record HttpHeader(string Name, string Value);

/// <summary>Headers sent for the site paths a pattern matches.</summary>
/// <param name="Pattern">A Netlify <c>_headers</c> path: <c>*</c> matches any characters, slashes included.</param>
/// <param name="Headers">The headers, in the order they are written.</param>
internal sealed record HeaderRule(string Pattern, IReadOnlyList<HttpHeader> Headers)
{
    /// <summary>True when the site path <paramref name="path"/> (starting with '/') matches <see cref="Pattern"/>
    /// (which holds at most one <c>*</c>).</summary>
    public bool Matches(string path)
    {
        var star = Pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0) return path == Pattern;
        var prefix = Pattern.AsSpan(0, star);
        var suffix = Pattern.AsSpan(star + 1);
        return path.Length >= prefix.Length + suffix.Length
               && path.AsSpan().StartsWith(prefix, StringComparison.Ordinal)
               && path.AsSpan().EndsWith(suffix, StringComparison.Ordinal);
    }
}

/// <summary>
/// The one definition of the headers the site is served with: the Content-Security-Policy and the other security
/// headers every response carries, and the per-path caching and content-type rules. <c>build</c> writes them as the
/// Netlify <c>_headers</c> file (<see cref="NetlifyFile"/>), every page carries the policy in a
/// <c>&lt;meta http-equiv&gt;</c> (<see cref="MetaContentSecurityPolicy"/>, for pages opened from <c>file://</c>), and
/// <c>policydocs serve</c> sends <see cref="EveryResponse"/> with each of its answers.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Where the Netlify headers file is written in the site.</summary>
    public const string NetlifyPath = "_headers";

    /// <summary>The content type of the Atom feed (<c>feed.xml</c>).</summary>
    public const string FeedContentType = "application/atom+xml; charset=utf-8";

    /// <summary>The Content-Security-Policy's directives, in order. No <c>'unsafe-inline'</c> and no other origin:
    /// the site's scripts and styles are files of its own (the theme is set by a script file, not inline).</summary>
    public static IReadOnlyList<(string Directive, string Sources)> Directives { get; } =
    [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("style-src", "'self'"),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("frame-ancestors", "'none'"),
    ];

    /// <summary>Directives a policy delivered in a <c>&lt;meta&gt;</c> element may not hold (CSP Level 3, §3.3): browsers
    /// ignore them there, so they are sent only as a header.</summary>
    public static IReadOnlyList<string> HeaderOnlyDirectives { get; } = ["frame-ancestors", "report-uri", "sandbox"];

    /// <summary>The Content-Security-Policy header's value.</summary>
    public static string ContentSecurityPolicy { get; } = Join(Directives);

    /// <summary>The policy for the pages' <c>&lt;meta http-equiv="Content-Security-Policy"&gt;</c>: the header's policy
    /// without the directives a meta element may not hold. It holds no character that needs escaping in a quoted
    /// attribute (no <c>"</c>, <c>&amp;</c>, <c>&lt;</c> or <c>&gt;</c>).</summary>
    public static string MetaContentSecurityPolicy { get; } = Join(Directives.Where(d => !HeaderOnlyDirectives.Contains(d.Directive)));

    /// <summary>The headers of every response, pages and files alike.</summary>
    public static IReadOnlyList<HttpHeader> EveryResponse { get; } =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "strict-origin-when-cross-origin"),
        new("X-Frame-Options", "DENY"),
        new("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    /// <summary>Every rule, in the order the <c>_headers</c> file lists them: <see cref="EveryResponse"/> for
    /// <c>/*</c>, then caching and the feed's content type. No two rules that match one path set the same header
    /// (Netlify would join the two values with a comma).</summary>
    public static IReadOnlyList<HeaderRule> Rules { get; } =
    [
        new("/*", EveryResponse),
        // Asset names carry a hash of their content, so they never change: cache them for a year.
        new("/assets/*", [new("Cache-Control", "public, max-age=31536000, immutable")]),
        new("/downloads/*", [new("Cache-Control", "public, max-age=3600")]),
        new("/*.html", [new("Cache-Control", "public, max-age=0, must-revalidate")]),
        new("/feed.xml", [new("Content-Type", FeedContentType)]),
    ];

    /// <summary>The headers for the site path <paramref name="path"/> (starting with '/'), from every rule that matches
    /// it, in rule order.</summary>
    public static IReadOnlyList<HttpHeader> For(string path) => [.. Rules.Where(r => r.Matches(path)).SelectMany(r => r.Headers)];

    /// <summary>The Netlify <c>_headers</c> file: every rule, a path line then its headers indented by two spaces,
    /// rules separated by a blank line, LF line endings. The same bytes in every build.</summary>
    public static string NetlifyFile()
    {
        var sb = new StringBuilder();
        sb.Append("# Response headers for Netlify, written by `policydocs build` from its one definition of the site's\n")
          .Append("# headers (the same ones `policydocs serve` sends). Edit that definition, not this file.\n");
        foreach (var rule in Rules)
        {
            sb.Append('\n').Append(rule.Pattern).Append('\n');
            foreach (var h in rule.Headers) sb.Append("  ").Append(h.Name).Append(": ").Append(h.Value).Append('\n');
        }
        return sb.ToString();
    }

    private static string Join(IEnumerable<(string Directive, string Sources)> directives) =>
        string.Join("; ", directives.Select(d => $"{d.Directive} {d.Sources}"));
}
