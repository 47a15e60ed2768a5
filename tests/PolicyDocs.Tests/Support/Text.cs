namespace PolicyDocs.Tests.Support;

/// <summary>Small text helpers for locating expected positions.</summary>
public static class Text
{
    /// <summary>1-based line of the first line containing <paramref name="needle"/>; fails when absent.</summary>
    public static int LineOf(string text, string needle)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Contains(needle, StringComparison.Ordinal)) return i + 1;
        throw new InvalidOperationException($"'{needle}' not found");
    }

    /// <summary>1-based column of <paramref name="needle"/> on its first line.</summary>
    public static int ColumnOf(string text, string needle)
    {
        var line = text.Split('\n')[LineOf(text, needle) - 1];
        return line.IndexOf(needle, StringComparison.Ordinal) + 1;
    }
}
