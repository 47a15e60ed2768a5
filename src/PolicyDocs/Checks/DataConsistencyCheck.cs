using PolicyDocs.Loading;
using PolicyDocs.Model;

namespace PolicyDocs.Checks;

/// <summary>References between data records and documents: CA parents, the CAs and CPs a document names,
/// approvals of revisions, roles named by roles and tasks, CA impact levels (PD0010).</summary>
internal static class DataConsistencyCheck
{
    /// <summary>Checks the whole set.</summary>
    public static void Check(PolicySet set, DiagnosticBag d)
    {
        var data = set.Data;
        var caIds = data.Cas.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var roleIds = data.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var ca in data.Cas)
        {
            if (ca.Parent is not null && !caIds.Contains(ca.Parent))
                d.Add(Rules.UnknownRecord, ca.Span, $"CA '{ca.Id}' names parent '{ca.Parent}', which is not in data/cas.yaml{Suggest.Hint(ca.Parent, caIds)}.");
            if (ca.Type != "root" && ca.Parent is null)
                d.Add(Rules.MissingKey, ca.Span, $"CA '{ca.Id}' is of type {ca.Type} but names no parent CA.");
            if (ca.Level is not null && !set.Info.ImpactLevels.Contains(ca.Level))
                d.Add(Rules.BadValue, ca.Span, $"CA '{ca.Id}' has level '{ca.Level}', which is not on the impact-level scale ({string.Join(" < ", set.Info.ImpactLevels)}){Suggest.Hint(ca.Level, set.Info.ImpactLevels)}.");
        }
        CheckParentCycles(data.Cas, d);
        foreach (var role in data.Roles)
            foreach (var other in role.Incompatible)
                if (!roleIds.Contains(other))
                    d.Add(Rules.UnknownRecord, role.Span, $"Role '{role.Id}' lists incompatible role '{other}', which is not in data/roles.yaml{Suggest.Hint(other, roleIds)}.");
        foreach (var task in data.Tasks)
            foreach (var r in task.Roles.Concat(task.RequiredRoles))
                if (!roleIds.Contains(r))
                    d.Add(Rules.UnknownRecord, task.Span, $"Task '{task.Id}' names role '{r}', which is not in data/roles.yaml{Suggest.Hint(r, roleIds)}.");
        var approvalIds = data.Approvals.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var doc in set.Documents)
        {
            var info = doc.Info;
            foreach (var ca in info.Cas)
                if (!caIds.Contains(ca))
                    d.Add(Rules.UnknownRecord, info.Span, $"Document '{doc.Id}' applies to CA '{ca}', which is not in data/cas.yaml{Suggest.Hint(ca, caIds)}.");
            foreach (var cp in info.Implements)
            {
                var target = set.Find(cp);
                if (target is null)
                    d.Add(Rules.UnknownRecord, info.Span, $"Document '{doc.Id}' implements '{cp}', which is not a document of this set{Suggest.Hint(cp, set.Documents.Select(x => x.Id))}.");
                else if (target.Info.Kind == DocumentKind.Cps)
                    d.Add(Rules.BadValue, info.Span, $"Document '{doc.Id}' implements '{cp}', but that is a CPS; a CPS implements CPs.");
            }
            foreach (var section in doc.AllSections)
                foreach (var ca in section.Cas)
                {
                    if (!caIds.Contains(ca))
                        d.Add(Rules.UnknownRecord, section.Span, $"Section {section.Number} applies to CA '{ca}', which is not in data/cas.yaml{Suggest.Hint(ca, caIds)}.");
                    else if (!info.Cas.IsEmpty && !info.Cas.Contains(ca))
                        d.Add(Rules.UnknownRecord, section.Span, $"Section {section.Number} applies to CA '{ca}', but document '{doc.Id}' does not (its CAs: {string.Join(", ", info.Cas)}).");
                }
            foreach (var rev in info.Revisions)
                if (rev.Approval is not null && data.Files.ContainsKey("approvals") && !approvalIds.Contains(rev.Approval))
                    d.Add(Rules.UnknownRecord, rev.Span, $"Revision {rev.Version} of '{doc.Id}' cites approval '{rev.Approval}', which is not in data/approvals.yaml{Suggest.Hint(rev.Approval, approvalIds)}.");
        }
    }

    /// <summary>
    /// Reports each cycle of CA parents once, at the CA (in file order) whose parent closes it: following parents from
    /// every CA in turn, each CA is visited once, so the walk is linear however the chains are drawn.
    /// </summary>
    private static void CheckParentCycles(IReadOnlyList<Model.Data.CaRecord> cas, DiagnosticBag d)
    {
        var byId = new Dictionary<string, Model.Data.CaRecord>(StringComparer.Ordinal);
        foreach (var ca in cas) byId.TryAdd(ca.Id, ca);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in cas)
        {
            var path = new List<Model.Data.CaRecord>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var ca = start; ca is not null && !done.Contains(ca.Id); ca = ca.Parent is { } p ? byId.GetValueOrDefault(p) : null)
            {
                if (onPath.TryGetValue(ca.Id, out var at))
                {
                    var cycle = path[at..];
                    var closer = path[^1];
                    d.Add(Rules.CaParentCycle, closer.Span,
                        $"CA '{closer.Id}' names parent '{closer.Parent}', which closes a cycle: {string.Join(" → ", cycle.Select(c => c.Id).Append(ca.Id))}.");
                    break;
                }
                onPath[ca.Id] = path.Count;
                path.Add(ca);
            }
            foreach (var ca in path) done.Add(ca.Id);
        }
    }
}
