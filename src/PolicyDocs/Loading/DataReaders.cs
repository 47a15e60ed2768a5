using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Loading;

/// <summary>Typed readers for the documented data files (schemas in docs/content-format.md).</summary>
internal static partial class DataReaders
{
    /// <summary>Reads the known data files among <paramref name="files"/> into typed records.</summary>
    public static PolicyData Read(ImmutableSortedDictionary<string, DataNode> files, DiagnosticBag d) =>
        Read(files, d, PolicySetInfo.DefaultImpactLevels);

    /// <summary>Reads the known data files; recommendation levels are checked against <paramref name="impactLevels"/>.</summary>
    public static PolicyData Read(ImmutableSortedDictionary<string, DataNode> files, DiagnosticBag d, ImmutableArray<string> impactLevels)
    {
        return new PolicyData
        {
            Files = files,
            Cas = Records(files, "cas", "a CA", d, ReadCa),
            Roles = Records(files, "roles", "a role", d, ReadRole),
            Tasks = Records(files, "tasks", "a task", d, ReadTask),
            Glossary = Records(files, "glossary", "a glossary entry", d, ReadTerm),
            Approvals = Records(files, "approvals", "an approval", d, ReadApproval),
            Recommendations = Records(files, "recommendations", "a recommendation", d, r => RecommendationReader.Read(r, impactLevels)),
        };
    }

    private static ImmutableArray<T> Records<T>(ImmutableSortedDictionary<string, DataNode> files, string name, string what,
        DiagnosticBag d, Func<MapReader, T?> read) where T : class
    {
        if (!files.TryGetValue(name, out var root)) return [];
        if (root is not DataList list)
        {
            if (root is not DataScalar { Value: null })
                d.Add(Rules.WrongType, root.Span, $"data/{name}.yaml must be a list of records (lines starting with '- '), not {root.KindName}.");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<T>();
        var ids = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            var r = new MapReader(item, what, d, item.Span);
            if (!r.IsValid) continue;
            var record = read(r);
            r.Finish();
            if (record is null) continue;
            var id = RecordId(record);
            if (!ids.TryAdd(id, item.Span))
            {
                d.Add(Rules.DuplicateId, item.Span, $"Duplicate id '{id}' in data/{name}.yaml; the first is at line {ids[id].Line}.");
                continue;
            }
            result.Add(record);
        }
        return result.ToImmutable();
    }

    private static string RecordId(object record) => record switch
    {
        CaRecord c => c.Id,
        RoleRecord r => r.Id,
        TaskRecord t => t.Id,
        GlossaryTerm g => g.Id,
        ApprovalRecord a => a.Id,
        RecommendationRecord rec => rec.Id,
        _ => throw new InvalidOperationException("unknown record type"),
    };

    private static readonly Dictionary<string, string> CaTypes = new() { ["root"] = "root", ["intermediate"] = "intermediate", ["issuing"] = "issuing" };

    private static CaRecord? ReadCa(MapReader r)
    {
        var id = r.Id("id", true);
        var name = r.Text("name", true);
        var type = r.Text("type", true);
        if (type is not null && !CaTypes.ContainsKey(type))
        {
            r.Choice("type", CaTypes.ToDictionary(k => k.Key, _ => 0));
            type = null;
        }
        var parent = r.Id("parent");
        var subject = r.Text("subject");
        var operation = r.Choice("operation", new Dictionary<string, bool> { ["offline"] = true, ["online"] = false }, true);
        var key = r.Map("key", "the key of a CA");
        string? algorithm = null, size = null;
        if (key is not null)
        {
            algorithm = key.Text("algorithm");
            size = key.Text("size");
            key.Finish();
        }
        var hash = r.Text("hash");
        var validity = r.Int("validity_years");
        var level = r.Text("level");
        var description = r.Text("description");
        if (id is null || name is null || type is null || operation is null) return null;
        return new CaRecord(id, name, type, parent, subject, operation.Value ? "offline" : "online", algorithm, size, hash, validity, level, description, r.Span);
    }

