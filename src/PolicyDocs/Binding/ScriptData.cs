using System.Globalization;
using PolicyDocs.Loading;
using PolicyDocs.Model;
using Scriban.Runtime;

namespace PolicyDocs.Binding;

/// <summary>Turns the model's data into the Scriban objects prose templates see.</summary>
internal static class ScriptData
{
    // Optional keys of the documented schemas, so templates can test them under strict variables.
    private static readonly Dictionary<string, (string Key, Func<object?> Value)[]> OptionalKeys = new(StringComparer.Ordinal)
    {
        ["cas"] = [("parent", () => null), ("subject", () => null), ("key", () => null), ("hash", () => null),
                   ("validity_years", () => null), ("level", () => null), ("description", () => null)],
        ["roles"] = [("duties", () => new ScriptArray()), ("incompatible", () => new ScriptArray()), ("auditor", () => false)],
        ["tasks"] = [("required_roles", () => new ScriptArray()), ("description", () => null), ("audit_function", () => false)],
        ["glossary"] = [("acronym", () => false)],
        ["approvals"] = [("members", () => new ScriptArray()), ("approves", () => new ScriptArray())],
    };

    /// <summary>Globals shared by every document: policyset, each data file, and *_list arrays of id'd records.</summary>
    public static ScriptObject Globals(PolicySet set)
    {
        var globals = new ScriptObject();
        var info = set.Info;
        var ps = new ScriptObject
        {
            ["name"] = info.Name,
            ["base_url"] = info.BaseUrl,
            ["licence"] = info.Licence,
            ["impact_levels"] = new ScriptArray(info.ImpactLevels),
            ["publisher"] = new ScriptObject
            {
                ["name"] = info.Publisher.Name,
                ["email"] = info.Publisher.Email,
                ["url"] = info.Publisher.Url,
                ["address"] = info.Publisher.Address,
                ["problem_reports"] = info.Publisher.ProblemReports,
            },
        };
        globals["policyset"] = ps;
        foreach (var (name, node) in set.Data.Files)
        {
            var value = Convert(node);
            if (node is DataList list && list.Items.Length > 0 && list.Items.All(i => i is DataMap))
            {
                var byId = new ScriptObject();
                var array = new ScriptArray();
                foreach (var item in list.Items.Cast<DataMap>())
                {
                    var obj = (ScriptObject)Convert(item)!;
                    if (name == "glossary" && !obj.ContainsKey("id") && obj["term"] is string term) obj["id"] = DataReaders.Slug(term);
                    if (OptionalKeys.TryGetValue(name, out var optional))
                        foreach (var (key, make) in optional)
                            if (!obj.ContainsKey(key)) obj[key] = make();
                    if (obj["id"] is string id) byId[id] = obj;
                    array.Add(obj);
                }
                globals[name + "_list"] = array;
                globals[name] = byId.Count == array.Count ? byId : array;
            }
            else globals[name] = value;
        }
        foreach (var required in (ReadOnlySpan<string>)["cas", "roles", "tasks", "glossary", "approvals"])
        {
            if (!globals.ContainsKey(required)) globals[required] = new ScriptObject();
            if (!globals.ContainsKey(required + "_list")) globals[required + "_list"] = new ScriptArray();
        }
        globals["documents"] = new ScriptArray(set.Documents.Select(d => Document(d.Info)));
        globals["cell"] = new CellFunction();
        globals["link"] = new LinkFunction();
        return Freeze(globals);
    }

    /// <summary>The <c>document</c> variable for one document.</summary>
    public static ScriptObject Document(DocumentInfo info) => Freeze(new ScriptObject
    {
        ["id"] = info.Id,
        ["kind"] = info.KindLabel,
        ["title"] = info.Title,
        ["short_title"] = info.ShortTitle,
        ["oid"] = info.Oid,
        ["version"] = info.Version,
        ["effective_date"] = info.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["status"] = info.Status?.ToString().ToLowerInvariant(),
        ["cas"] = new ScriptArray(info.Cas),
        ["implements"] = new ScriptArray(info.Implements),
        ["revisions"] = new ScriptArray(info.Revisions.Select(r => new ScriptObject
        {
            ["version"] = r.Version,
            ["date"] = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["summary"] = r.Summary,
            ["approval"] = r.Approval,
        })),
    });

    /// <summary>Makes <paramref name="value"/> and everything below it read-only, so a template cannot change what
    /// another section or document sees; templates still have variables of their own.</summary>
    public static T Freeze<T>(T value)
    {
        switch (value)
        {
            case ScriptObject o when !o.IsReadOnly:
                foreach (var v in o.Values) Freeze(v);
                o.IsReadOnly = true;
                break;
            case ScriptArray a when !a.IsReadOnly:
                foreach (var v in a) Freeze(v);
                a.IsReadOnly = true;
                break;
        }
        return value;
    }

    /// <summary>Converts a data node: mappings to objects, lists to arrays, plain scalars by the YAML core schema.</summary>
    public static object? Convert(DataNode node) => node switch
    {
        DataMap m => ToObject(m),
        DataList l => new ScriptArray(l.Items.Select(Convert)),
        DataScalar { Value: null } => null,
        DataScalar { Quoted: true } s => s.Value,
        DataScalar s => Scalar(s.Value!),
        _ => null,
    };

    private static ScriptObject ToObject(DataMap m)
    {
        var o = new ScriptObject();
        foreach (var e in m.Entries) o[e.Key] = Convert(e.Value);
        return o;
    }

    private static object Scalar(string v)
    {
        if (v is "true" or "True") return true;
        if (v is "false" or "False") return false;
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (v.Contains('.') && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !v.EndsWith('.')) return d;
        return v;
    }
}
