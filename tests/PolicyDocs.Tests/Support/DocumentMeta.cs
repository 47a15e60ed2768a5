using System.Text;

namespace PolicyDocs.Tests.Support;

/// <summary>The fields of a test document's document.yaml; <see cref="ToYaml"/> is the one place that spells the file out.</summary>
public sealed record DocumentMeta(string Kind, string Title)
{
    /// <summary>short_title, omitted when null.</summary>
    public string? ShortTitle { get; init; }

    /// <summary>oid, omitted when null.</summary>
    public string? Oid { get; init; }

    /// <summary>version.</summary>
    public string Version { get; init; } = "1.0";

    /// <summary>effective_date (yyyy-mm-dd), omitted when null.</summary>
    public string? EffectiveDate { get; init; }

    /// <summary>status (approved, draft…), omitted when null.</summary>
    public string? Status { get; init; }

    /// <summary>The CAs the document covers; omitted when empty.</summary>
    public IReadOnlyList<string> Cas { get; init; } = [];

    /// <summary>The documents a CPS implements; omitted when empty.</summary>
    public IReadOnlyList<string> Implements { get; init; } = [];

    /// <summary>The revision history; omitted when empty.</summary>
    public IReadOnlyList<RevisionMeta> Revisions { get; init; } = [];

    /// <summary>document.yaml text.</summary>
    public string ToYaml()
    {
        var y = new StringBuilder();
        y.Append("kind: ").Append(Kind).Append('\n');
        y.Append("title: ").Append(Title).Append('\n');
        if (ShortTitle is not null) y.Append("short_title: ").Append(ShortTitle).Append('\n');
        if (Oid is not null) y.Append("oid: ").Append(Oid).Append('\n');
        y.Append("version: \"").Append(Version).Append("\"\n");
        if (EffectiveDate is not null) y.Append("effective_date: ").Append(EffectiveDate).Append('\n');
        if (Status is not null) y.Append("status: ").Append(Status).Append('\n');
        AppendList(y, "cas", Cas);
        AppendList(y, "implements", Implements);
        if (Revisions.Count > 0)
        {
            y.Append("revisions:\n");
            foreach (var r in Revisions)
            {
                y.Append("  - version: \"").Append(r.Version).Append("\"\n");
                y.Append("    date: ").Append(r.Date).Append('\n');
                y.Append("    summary: ").Append(r.Summary).Append('\n');
                if (r.Approval is not null) y.Append("    approval: ").Append(r.Approval).Append('\n');
            }
        }
        return y.ToString();
    }

    /// <summary>Appends a block list <paramref name="key"/> unless <paramref name="items"/> is empty.</summary>
    internal static void AppendList(StringBuilder y, string key, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        y.Append(key).Append(":\n");
        foreach (var i in items) y.Append("  - ").Append(i).Append('\n');
    }
}
