using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Model.Ceremonies;

namespace PolicyDocs.Checks;

/// <summary>
/// A completed ceremony record against its script: every step is accounted for (PD0522) and names a step of the
/// script (PD0521); performed steps carry time and initials (PD0526) of participants in the right roles (PD0524);
/// deviations are explained (PD0523); participants hold roles the script has present (PD0525); sealed bags are
/// among the script's materials (PD0527).
/// </summary>
internal static class CeremonyRecordCheck
{
    /// <summary>Checks <paramref name="record"/> against <paramref name="script"/>.</summary>
    public static void Check(Ceremony script, CeremonyRecord record, DiagnosticBag d)
    {
        var steps = script.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var present = script.Roles.Select(r => r.Role).ToHashSet(StringComparer.Ordinal);

        var byInitials = new Dictionary<string, RecordParticipant>(StringComparer.Ordinal);
        foreach (var p in record.Participants)
        {
            if (!present.Contains(p.Role))
                d.Add(Rules.RecordParticipantRole, p.RoleSpan,
                    $"{p.Name} took part as '{p.Role}', but the script of ceremony '{script.Id}' has no such role present ({string.Join(", ", present)}).");
            if (!byInitials.TryAdd(p.Initials, p))
                d.Add(Rules.DuplicateId, p.Span, $"Initials '{p.Initials}' are used by {byInitials[p.Initials].Name} and {p.Name}; initials must identify one participant.");
        }

        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in record.Deviations)
        {
            if (!steps.ContainsKey(x.Step))
                d.Add(Rules.RecordUnknownStep, x.Span, $"Deviation names step '{x.Step}', which ceremony '{script.Id}' does not have{Suggest.Hint(x.Step, steps.Keys)}.");
            if (string.IsNullOrWhiteSpace(x.Explanation))
                d.Add(Rules.RecordDeviationUnexplained, x.Span, $"The deviation at step '{x.Step}' has no explanation.");
            else explained.Add(x.Step);
        }

        var recorded = new Dictionary<string, RecordStep>(StringComparer.Ordinal);
        foreach (var s in record.Steps)
        {
            if (!steps.TryGetValue(s.Step, out var scripted))
            {
                d.Add(Rules.RecordUnknownStep, s.Span, $"The record names step '{s.Step}', which ceremony '{script.Id}' does not have{Suggest.Hint(s.Step, steps.Keys)}.");
                continue;
            }
            if (!recorded.TryAdd(s.Step, s))
            {
                d.Add(Rules.DuplicateId, s.Span, $"Step '{s.Step}' is recorded twice; the first is at line {recorded[s.Step].Span.Line}.");
                continue;
            }
            if (s.Deviated)
            {
                if (!explained.Contains(s.Step))
                    d.Add(Rules.RecordDeviationUnexplained, s.Span, $"Step '{s.Step}' is marked deviated but no deviation explains it.");
            }
            else
            {
                var missing = new List<string>();
                if (s.Time is null) missing.Add("time");
                if (s.Operator is null) missing.Add("operator");
                if (s.Witness is null) missing.Add("witness");
                if (missing.Count > 0)
                    d.Add(Rules.RecordStepIncomplete, s.Span, $"Step '{s.Step}' has no {string.Join(", ", missing)}; a performed step is timed and initialled by operator and witness.");
            }
            CheckInitials(s.Operator, scripted.Actor, "operator", s, byInitials, d);
            if (script.Witness is not null) CheckInitials(s.Witness, script.Witness, "witness", s, byInitials, d);
        }
        foreach (var step in script.Steps)
            if (!recorded.ContainsKey(step.Id))
                d.Add(Rules.RecordStepMissing, record.Span,
                    $"Step {step.Id} of ceremony '{script.Id}' (\"{Short(step.Action)}\") is not in the record; record it or mark it deviated with an explanation.");

        var bags = script.Materials.Select(m => m.Bag).Concat(script.Artifacts.Select(a => a.Bag)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var b in record.Bags)
            if (!bags.Contains(b.Serial))
                d.Add(Rules.RecordUnknownBag, b.Span, $"Bag {b.Serial} is not among the bags listed in the script of ceremony '{script.Id}'{Suggest.Hint(b.Serial, bags)}.");
    }

    private static void CheckInitials(string? initials, string role, string what, RecordStep s, Dictionary<string, RecordParticipant> byInitials, DiagnosticBag d)
    {
        if (initials is null) return;
        if (!byInitials.TryGetValue(initials, out var p))
            d.Add(Rules.RecordInitials, s.Span, $"The {what} initials '{initials}' of step '{s.Step}' belong to no participant{Suggest.Hint(initials, byInitials.Keys)}.");
        else if (p.Role != role)
            d.Add(Rules.RecordInitials, s.Span, $"The {what} of step '{s.Step}' must hold role '{role}', but {p.Name} ('{initials}') took part as '{p.Role}'.");
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
