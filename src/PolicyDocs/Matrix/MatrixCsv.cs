using System.Text;

namespace PolicyDocs.Matrix;

/// <summary>Writes a <see cref="MatrixTable"/> as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break, quotes doubled. UTF-8 without BOM.</summary>
internal static class MatrixCsv
{
    /// <summary>The CSV text of <paramref name="table"/>.</summary>
    public static string Write(MatrixTable table)
    {
        var sb = new StringBuilder();
        Line(sb, table.Header);
        foreach (var row in table.Rows) Line(sb, row);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(f);
        }
        sb.Append("\r\n");
    }
}
