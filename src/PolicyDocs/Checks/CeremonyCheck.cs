using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Model.Ceremonies;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Checks;

/// <summary>
/// Key ceremony scripts against the trusted roles and multi-party tasks: every role, task and CA exists (PD0010);
/// a witness is named and present (PD0511); each step's actor is present (PD0510) and may take part in the task the
/// step performs (PD0514); each task a step performs — key generation, activation, backup, ... — has the persons
/// (PD0512) and required roles (PD0513) data/tasks.yaml asks for, counting auditors only for audit functions;
/// names match counts (PD0515) and no person holds two incompatible roles (PD0516).
/// </summary>
internal static class CeremonyCheck
{
    /// <summary>Checks every ceremony of the set, and its record when there is one.</summary>
    public static void Check(PolicySet set, DiagnosticBag d)
    {
        var roles = set.Data.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var tasks = set.Data.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var cas = set.Data.Cas.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var ceremony in set.Ceremonies)
        {
            Check(ceremony, roles, tasks, cas, d);
            if (ceremony.Record is { } record) CeremonyRecordCheck.Check(ceremony, record, d);
        }
    }

    private static void Check(Ceremony c, Dictionary<string, RoleRecord> roles, Dictionary<string, TaskRecord> tasks, HashSet<string> cas, DiagnosticBag d)
    {
        if (!cas.Contains(c.Ca))
            d.Add(Rules.UnknownRecord, c.CaSpan, $"Ceremony '{c.Id}' is for CA '{c.Ca}', which is not in data/cas.yaml{Suggest.Hint(c.Ca, cas)}.");
        var present = new Dictionary<string, CeremonyRole>(StringComparer.Ordinal);
        foreach (var r in c.Roles)
        {
            if (!roles.ContainsKey(r.Role))
            {
                d.Add(Rules.UnknownRecord, r.Span, $"Ceremony '{c.Id}' lists role '{r.Role}', which is not a trusted role in data/roles.yaml{Suggest.Hint(r.Role, roles.Keys)}; every participant must hold a trusted role.");
                continue;
            }
            if (!present.TryAdd(r.Role, r))
                d.Add(Rules.DuplicateId, r.Span, $"Ceremony '{c.Id}' lists role '{r.Role}' twice; give one entry with a count.");
            if (!r.Names.IsDefaultOrEmpty && r.Names.Length != r.Count)
                d.Add(Rules.CeremonyNamesCount, r.Span, $"Role '{r.Role}' in ceremony '{c.Id}' has count {r.Count} but {r.Names.Length} name(s).");
        }
        CheckPersons(c, roles, d);

        if (c.Witness is null)
            d.Add(Rules.CeremonyWitnessMissing, c.WitnessSpan, $"Ceremony '{c.Id}' names no witness; key ceremonies are witnessed.");
        else if (!roles.ContainsKey(c.Witness))
            d.Add(Rules.UnknownRecord, c.WitnessSpan, $"Ceremony '{c.Id}' names witness role '{c.Witness}', which is not in data/roles.yaml{Suggest.Hint(c.Witness, roles.Keys)}.");
        else if (!present.ContainsKey(c.Witness))
            d.Add(Rules.CeremonyWitnessMissing, c.WitnessSpan, $"The witness of ceremony '{c.Id}' holds role '{c.Witness}', but no person in that role is present (roles: {string.Join(", ", present.Keys)}).");

        foreach (var step in c.Steps)
        {
            if (!roles.ContainsKey(step.Actor))
                d.Add(Rules.UnknownRecord, step.ActorSpan, $"Step {step.Id} of ceremony '{c.Id}' is performed by role '{step.Actor}', which is not in data/roles.yaml{Suggest.Hint(step.Actor, roles.Keys)}.");
            else if (!present.ContainsKey(step.Actor))
                d.Add(Rules.CeremonyRoleAbsent, step.ActorSpan, $"Step {step.Id} of ceremony '{c.Id}' is performed by role '{step.Actor}', which is not present at the ceremony.");
            if (step.Task is null) continue;
            if (!tasks.TryGetValue(step.Task, out var task))
            {
                d.Add(Rules.UnknownRecord, step.TaskSpan, $"Step {step.Id} of ceremony '{c.Id}' performs task '{step.Task}', which is not in data/tasks.yaml{Suggest.Hint(step.Task, tasks.Keys)}.");
                continue;
            }
            CheckTask(c, step, task, present, roles, d);
        }

        foreach (var a in c.Artifacts)
        {
            if (a.Custodian is null) continue;
            if (!roles.ContainsKey(a.Custodian))
                d.Add(Rules.UnknownRecord, a.Span, $"Artifact '{a.Item}' of ceremony '{c.Id}' names custodian role '{a.Custodian}', which is not in data/roles.yaml{Suggest.Hint(a.Custodian, roles.Keys)}.");
            else if (!present.ContainsKey(a.Custodian))
                d.Add(Rules.CeremonyRoleAbsent, a.Span, $"Artifact '{a.Item}' of ceremony '{c.Id}' goes to role '{a.Custodian}', which is not present at the ceremony.");
        }
    }

    private static void CheckTask(Ceremony c, CeremonyStep step, TaskRecord task, Dictionary<string, CeremonyRole> present,
        Dictionary<string, RoleRecord> roles, DiagnosticBag d)
    {
        if (roles.ContainsKey(step.Actor) && !task.Roles.Contains(step.Actor))
            d.Add(Rules.CeremonyActorNotInTask, step.ActorSpan,
                $"Step {step.Id} of ceremony '{c.Id}' performs task '{task.Id}' with role '{step.Actor}', which may not take part in it (roles: {string.Join(", ", task.Roles)}).");
        foreach (var required in task.RequiredRoles)
            if (!present.ContainsKey(required))
                d.Add(Rules.CeremonyTaskRoleMissing, step.TaskSpan,
                    $"Step {step.Id} of ceremony '{c.Id}' performs task '{task.Id}', which requires role '{required}', but no person in that role is present.");
        var persons = CountPersons(task, present, roles);
        if (persons < task.MinPersons)
            d.Add(Rules.CeremonyTaskPersons, step.TaskSpan,
                $"Step {step.Id} of ceremony '{c.Id}' performs task '{task.Id}', which needs {task.MinPersons} persons in the roles {string.Join(", ", task.Roles)}, but {persons} {(persons == 1 ? "is" : "are")} present{(task.AuditFunction ? "" : " (auditors do not count)")}.");
    }

    /// <summary>
    /// Persons present who count toward <paramref name="task"/>: holders of its roles, excluding auditor roles unless
    /// it is an audit function. When every counted role names its persons, a person named twice counts once.
    /// </summary>
    public static int CountPersons(TaskRecord task, IReadOnlyDictionary<string, CeremonyRole> present, IReadOnlyDictionary<string, RoleRecord> roles)
    {
        var counted = task.Roles
            .Where(r => present.ContainsKey(r) && roles.TryGetValue(r, out var role) && (task.AuditFunction || !role.Auditor))
            .Distinct(StringComparer.Ordinal)
            .Select(r => present[r])
            .ToList();
        if (counted.Count > 0 && counted.All(r => !r.Names.IsDefaultOrEmpty))
            return counted.SelectMany(r => r.Names).Distinct(StringComparer.Ordinal).Count();
        return counted.Sum(r => r.Count);
    }

    private static void CheckPersons(Ceremony c, Dictionary<string, RoleRecord> roles, DiagnosticBag d)
    {
        var byName = new Dictionary<string, List<CeremonyRole>>(StringComparer.Ordinal);
        foreach (var r in c.Roles)
            foreach (var name in r.Names.IsDefault ? [] : r.Names)
            {
                if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
                list.Add(r);
            }
        foreach (var (name, held) in byName)
            for (var i = 0; i < held.Count; i++)
                for (var j = i + 1; j < held.Count; j++)
                    if (Incompatible(held[i].Role, held[j].Role, roles))
                        d.Add(Rules.CeremonyIncompatiblePerson, held[j].Span,
                            $"{name} is listed as '{held[i].Role}' and as '{held[j].Role}' in ceremony '{c.Id}', but these roles may not be held by one person.");
    }

    /// <summary>True when one person may not hold both roles: either lists the other, or either is an auditor role.</summary>
    public static bool Incompatible(string a, string b, IReadOnlyDictionary<string, RoleRecord> roles)
    {
        if (a == b || !roles.TryGetValue(a, out var ra) || !roles.TryGetValue(b, out var rb)) return false;
        return ra.Auditor || rb.Auditor || ra.Incompatible.Contains(b) || rb.Incompatible.Contains(a);
    }
}
