using System.Text;
using System.Text.Json;

namespace PolicyDocs.Diff;

/// <summary>Readable text and JSON forms of a <see cref="ChangeSet"/>.</summary>
internal static class ChangeSummary
{
    private const int Context = 30;

    /// <summary>Per document and section: what kind of change, editorial or normative, and a short excerpt
    /// with [-deleted-] and {+inserted+} words.</summary>
    public static string Text(ChangeSet changes)
    {
        var sb = new StringBuilder();
        sb.Append("Changes from ").Append(changes.From).Append(" to ").Append(changes.To).Append('\n');
        if (changes.IsEmpty) return sb.Append("No differences.\n").ToString();
        foreach (var d in changes.Documents.Where(d => d.Kind is not null))
        {
            sb.Append('\n').Append(d.DocumentId).Append(": ").Append(d.Title).Append(' ');
            sb.Append(d.Kind switch
            {
                ChangeKind.Added => d.ToVersion is null ? "(added)" : $"(added, version {d.ToVersion})",
                ChangeKind.Removed => d.FromVersion is null ? "(removed)" : $"(removed, was version {d.FromVersion})",
                _ => $"({Versions(d.FromVersion, d.ToVersion)}{d.Sections.Count} section{(d.Sections.Count == 1 ? "" : "s")} changed, {d.Sections.Count(s => s.Class == ChangeClass.Normative)} normative)",
            }).Append('\n');
            foreach (var m in d.Metadata)
                sb.Append("  metadata  ").Append(m.Field).Append(": ").Append(m.Old ?? "(none)").Append(" -> ").Append(m.New ?? "(none)").Append('\n');
            if (d.Kind is ChangeKind.Added or ChangeKind.Removed) continue;
            foreach (var s in d.Sections)
            {
                var number = s.Kind == ChangeKind.Moved ? $"{s.OldNumber} -> {s.NewNumber}" : s.Number;
                sb.Append("  ").Append(number.PadRight(10)).Append(' ').Append(Kind(s).PadRight(9)).Append(' ')
                  .Append(s.Class.ToString().ToLowerInvariant().PadRight(10)).Append(' ').Append(s.Title);
                if (s.OldTitle is not null && s.NewTitle is not null && s.OldTitle != s.NewTitle) sb.Append(" (was \"").Append(s.OldTitle).Append("\")");
                sb.Append('\n');
                foreach (var excerpt in Excerpts(s, 3)) sb.Append("             ").Append(excerpt).Append('\n');
                if (s.Blocks.Count > 3) sb.Append("             (").Append(s.Blocks.Count - 3).Append(" more changed block").Append(s.Blocks.Count == 4 ? "" : "s").Append(')').Append('\n');
            }
        }
        if (changes.Data.Count > 0)
        {
            sb.Append("\ndata:\n");
            foreach (var c in changes.Data)
            {
                sb.Append("  ").Append(c.File).Append(' ').Append(c.Path).Append(": ").Append(c.Old ?? "(none)").Append(" -> ").Append(c.New ?? "(none)");
                if (c.Sections.Count > 0) sb.Append("  (renders into ").Append(string.Join(", ", c.Sections)).Append(')');
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    // "1.0 -> 1.1; ", "version 1.1; " when it did not change, nothing when neither version states one.
    private static string Versions(string? from, string? to) =>
        from is null && to is null ? "" : from == to ? $"version {to}; " : $"{from ?? "(none)"} -> {to ?? "(none)"}; ";

    private static string Kind(SectionChange s) => s.Kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.Moved => "moved",
        _ => s.DataDriven ? "data" : "modified",
    };

    /// <summary>A one-line excerpt around the first change of a section.</summary>
    public static string Excerpt(SectionChange s) => s.Blocks.Count == 0 ? "" : Excerpt(s.Blocks[0]);

    /// <summary>One-line excerpts of the first <paramref name="max"/> changed blocks of a section.</summary>
    public static IEnumerable<string> Excerpts(SectionChange s, int max) =>
        s.Blocks.Take(max).Select(Excerpt).Where(e => e.Length > 0);

    private static string Excerpt(BlockChange block)
    {
        // A block whose text reads the same changed its markup (a link target, a list or emphasis marker): show that.
        if (block.Spans.All(x => x.Op == DiffOp.Equal) && block is { Old: { } o, New: { } n } && o.Written != n.Written)
            return "markup: " + Excerpt(TextDiff.Words(o.Written, n.Written));
        return Excerpt(block.Spans);
    }

    private static string Excerpt(IReadOnlyList<DiffSpan> spans)
    {
        var i = spans.ToList().FindIndex(x => x.Op != DiffOp.Equal);
        if (i < 0) return "";
        var sb = new StringBuilder();
        if (i > 0)
        {
            var before = spans[i - 1].Text;
            sb.Append(before.Length > Context ? "..." + before[^Context..] : before);
        }
        var j = i;
        for (; j < spans.Count && (spans[j].Op != DiffOp.Equal || (spans[j].Text.Length < 12 && j + 1 < spans.Count && spans[j + 1].Op != DiffOp.Equal)); j++)
        {
            var t = Trim(spans[j].Text, 80);
            sb.Append(spans[j].Op switch { DiffOp.Deleted => "[-" + t + "-]", DiffOp.Inserted => "{+" + t + "+}", _ => t });
        }
        if (j < spans.Count)
        {
            var after = spans[j].Text;
            sb.Append(after.Length > Context ? after[..Context] + "..." : after);
        }
        return sb.ToString().ReplaceLineEndings(" ");
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max / 2)] + " ... " + s[^(max / 2)..];

    /// <summary>The change set as JSON (stable key order).</summary>
    public static string Json(ChangeSet changes)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("from", changes.From);
            w.WriteString("to", changes.To);
            w.WriteStartArray("documents");
            foreach (var d in changes.Documents)
            {
                w.WriteStartObject();
                w.WriteString("id", d.DocumentId);
                w.WriteString("title", d.Title);
                w.WriteString("from_version", d.FromVersion);
                w.WriteString("to_version", d.ToVersion);
                w.WriteString("change", d.Kind?.ToString().ToLowerInvariant() ?? "unchanged");
                w.WriteStartArray("metadata");
                foreach (var m in d.Metadata)
                {
                    w.WriteStartObject();
                    w.WriteString("field", m.Field);
                    w.WriteString("old", m.Old);
                    w.WriteString("new", m.New);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("sections");
                foreach (var s in d.Sections)
                {
                    w.WriteStartObject();
                    w.WriteString("change", s.Kind.ToString().ToLowerInvariant());
                    w.WriteString("class", s.Class.ToString().ToLowerInvariant());
                    w.WriteString("old_number", s.OldNumber);
                    w.WriteString("new_number", s.NewNumber);
                    w.WriteString("old_title", s.OldTitle);
                    w.WriteString("new_title", s.NewTitle);
                    w.WriteBoolean("data_driven", s.DataDriven);
                    w.WriteString("excerpt", Excerpt(s));
                    w.WriteStartArray("blocks");
                    foreach (var b in s.Blocks)
                    {
                        w.WriteStartObject();
                        w.WriteString("change", b.Op switch { DiffOp.Inserted => "inserted", DiffOp.Deleted => "deleted", _ => "modified" });
                        w.WriteString("kind", b.Kind.ToString().ToLowerInvariant());
                        w.WriteString("class", b.Class.ToString().ToLowerInvariant());
                        w.WriteString("old", b.Old?.Text);
                        w.WriteString("new", b.New?.Text);
                        if (b.Old is { } o && b.New is { } n && o.Written != n.Written)
                        {
                            w.WriteString("old_markup", o.Written);
                            w.WriteString("new_markup", n.Written);
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("data");
            foreach (var c in changes.Data)
            {
                w.WriteStartObject();
                w.WriteString("file", c.File);
                w.WriteString("path", c.Path);
                w.WriteString("old", c.Old);
                w.WriteString("new", c.New);
                w.WriteStartArray("sections");
                foreach (var s in c.Sections) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }
}
