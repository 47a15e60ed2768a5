using System.Net;
using System.Text;

namespace PolicyDocs.Tests.Support;

/// <summary>Plain text of rendered HTML, to compare a page with the other outputs: tags dropped (tooltips too), entities decoded, spaces collapsed.</summary>
public static class HtmlText
{
    /// <summary>The text of <paramref name="html"/>.</summary>
    public static string Of(string html)
    {
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                if (string.CompareOrdinal(html, i, "<span class=\"term-tip\"", 0, 22) == 0)
                {
                    var end = html.IndexOf("</span>", i, StringComparison.Ordinal);
                    i = end < 0 ? html.Length : end + 7;
                    continue;
                }
                var close = html.IndexOf('>', i);
                i = close < 0 ? html.Length : close + 1;
                sb.Append(' ');
                continue;
            }
            sb.Append(c);
            i++;
        }
        var text = WebUtility.HtmlDecode(sb.ToString());
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) space = result.Length > 0;
            else
            {
                if (space) result.Append(' ');
                space = false;
                result.Append(ch);
            }
        }
        return result.ToString();
    }
}
