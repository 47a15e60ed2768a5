using PolicyDocs.Output;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Publication;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Renders site/roles/index.html: the roles × tasks matrix of multi-party control (who may or must take part,
/// how many persons), the separation-of-duty constraints, links to CPS sections 5.2.1, 5.2.2 and 5.2.4 of every
/// CPS, and the key ceremony scripts.
/// </summary>
internal sealed class RolesPageRenderer
{
    /// <summary>Where the page is written, from the site root.</summary>
    public const string PagePath = SitePaths.RolesPage;

    private const int Depth = 1;
    private readonly PolicySet _set;

    /// <summary>Prepares to render <paramref name="published"/>.</summary>
    public RolesPageRenderer(PublishedSet published) => _set = published.Set;

    /// <summary>The page, when the set has roles or tasks.</summary>
    public IEnumerable<SitePage> Pages()
    {
        var data = _set.Data;
        if (data.Roles.IsEmpty && data.Tasks.IsEmpty) yield break;
        yield return new SitePage("roles", PagePath, "Trusted roles and multi-party control", Depth, Model(), Nav: "Roles");
    }

    private ScriptObject Model()
    {
        var data = _set.Data;
        var names = data.Roles.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var roles = new ScriptArray(data.Roles.Select(r => new ScriptObject
        {
            ["id"] = r.Id,
            ["name"] = r.Name,
            ["anchor"] = "role-" + r.Id,
            ["auditor"] = r.Auditor,
            ["duties"] = new ScriptArray(r.Duties),
            ["incompatible"] = new ScriptArray(r.Incompatible.Select(o => RoleRef(o, names))),
        }));
        var tasks = new ScriptArray(data.Tasks.Select(t => new ScriptObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["anchor"] = "task-" + t.Id,
            ["min_persons"] = t.MinPersons,
            ["audit_function"] = t.AuditFunction,
            ["description"] = t.Description,
            ["cells"] = new ScriptArray(data.Roles.Select(r => new ScriptObject
            {
                ["role"] = r.Name,
                ["state"] = t.RequiredRoles.Contains(r.Id) ? "required" : t.Roles.Contains(r.Id) ? "may" : "none",
                ["counts"] = !r.Auditor || t.AuditFunction,
            })),
        }));
        var cps = new ScriptArray(_set.Documents
            .Where(d => d.Info.Kind is DocumentKind.Cps or DocumentKind.CpCps)
            .Select(d => new ScriptObject
            {
                ["title"] = d.Info.ShortTitle,
                ["sections"] = new ScriptArray(new[] { "5.2.1", "5.2.2", "5.2.4" }
                    .Select(n => d.Find(n))
                    .OfType<Section>()
                    .Select(s => new ScriptObject
                    {
                        ["number"] = s.Number,
                        ["title"] = s.Title,
                        ["url"] = SiteLinks.Root(Depth) + SitePaths.DocumentPage(d.Id) + "#" + SectionAnchor.Of(s.Number),
                    })),
            }));
        var ceremonies = new ScriptArray(_set.Ceremonies.Select(c => new ScriptObject
        {
            ["id"] = c.Id,
            ["purpose"] = c.Purpose,
            ["planned_date"] = CeremonyPageRenderer.Date(c.PlannedDate),
            ["recorded"] = c.Record is not null,
            ["url"] = SiteLinks.Root(Depth) + CeremonyPageRenderer.PagePath(c.Id),
        }));
        return new ScriptObject
        {
            ["roles"] = roles,
            ["tasks"] = tasks,
            ["cps"] = cps,
            ["ceremonies"] = ceremonies,
        };
    }

    private static ScriptObject RoleRef(string id, Dictionary<string, string> names) =>
        new() { ["id"] = id, ["name"] = names.GetValueOrDefault(id, id), ["anchor"] = "role-" + id };
}
