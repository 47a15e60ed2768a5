using System.Globalization;
using System.Text;

namespace PolicyDocs.Text;

/// <summary>Makes text from content or the environment safe to print as one line of a terminal or log: line breaks and
/// every other control character are shown escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u001B</c>), so one message
/// is always one line and cannot move the cursor or fake another line.</summary>
internal static class SingleLine
{
    /// <summary><paramref name="text"/> with its control characters, U+2028 and U+2029 escaped.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!NeedsEscape(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
