using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Loading;

/// <summary>Reads one record of data/recommendations.yaml (schema in docs/content-format.md).</summary>
internal static partial class RecommendationReader
{
    private static readonly Dictionary<string, RecommendationKind> Kinds = new(StringComparer.Ordinal)
    {
        ["tactical"] = RecommendationKind.Tactical,
        ["strategic"] = RecommendationKind.Strategic,
    };

    private static readonly Dictionary<string, RecommendationStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["implemented"] = RecommendationStatus.Implemented,
        ["partial"] = RecommendationStatus.Partial,
        ["planned"] = RecommendationStatus.Planned,
        ["not-applicable"] = RecommendationStatus.NotApplicable,
    };

    /// <summary>Reads a recommendation; its level must be on <paramref name="levels"/>.</summary>
    public static RecommendationRecord? Read(MapReader r, ImmutableArray<string> levels)
    {
        var d = r.Diagnostics;
        var id = r.Text("id", true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            d.Add(Rules.BadValue, r.SpanOf("id"), $"'{id}' is not a valid recommendation id: use letters, digits, dots and hyphens, e.g. PROC-01.");
            id = null;
        }
        var chapter = r.Text("chapter", true);
        var text = r.Text("text", true);
        var kind = r.Choice("kind", Kinds, true);
        var level = r.Text("level", true);
        var rank = level is null ? -1 : levels.IndexOf(level);
        if (level is not null && rank < 0)
            d.Add(Rules.BadValue, r.SpanOf("level"),
                $"'{level}' is not on the impact-level scale ({string.Join(" < ", levels)}){Suggest.Hint(level, levels)}.");
        var sections = ImmutableArray.CreateBuilder<SectionReference>();
        foreach (var (value, span) in r.TextsWithSpans("sections"))
        {
            var m = SectionRefPattern().Match(value.Trim());
            if (m.Success) sections.Add(new SectionReference(m.Groups[1].Value, m.Groups[2].Value, span));
            else d.Add(Rules.BadValue, span, $"'{value}' is not a section reference: write the document id and the section number, e.g. cps:6.2.1.");
        }
        var status = r.Choice("status", Statuses, true);
        var justification = r.Text("justification");
        var owner = r.Text("owner");
        var due = r.Date("due");
        var label = id is null ? "A recommendation" : $"Recommendation {id}";
        if (status == RecommendationStatus.NotApplicable && string.IsNullOrWhiteSpace(justification))
            d.Add(Rules.MissingKey, r.Span, $"{label} is not-applicable but has no 'justification'; say why it does not apply.");
        if (status == RecommendationStatus.Planned && due is null && r.Node("due") is null)
            d.Add(Rules.MissingKey, r.Span, $"{label} is planned but has no 'due' date; give the date it is due (YYYY-MM-DD).");
        if (id is null || chapter is null || text is null || kind is null || level is null || rank < 0 || status is null) return null;
        return new RecommendationRecord
        {
            Id = id, Chapter = chapter, Text = text, Kind = kind.Value, Level = level, LevelRank = rank,
            Sections = sections.ToImmutable(), Status = status.Value, Justification = justification, Owner = owner, Due = due, Span = r.Span,
        };
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^([a-z0-9][a-z0-9_-]*):([0-9]+(?:\.[0-9]+)*)$")]
    private static partial Regex SectionRefPattern();
}
