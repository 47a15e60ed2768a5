namespace PolicyDocs.Text;

/// <summary>
/// Which link targets content may carry: http, https and mailto URLs, and relative references (paths, fragments,
/// queries). Anything else — <c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, <c>file:</c>, unknown schemes, and
/// schemes hidden behind control characters, whitespace or entity-decoded colons — is refused. One policy for prose,
/// data values and every output.
/// </summary>
internal static class UrlPolicy
{
    private static readonly string[] Allowed = ["http", "https", "mailto"];

    /// <summary>True when <paramref name="url"/> is a relative reference or uses an allowed scheme.</summary>
    public static bool IsAllowed(string? url)
    {
        if (url is null) return true;
        // Browsers drop leading C0 controls and spaces and ignore tabs and newlines anywhere in a URL.
        Span<char> buffer = url.Length <= 256 ? stackalloc char[url.Length] : new char[url.Length];
        var n = 0;
        var leading = true;
        foreach (var c in url)
        {
            if (c is '\t' or '\n' or '\r') continue;
            if (leading && c <= ' ') continue;
            leading = false;
            buffer[n++] = c;
        }
        var clean = buffer[..n];
        var end = clean.IndexOfAny('/', '?', '#');
        var head = end < 0 ? clean : clean[..end];
        var colon = head.IndexOf(':');
        if (colon < 0) return !head.Contains('&'); // relative; an entity could still spell a colon in raw HTML
        var scheme = head[..colon];
        foreach (var a in Allowed)
            if (scheme.Equals(a, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The schemes allowed, for messages: "http, https, mailto or a relative link".</summary>
    public static string Description => "http, https, mailto or a relative link";
}