    private static RoleRecord? ReadRole(MapReader r)
    {
        var id = r.Id("id", true);
        var name = r.Text("name", true);
        var duties = r.Texts("duties");
        var incompatible = r.Texts("incompatible");
        var incompatibleSpan = r.SpanOf("incompatible");
        var auditor = r.Bool("auditor");
        return id is null || name is null ? null : new RoleRecord(id, name, duties, incompatible, auditor, r.Span) { IncompatibleSpan = incompatibleSpan };
    }

    private static TaskRecord? ReadTask(MapReader r)
    {
        var id = r.Id("id", true);
        var name = r.Text("name", true);
        var min = r.Int("min_persons", true);
        var minSpan = r.SpanOf("min_persons");
        var roles = r.Texts("roles", true);
        var required = r.Texts("required_roles");
        var description = r.Text("description");
        var auditFunction = r.Bool("audit_function");
        return id is null || name is null || min is null ? null
            : new TaskRecord(id, name, min.Value, roles, required, description, r.Span)
            {
                MinPersonsSpan = minSpan, AuditFunction = auditFunction, RolesSpan = r.SpanOf("roles"),
            };
    }

    private static GlossaryTerm? ReadTerm(MapReader r)
    {
        var term = r.Text("term", true);
        var definition = r.Text("definition", true);
        var id = r.Id("id") ?? (term is null ? null : Slug(term));
        var acronym = r.Bool("acronym");
        return term is null || definition is null || id is null ? null : new GlossaryTerm(id, term, definition, acronym, r.Span);
    }

    private static ApprovalRecord? ReadApproval(MapReader r)
    {
        var id = r.Id("id", true);
        var date = r.Date("date", true);
        var meeting = r.Text("meeting", true);
        var decision = r.Text("decision", true);
        var members = r.Texts("members");
        var votes = ReadVotes(r);
        var present = ReadMembersPresent(r);
        var approves = r.List<DataNode>("approves", item => item);
        var pairs = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var item in approves)
        {
            var a = new MapReader(item, "an approved document version", r.Diagnostics, item.Span);
            var doc = a.Id("document", true);
            var version = a.Text("version", true);
            a.Finish();
            if (doc is not null && version is not null) pairs.Add((doc, version));
        }
        return id is null || date is null || meeting is null || decision is null ? null
            : new ApprovalRecord(id, date.Value, meeting, decision, members, pairs.ToImmutable(), r.Span) { Votes = votes, MembersPresent = present };
    }

    private static VoteCount? ReadVotes(MapReader r)
    {
        var v = r.Map("votes", "the votes of an approval");
        if (v is null || !v.IsValid) return null;
        var @for = v.Int("for", true);
        var against = v.Int("against") ?? 0;
        var abstain = v.Int("abstain") ?? 0;
        v.Finish();
        if (@for is null) return null;
        if (@for < 0 || against < 0 || abstain < 0)
        {
            r.Diagnostics.Add(Rules.BadValue, r.SpanOf("votes"), "Vote counts cannot be negative.");
            return null;
        }
        return new VoteCount(@for.Value, against, abstain);
    }

    private static int? ReadMembersPresent(MapReader r)
    {
        var node = r.Node("members_present");
        switch (node)
        {
            case null or DataScalar { Value: null }: return null;
            case DataList list: return list.Items.Length;
            case DataScalar { Value: { } v, Quoted: false } when int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n):
                return n;
            default:
                r.Diagnostics.Add(Rules.WrongType, node.Span, $"'members_present' in an approval must be a whole number or a list of names, not {node.KindName}.");
                return null;
        }
    }

    /// <summary>Lower-case, non-alphanumerics collapsed to hyphens: "Key Ceremony" → "key-ceremony".</summary>
    public static string Slug(string text) => NonAlnum().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlnum();
}
