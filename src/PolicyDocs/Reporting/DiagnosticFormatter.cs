using System.Text;
using System.Text.Json;
using PolicyDocs.Model;

namespace PolicyDocs.Reporting;

/// <summary>Diagnostics as text, JSON or SARIF 2.1.0 (for CI code scanning).</summary>
internal static class DiagnosticFormatter
{
    /// <summary>One line per diagnostic: <c>path:line:column: error PD0101: message (requirement)</c>.</summary>
    public static string Text(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics) sb.Append(d).Append('\n');
        return sb.ToString();
    }

    /// <summary>A JSON object with counts and the diagnostics.</summary>
    public static string Json(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            w.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("rule", d.Rule.Name);
                w.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
                w.WriteString("path", d.Span.Path);
                w.WriteNumber("line", d.Span.Line);
                w.WriteNumber("column", d.Span.Column);
                w.WriteString("message", d.Message);
                w.WriteString("hint", d.Rule.Hint);
                if (d.Rule.Requirement.Length > 0) w.WriteString("requirement", d.Rule.Requirement);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>A SARIF 2.1.0 log with one run, every rule and every result.</summary>
    public static string Sarif(IReadOnlyList<Diagnostic> diagnostics, string toolVersion)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "policydocs");
            w.WriteString("version", toolVersion);
            w.WriteStartArray("rules");
            foreach (var r in Rules.All)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Code);
                w.WriteString("name", r.Name);
                w.WriteStartObject("shortDescription"); w.WriteString("text", r.Hint); w.WriteEndObject();
                if (r.Requirement.Length > 0) { w.WriteStartObject("fullDescription"); w.WriteString("text", r.Requirement); w.WriteEndObject(); }
                w.WriteStartObject("defaultConfiguration"); w.WriteString("level", Level(r.DefaultSeverity)); w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Code);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message"); w.WriteString("text", d.Message); w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation"); w.WriteString("uri", d.Span.Path); w.WriteEndObject();
                w.WriteStartObject("region"); w.WriteNumber("startLine", d.Span.Line); w.WriteNumber("startColumn", d.Span.Column); w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static string Level(Severity s) => s == Severity.Error ? "error" : "warning";
}
