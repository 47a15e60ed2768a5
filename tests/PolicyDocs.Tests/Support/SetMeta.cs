using System.Text;

namespace PolicyDocs.Tests.Support;

/// <summary>The fields of a test set's policyset.yaml; <see cref="ToYaml"/> is the one place that spells the file out.</summary>
public sealed record SetMeta(string Name, string Publisher)
{
    /// <summary>publisher.email, omitted when null.</summary>
    public string? Email { get; init; }

    /// <summary>publisher.problem_reports, omitted when null.</summary>
    public string? ProblemReports { get; init; }

    /// <summary>base_url, omitted when null.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>licence, omitted when null.</summary>
    public string? Licence { get; init; }

    /// <summary>The documents list, in order; omitted when empty (the loader then finds the folders).</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>policyset.yaml text.</summary>
    public string ToYaml()
    {
        var y = new StringBuilder();
        y.Append("name: ").Append(Name).Append('\n');
        y.Append("publisher:\n  name: ").Append(Publisher).Append('\n');
        if (Email is not null) y.Append("  email: ").Append(Email).Append('\n');
        if (ProblemReports is not null) y.Append("  problem_reports: ").Append(ProblemReports).Append('\n');
        if (BaseUrl is not null) y.Append("base_url: ").Append(BaseUrl).Append('\n');
        if (Licence is not null) y.Append("licence: ").Append(Licence).Append('\n');
        DocumentMeta.AppendList(y, "documents", Documents);
        return y.ToString();
    }
}
