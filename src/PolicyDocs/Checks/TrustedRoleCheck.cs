using System.Text.RegularExpressions;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Checks;

/// <summary>
/// Trusted roles and multi-party control (data/roles.yaml, data/tasks.yaml, CPS 5.2.1, 5.2.2, 5.2.4):
/// at least two persons per task (PD0501), required roles take part (PD0502), auditors hold no other role
/// (PD0503), auditors do not make up multi-party control except for audit functions (PD0504, PD0505), and
/// the CPS sections include the blocks generated from the data (PD0506). Unknown role ids are PD0010
/// (<see cref="DataConsistencyCheck"/>).
/// </summary>
internal static partial class TrustedRoleCheck
{
    /// <summary>The CPS sections rendered from roles and tasks, and the block each must include.</summary>
    public static IReadOnlyList<(string Section, string Block, string DataFile)> CpsBlocks { get; } =
    [
        ("5.2.1", "trusted-roles", "roles"),
        ("5.2.2", "persons-per-task", "tasks"),
        ("5.2.4", "separation-of-duties", "roles"),
    ];

    /// <summary>Checks the whole set.</summary>
    public static void Check(PolicySet set, DiagnosticBag d)
    {
        var roles = set.Data.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var task in set.Data.Tasks) CheckTask(task, roles, d);
        CheckAuditorSeparation(set.Data.Roles, d);
        foreach (var doc in set.Documents)
            if (doc.Info.Kind is DocumentKind.Cps or DocumentKind.CpCps) CheckCps(set, doc, d);
    }

    private static void CheckTask(TaskRecord task, Dictionary<string, RoleRecord> roles, DiagnosticBag d)
    {
        if (task.MinPersons < 2)
            d.Add(Rules.TaskMinPersons, task.MinPersonsSpan,
                $"Task '{task.Id}' has min_persons {task.MinPersons}; a task under multi-party control needs at least 2 persons.");
        foreach (var required in task.RequiredRoles)
            if (!task.Roles.Contains(required) && roles.ContainsKey(required))
                d.Add(Rules.RequiredRoleNotParticipant, task.Span,
                    $"Task '{task.Id}' requires role '{required}', which is not among the roles that may take part ({string.Join(", ", task.Roles)}).");
        if (task.AuditFunction) return;
        var known = task.Roles.Where(roles.ContainsKey).ToList();
        var auditors = known.Where(r => roles[r].Auditor).ToList();
        if (auditors.Count > 0 && auditors.Count == known.Count)
            d.Add(Rules.AuditorCounted, task.RolesSpan,
                $"Task '{task.Id}' can reach min_persons {task.MinPersons} only by counting persons in auditor roles ({string.Join(", ", auditors)}); auditors do not count toward multi-party control except for audit functions.");
        foreach (var required in task.RequiredRoles)
            if (roles.TryGetValue(required, out var role) && role.Auditor)
                d.Add(Rules.AuditorRequired, task.Span,
                    $"Task '{task.Id}' requires auditor role '{required}' but is not marked 'audit_function: true', so the auditor does not count toward its {task.MinPersons} persons.");
    }

    /// <summary>
    /// An auditor role may not be combined with any other trusted role: each auditor role lists every other role
    /// as incompatible, and every other role lists each auditor role. Each missing entry is reported at the list
    /// that omits it.
    /// </summary>
    private static void CheckAuditorSeparation(IReadOnlyList<RoleRecord> roles, DiagnosticBag d)
    {
        foreach (var auditor in roles.Where(r => r.Auditor))
        {
            var missing = roles.Where(r => r.Id != auditor.Id && !auditor.Incompatible.Contains(r.Id)).Select(r => r.Id).ToList();
            if (missing.Count > 0)
                d.Add(Rules.AuditorNotSeparated, auditor.IncompatibleSpan,
                    $"Auditor role '{auditor.Id}' does not list {string.Join(", ", missing.Select(m => $"'{m}'"))} as incompatible; a person in an auditor role may hold no other trusted role.");
            foreach (var other in roles.Where(r => r.Id != auditor.Id && !r.Incompatible.Contains(auditor.Id)))
                d.Add(Rules.AuditorNotSeparated, other.IncompatibleSpan,
                    $"Role '{other.Id}' does not list auditor role '{auditor.Id}' as incompatible; a person in an auditor role may hold no other trusted role.");
        }
    }

    private static void CheckCps(PolicySet set, PolicyDocument doc, DiagnosticBag d)
    {
        foreach (var (number, block, dataFile) in CpsBlocks)
        {
            if (!set.Data.Files.ContainsKey(dataFile)) continue;
            var section = doc.Find(number);
            if (section is null) continue;
            if (!Includes(section.Source, block))
                d.Add(Rules.CpsBlockMissing, section.Span,
                    $"{doc.Info.KindLabel} section {number} \"{section.Title}\" does not include the block generated from data/{dataFile}.yaml; add {{{{ include \"{block}\" }}}} so the section agrees with the data.");
        }
    }

    /// <summary>True when <paramref name="source"/> includes the block <paramref name="block"/> ({{ include "block" }}).</summary>
    public static bool Includes(string source, string block)
    {
        foreach (Match m in IncludePattern().Matches(source))
            if (m.Groups["name"].Value == block) return true;
        return false;
    }

    [GeneratedRegex("""\binclude\s+["'](?<name>[^"']+)["']""")]
    private static partial Regex IncludePattern();
}
