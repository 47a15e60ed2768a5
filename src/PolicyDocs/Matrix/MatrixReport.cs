using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Matrix;

/// <summary>The matrix for the console: plain text or JSON, optionally for one CA only (the rows that apply to it).</summary>
internal static class MatrixReport
{
    /// <summary>Coverage per CA, then each chapter's recommendations with their state per CA and where they are addressed.</summary>
    public static string Text(RecommendationMatrix matrix, string? caId = null)
    {
        var sb = new StringBuilder();
        var columns = Columns(matrix, caId);
        foreach (var c in matrix.Coverage().Where(c => caId is null || c.CaId == caId))
            sb.Append(CultureInfo.InvariantCulture,
                $"{c.CaId} ({c.Level ?? "no level"}): {c.Addressed}/{c.Applicable} addressed ({c.Percent}%): {c.Implemented} implemented, {c.Partial} partial, {c.NotApplicable} not applicable, {c.Planned} planned, {c.Gaps} gaps\n");
        foreach (var chapter in matrix.Chapters)
        {
            var rows = Rows(chapter.Rows, columns).ToList();
            if (rows.Count == 0) continue;
            sb.Append('\n').Append(chapter.Name).Append('\n');
            foreach (var row in rows)
            {
                var rec = row.Recommendation;
                sb.Append(CultureInfo.InvariantCulture, $"  {rec.Id} [{rec.Level}, {RecommendationRecord.KindName(rec.Kind)}, {RecommendationRecord.StatusName(rec.Status)}] {rec.Text}\n");
                foreach (var i in columns)
                {
                    var cell = row.Cells[i];
                    var where = cell.Where.IsEmpty ? "" : " in " + string.Join(", ", cell.Where);
                    sb.Append(CultureInfo.InvariantCulture, $"    {cell.CaId}: {(cell.Applies ? cell.Label : "not required")}{where}\n");
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>The matrix as CSV (RFC 4180), limited to the rows that apply to <paramref name="caId"/> when given.</summary>
    public static string Csv(RecommendationMatrix matrix, string? caId = null) =>
        MatrixCsv.Write(MatrixTable.From(caId is null ? matrix : matrix with
        {
            Chapters = [.. matrix.Chapters.Select(c => c with { Rows = [.. Rows(c.Rows, Columns(matrix, caId))] }).Where(c => !c.Rows.IsEmpty)],
        }));

    /// <summary>A JSON object: levels, coverage per CA, and the recommendations with their cells.</summary>
    public static string Json(RecommendationMatrix matrix, string? caId = null)
    {
        var columns = Columns(matrix, caId);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("levels");
            foreach (var l in matrix.Levels) w.WriteStringValue(l);
            w.WriteEndArray();
            w.WriteStartArray("coverage");
            foreach (var c in matrix.Coverage().Where(c => caId is null || c.CaId == caId))
            {
                w.WriteStartObject();
                w.WriteString("ca", c.CaId);
                if (c.Level is null) w.WriteNull("level"); else w.WriteString("level", c.Level);
                w.WriteNumber("applicable", c.Applicable);
                w.WriteNumber("implemented", c.Implemented);
                w.WriteNumber("partial", c.Partial);
                w.WriteNumber("planned", c.Planned);
                w.WriteNumber("notApplicable", c.NotApplicable);
                w.WriteNumber("gaps", c.Gaps);
                w.WriteNumber("percent", c.Percent);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("recommendations");
            foreach (var row in Rows(matrix.Rows, columns))
            {
                var rec = row.Recommendation;
                w.WriteStartObject();
                w.WriteString("id", rec.Id);
                w.WriteString("chapter", rec.Chapter);
                w.WriteString("text", rec.Text);
                w.WriteString("kind", RecommendationRecord.KindName(rec.Kind));
                w.WriteString("level", rec.Level);
                w.WriteString("status", RecommendationRecord.StatusName(rec.Status));
                w.WriteStartArray("sections");
                foreach (var s in rec.Sections) w.WriteStringValue(s.ToString());
                w.WriteEndArray();
                if (rec.Owner is not null) w.WriteString("owner", rec.Owner);
                if (rec.Due is { } due) w.WriteString("due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (rec.Justification is not null) w.WriteString("justification", rec.Justification);
                w.WriteStartObject("cas");
                foreach (var i in columns)
                {
                    var cell = row.Cells[i];
                    w.WriteStartObject(cell.CaId);
                    w.WriteString("state", cell.Applies ? cell.Label : "not-required");
                    w.WriteStartArray("where");
                    foreach (var s in cell.Where) w.WriteStringValue(s.ToString());
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static List<int> Columns(RecommendationMatrix matrix, string? caId) =>
        [.. Enumerable.Range(0, matrix.Cas.Length).Where(i => caId is null || matrix.Cas[i].Id == caId)];

    private static IEnumerable<MatrixRow> Rows(IEnumerable<MatrixRow> rows, List<int> columns) =>
        columns.Count == 1 ? rows.Where(r => r.Cells[columns[0]].Applies) : rows;
}
