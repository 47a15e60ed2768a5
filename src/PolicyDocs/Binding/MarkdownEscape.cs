using System.Text;

namespace PolicyDocs.Binding;

/// <summary>
/// Makes a data value literal text in Markdown: backslash-escapes the characters that start inline markup or raw
/// HTML (<c>\ ` * _ [ ] &lt; &gt; | ~ { }</c>, and <c>&amp;</c> where it would begin an entity), a block marker at
/// the start (<c>#</c>, <c>-</c>, <c>+</c>, <c>=</c>, <c>1.</c>), and joins line breaks with spaces, so a value can
/// neither start a block nor end a table cell. Inside a bare URL (<c>https://…</c>, <c>www.…</c>) the characters
/// that URLs use and that cannot inject anything (<c>_ * ~</c>) are left alone so the autolink still works.
/// Text without any of these characters is returned unchanged.
/// </summary>
internal static class MarkdownEscape
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\`*_[]<>|~{}&\r\n#-+=.)");

    /// <summary>The Markdown that shows <paramref name="text"/> literally.</summary>
    public static string Text(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0) return text;
        var sb = new StringBuilder(text.Length + 8);
        var start = true; // before the first non-blank character
        var urlEnd = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (urlEnd < i && (i == 0 || char.IsWhiteSpace(text[i - 1])) && StartsUrl(text, i))
            {
                urlEnd = i;
                while (urlEnd < text.Length && !char.IsWhiteSpace(text[urlEnd])) urlEnd++;
            }
            var inUrl = i < urlEnd;
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    sb.Append(' ');
                    continue;
                case '\n':
                    sb.Append(' ');
                    continue;
                case '\\' or '`' or '[' or ']' or '<' or '>' or '|' or '{' or '}':
                    sb.Append('\\').Append(c);
                    break;
                case '*' or '_' or '~':
                    if (!inUrl) sb.Append('\\');
                    sb.Append(c);
                    break;
                case '&':
                    if (!inUrl && IsEntity(text, i)) sb.Append('\\');
                    sb.Append(c);
                    break;
                case '#' or '-' or '+' or '=' when start:
                    sb.Append('\\').Append(c);
                    break;
                case >= '0' and <= '9' when start:
                    var j = i;
                    while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
                    sb.Append(text, i, j - i);
                    if (j < text.Length && text[j] is '.' or ')' && (j + 1 == text.Length || text[j + 1] == ' '))
                    {
                        sb.Append('\\').Append(text[j]);
                        j++;
                    }
                    i = j - 1;
                    start = false;
                    continue;
                default:
                    sb.Append(c);
                    break;
            }
            if (c != ' ' && c != '\t') start = false;
        }
        return sb.ToString();
    }

    private static bool StartsUrl(string s, int i) =>
        s.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase) || s.AsSpan(i).StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    // &name; &#123; &#x1F; — what Markdown would decode as a character reference.
    private static bool IsEntity(string s, int i)
    {
        var j = i + 1;
        if (j < s.Length && s[j] == '#') j++;
        if (j < s.Length && s[j] is 'x' or 'X' && s[i + 1] == '#') j++;
        var k = j;
        while (k < s.Length && char.IsAsciiLetterOrDigit(s[k])) k++;
        return k > j && k < s.Length && s[k] == ';';
    }
}
