using System.Globalization;
using PolicyDocs.Output;
using PolicyDocs.Model;
using PolicyDocs.Model.Ceremonies;
using PolicyDocs.Publication;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Renders site/ceremonies/&lt;id&gt;/index.html for each key ceremony: the printable script (one step per row with
/// boxes for operator initials, witness initials and time, a page break between phases, a signature block for every
/// participant) and, when the ceremony has a record, the signed audit-trail view of what was done.
/// </summary>
internal sealed class CeremonyPageRenderer
{
    private const int Depth = 2;
    private readonly PolicySet _set;

    /// <summary>Prepares to render <paramref name="published"/>.</summary>
    public CeremonyPageRenderer(PublishedSet published) => _set = published.Set;

    /// <summary>Path of a ceremony's page from the site root.</summary>
    public static string PagePath(string ceremonyId) => SitePaths.CeremonyPage(ceremonyId);

    private static ScriptObject Signatory(string role, string? name, string? initials, string? date, bool witness) => new()
    {
        ["role"] = role, ["name"] = name, ["initials"] = initials, ["date"] = date, ["witness"] = witness,
    };

    /// <summary>A date as the site writes it.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One page per ceremony; each links its Word script when <paramref name="output"/> has it.</summary>
    public IEnumerable<SitePage> Pages(Output.OutputSet output) =>
        _set.Ceremonies.Select(c => new SitePage("ceremony", PagePath(c.Id), "Key ceremony: " + c.Id, Depth, new ScriptObject
        {
            ["ceremony"] = Model(c),
            ["docx_url"] = output.Contains(SitePaths.CeremonyDownload(c.Id)) ? SiteLinks.Root(Depth) + SitePaths.CeremonyDownload(c.Id) : null,
        }));

    private ScriptObject Model(Ceremony c)
    {
        var roles = _set.Data.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var tasks = _set.Data.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        string RoleName(string? id) => id is null ? "" : roles.TryGetValue(id, out var r) ? r.Name : id;
        var record = c.Record;
        var recorded = record?.Steps.GroupBy(s => s.Step, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            ?? new Dictionary<string, RecordStep>(StringComparer.Ordinal);
        var deviations = record?.Deviations.ToLookup(x => x.Step, StringComparer.Ordinal);
        var rolesUrl = SiteLinks.Root(Depth) + RolesPageRenderer.PagePath;

        var phases = new ScriptArray(c.Phases.Select((p, i) => new ScriptObject
        {
            ["number"] = i + 1,
            ["name"] = p.Name,
            ["steps"] = new ScriptArray(p.Steps.Select(s =>
            {
                var done = recorded.GetValueOrDefault(s.Id);
                var task = s.Task is null ? null : tasks.GetValueOrDefault(s.Task);
                return new ScriptObject
                {
                    ["id"] = s.Id,
                    ["actor"] = RoleName(s.Actor),
                    ["action"] = s.Action,
                    ["expected"] = s.Expected,
                    ["task"] = task is null ? s.Task : task.Name,
                    ["task_persons"] = task?.MinPersons,
                    ["task_url"] = s.Task is null ? null : rolesUrl + "#task-" + s.Task,
                    ["time"] = done?.Time,
                    ["operator"] = done?.Operator,
                    ["witness"] = done?.Witness,
                    ["deviated"] = done?.Deviated ?? false,
                    ["deviations"] = new ScriptArray(deviations is null ? [] : deviations[s.Id].Select(x => x.Explanation ?? "")),
                };
            })),
        }));

        // Every participant signs: the recorded participants when the ceremony was performed, else one line per
        // person the script has present (named when the script names them).
        var signatories = new ScriptArray();
        if (record is not null)
            foreach (var p in record.Participants)
                signatories.Add(Signatory(RoleName(p.Role), p.Name, p.Initials, Date(record.ActualDate), p.Role == c.Witness));
        else
            foreach (var r in c.Roles)
                for (var i = 0; i < r.Count; i++)
                    signatories.Add(Signatory(RoleName(r.Role), i < (r.Names.IsDefault ? 0 : r.Names.Length) ? r.Names[i] : null, null, null, r.Role == c.Witness));

        return new ScriptObject
        {
            ["id"] = c.Id,
            ["purpose"] = c.Purpose,
            ["ca"] = _set.Data.Cas.FirstOrDefault(x => x.Id == c.Ca)?.Name ?? c.Ca,
            ["planned_date"] = Date(c.PlannedDate),
            ["location"] = c.Location,
            ["witness"] = RoleName(c.Witness),
            ["roles_url"] = rolesUrl,
            ["roles"] = new ScriptArray(c.Roles.Select(r => new ScriptObject
            {
                ["name"] = RoleName(r.Role),
                ["anchor"] = "role-" + r.Role,
                ["count"] = r.Count,
                ["names"] = new ScriptArray(r.Names.IsDefault ? [] : r.Names),
            })),
            ["materials"] = new ScriptArray(c.Materials.Select(m => new ScriptObject
            {
                ["item"] = m.Item, ["serial"] = m.Serial, ["inspect"] = m.InspectForTampering, ["bag"] = m.Bag,
            })),
            ["phases"] = phases,
            ["artifacts"] = new ScriptArray(c.Artifacts.Select(a => new ScriptObject
            {
                ["item"] = a.Item, ["bag"] = a.Bag, ["custodian"] = RoleName(a.Custodian),
            })),
            ["signatories"] = signatories,
            ["record"] = record is null ? null : new ScriptObject
            {
                ["actual_date"] = Date(record.ActualDate),
                ["participants"] = new ScriptArray(record.Participants.Select(p => new ScriptObject
                {
                    ["name"] = p.Name, ["role"] = RoleName(p.Role), ["initials"] = p.Initials,
                })),
                ["bags"] = new ScriptArray(record.Bags.Select(b => new ScriptObject { ["serial"] = b.Serial, ["contents"] = b.Contents })),
                ["deviations"] = new ScriptArray(record.Deviations.Select(x => new ScriptObject { ["step"] = x.Step, ["explanation"] = x.Explanation })),
            },
        };
    }
}
