using System.Globalization;
using System.Text;
using PolicyDocs.Model;

namespace PolicyDocs.Rendering.Markdown;

/// <summary>
/// Writes the combined, authoritative Markdown of a document: YAML front matter with its identity, then every
/// section as a numbered heading followed by its bound text (data already filled in), in document order.
/// </summary>
public static class CombinedMarkdown
{
    /// <summary>The site path of a document's Markdown download.</summary>
    public static string PathOf(DocumentInfo info) => $"downloads/{info.Id}-{info.Version}.md";

    /// <summary>Renders <paramref name="doc"/> as one Markdown file.</summary>
    public static string Render(PolicyDocument doc)
    {
        var info = doc.Info;
        var sb = new StringBuilder();
        sb.Append("---\n");
        Field(sb, "id", info.Id);
        Field(sb, "kind", info.Kind switch { DocumentKind.Cp => "cp", DocumentKind.Cps => "cps", _ => "cp-cps" });
        Field(sb, "title", info.Title);
        Field(sb, "short_title", info.ShortTitle);
        if (info.Oid is not null) Field(sb, "oid", info.Oid);
        Field(sb, "version", info.Version);
        if (info.EffectiveDate is { } d) sb.Append("effective_date: ").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        Field(sb, "status", info.Status.ToString().ToLowerInvariant());
        List(sb, "cas", info.Cas);
        List(sb, "implements", info.Implements);
        if (!info.Revisions.IsEmpty)
        {
            sb.Append("revisions:\n");
            foreach (var r in info.Revisions)
            {
                sb.Append("  - version: ").Append(Quote(r.Version)).Append('\n');
                sb.Append("    date: ").Append(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
                sb.Append("    summary: ").Append(Quote(r.Summary)).Append('\n');
                if (r.Approval is not null) sb.Append("    approval: ").Append(Quote(r.Approval)).Append('\n');
            }
        }
        sb.Append("---\n\n");
        if (doc.Preamble is { } preamble && (preamble.BoundSource ?? preamble.Source) is { } text && !string.IsNullOrWhiteSpace(text)) sb.Append(text.Trim()).Append("\n\n");
        foreach (var s in doc.Sections) Section(sb, s);
        foreach (var a in doc.Appendices) Section(sb, a);
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void Section(StringBuilder sb, Section s)
    {
        var level = Math.Min(6, s.Depth);
        sb.Append('#', level).Append(' ');
        if (s.IsAppendix) sb.Append("Appendix ").Append(s.Number);
        else sb.Append(s.Number).Append(s.Depth == 1 ? "." : "");
        if (s.Title.Length > 0) sb.Append(' ').Append(s.Title);
        sb.Append("\n\n");
        var body = (s.BoundSource ?? s.Source).Trim();
        if (body.Length > 0) sb.Append(body.Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n\n");
        foreach (var c in s.Children) Section(sb, c);
    }

    private static void Field(StringBuilder sb, string key, string value) => sb.Append(key).Append(": ").Append(Quote(value)).Append('\n');

    private static void List(StringBuilder sb, string key, IEnumerable<string> values)
    {
        var items = values.ToList();
        if (items.Count == 0) return;
        sb.Append(key).Append(":\n");
        foreach (var v in items) sb.Append("  - ").Append(Quote(v)).Append('\n');
    }

    private static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
