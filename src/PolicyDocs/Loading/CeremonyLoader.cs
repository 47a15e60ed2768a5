using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyDocs.Model;
using PolicyDocs.Model.Ceremonies;

namespace PolicyDocs.Loading;

/// <summary>
/// Reads key ceremony scripts (ceremonies/&lt;id&gt;.yaml) and their completed records (ceremonies/&lt;id&gt;.record.yaml)
/// through <see cref="MapReader"/>, so unknown keys and wrong types are reported like in every other content file.
/// Schemas: docs/content-format.md.
/// </summary>
internal static partial class CeremonyLoader
{
    private const string RecordSuffix = ".record.yaml";

    /// <summary>Loads every ceremony under <paramref name="root"/>/ceremonies, ordered by id; none when the folder is absent.</summary>
    public static ImmutableArray<Ceremony> Load(string root, string displayRoot, DiagnosticBag d)
    {
        var dir = Path.Combine(root, "ceremonies");
        if (ContentLoader.Folder(root, dir, ContentLoader.Display(displayRoot, "ceremonies/"), d) is null) return [];
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var scripts = new SortedDictionary<string, Ceremony>(StringComparer.Ordinal);
        foreach (var name in files)
        {
            if (name.EndsWith(RecordSuffix, StringComparison.Ordinal) || !IsYaml(name)) continue;
            var display = ContentLoader.Display(displayRoot, "ceremonies/" + name);
            var id = Path.GetFileNameWithoutExtension(name);
            if (!IdPattern().IsMatch(id))
            {
                d.Add(Rules.BadValue, SourceSpan.File(display), $"Ceremony file name '{id}' is not a valid id: use lower-case letters, digits and hyphens.");
                continue;
            }
            if (scripts.ContainsKey(id))
            {
                d.Add(Rules.DuplicateId, SourceSpan.File(display), $"Ceremony '{id}' is defined twice (.yaml and .yml).");
                continue;
            }
            var node = Read(root, Path.Combine(dir, name), display, d);
            if (node is null) continue;
            if (ReadScript(id, node, display, d) is { } ceremony) scripts[id] = ceremony;
        }
        foreach (var name in files)
        {
            if (!name.EndsWith(RecordSuffix, StringComparison.Ordinal)) continue;
            var display = ContentLoader.Display(displayRoot, "ceremonies/" + name);
            var id = name[..^RecordSuffix.Length];
            if (!scripts.TryGetValue(id, out var script))
            {
                var exists = File.Exists(Path.Combine(dir, id + ".yaml")) || File.Exists(Path.Combine(dir, id + ".yml"));
                if (!exists)
                    d.Add(Rules.RecordWithoutScript, SourceSpan.File(display),
                        $"Ceremony record {name} has no script ceremonies/{id}.yaml{Suggest.Hint(id, scripts.Keys)}.");
                continue;
            }
            var node = Read(root, Path.Combine(dir, name), display, d);
            if (node is null) continue;
            if (ReadRecord(node, display, d) is { } record) scripts[id] = script with { Record = record };
        }
        return [.. scripts.Values];
    }

    /// <summary>Reads one script from its YAML tree; null when required parts are missing (already reported).</summary>
    public static Ceremony? ReadScript(string id, DataNode node, string display, DiagnosticBag d)
    {
        var r = new MapReader(node, $"ceremony '{id}'", d, SourceSpan.File(display));
        if (!r.IsValid) return null;
        var purpose = r.Text("purpose", true);
        var ca = r.Id("ca", true);
        var caSpan = r.SpanOf("ca");
        var date = r.Date("planned_date", true);
        var location = r.Text("location", true);
        var roles = r.List("roles", ReadRole(d), required: true);
        var witness = r.Id("witness");
        var witnessSpan = r.SpanOf("witness");
        var materials = r.List("materials", ReadMaterial(d));
        var phases = r.List("phases", ReadPhase(d), required: true);
        var artifacts = r.List("artifacts", ReadArtifact(d));
        r.Finish();
        var steps = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var step in phases.SelectMany(p => p.Steps))
            if (!steps.TryAdd(step.Id, step.Span))
                d.Add(Rules.DuplicateId, step.Span, $"Step id '{step.Id}' is used twice in ceremony '{id}'; the first is at line {steps[step.Id].Line}.");
        if (purpose is null || ca is null || date is null || location is null) return null;
        return new Ceremony
        {
            Id = id,
            Purpose = purpose,
            Ca = ca,
            CaSpan = caSpan,
            PlannedDate = date.Value,
            Location = location,
            Roles = roles,
            Witness = witness,
            WitnessSpan = witnessSpan,
            Materials = materials,
            Phases = phases,
            Artifacts = artifacts,
            Span = r.Span,
        };
    }

    /// <summary>Reads one completed record from its YAML tree; null when required parts are missing (already reported).</summary>
    public static CeremonyRecord? ReadRecord(DataNode node, string display, DiagnosticBag d)
    {
        var r = new MapReader(node, "a ceremony record", d, SourceSpan.File(display));
        if (!r.IsValid) return null;
        var date = r.Date("actual_date", true);
        var participants = r.List("participants", item =>
        {
            var p = new MapReader(item, "a ceremony participant", d, item.Span);
            if (!p.IsValid) return null;
            var name = p.Text("name", true);
            var role = p.Id("role", true);
            var roleSpan = p.SpanOf("role");
            var initials = p.Text("initials", true);
            p.Finish();
            return name is null || role is null || initials is null ? null
                : new RecordParticipant(name, role, initials, p.Span) { RoleSpan = roleSpan };
        }, required: true);
        var steps = r.List("steps", item =>
        {
            var s = new MapReader(item, "a recorded step", d, item.Span);
            if (!s.IsValid) return null;
            var step = s.Text("step", true);
            var time = s.Text("time");
            if (time is not null && !TimePattern().IsMatch(time))
            {
                d.Add(Rules.BadValue, s.SpanOf("time"), $"'{time}' is not a time for 'time': write HH:MM in 24-hour form, e.g. 09:41.");
                time = null;
            }
            var op = s.Text("operator");
            var witness = s.Text("witness");
            var deviated = s.Bool("deviated");
            s.Finish();
            return step is null ? null : new RecordStep(step, time, op, witness, deviated, s.Span);
        }, required: true);
        var bags = r.List("bags", item =>
        {
            var b = new MapReader(item, "a sealed bag", d, item.Span);
            if (!b.IsValid) return null;
            var serial = b.Text("serial", true);
            var contents = b.Text("contents");
            b.Finish();
            return serial is null ? null : new RecordBag(serial, contents, b.Span);
        });
        var deviations = r.List("deviations", item =>
        {
            var x = new MapReader(item, "a deviation", d, item.Span);
            if (!x.IsValid) return null;
            var step = x.Text("step", true);
            var explanation = x.Text("explanation");
            x.Finish();
            return step is null ? null : new RecordDeviation(step, explanation, x.Span);
        });
        r.Finish();
        if (date is null) return null;
        return new CeremonyRecord
        {
            ActualDate = date.Value,
            Participants = participants,
            Steps = steps,
            Bags = bags,
            Deviations = deviations,
            Span = r.Span,
        };
    }

    private static Func<DataNode, CeremonyRole?> ReadRole(DiagnosticBag d) => item =>
    {
        var r = new MapReader(item, "a ceremony role", d, item.Span);
        if (!r.IsValid) return null;
        var role = r.Id("role", true);
        var count = r.Int("count") ?? 1;
        var countSpan = r.SpanOf("count");
        var names = r.Texts("names");
        r.Finish();
        if (count < 1)
        {
            d.Add(Rules.BadValue, countSpan, $"'count' of a ceremony role must be 1 or more, not {count}.");
            return null;
        }
        return role is null ? null : new CeremonyRole(role, count, names, r.Span);
    };

    private static Func<DataNode, CeremonyMaterial?> ReadMaterial(DiagnosticBag d) => item =>
    {
        var r = new MapReader(item, "a materials item", d, item.Span);
        if (!r.IsValid) return null;
        var what = r.Text("item", true);
        var serial = r.Text("serial");
        var inspect = r.Bool("inspect");
        var bag = r.Text("bag");
        r.Finish();
        return what is null ? null : new CeremonyMaterial(what, serial, inspect, bag, r.Span);
    };

    private static Func<DataNode, CeremonyPhase?> ReadPhase(DiagnosticBag d) => item =>
    {
        var r = new MapReader(item, "a ceremony phase", d, item.Span);
        if (!r.IsValid) return null;
        var name = r.Text("name", true);
        var steps = r.List("steps", ReadStep(d), required: true);
        r.Finish();
        return name is null ? null : new CeremonyPhase(name, steps, r.Span);
    };

    private static Func<DataNode, CeremonyStep?> ReadStep(DiagnosticBag d) => item =>
    {
        var r = new MapReader(item, "a ceremony step", d, item.Span);
        if (!r.IsValid) return null;
        var id = r.Text("id", true);
        var actor = r.Id("actor", true);
        var action = r.Text("action", true);
        var expected = r.Text("expected", true);
        var task = r.Id("task");
        r.Finish();
        if (id is null || actor is null || action is null || expected is null) return null;
        return new CeremonyStep
        {
            Id = id, Actor = actor, Action = action, Expected = expected, Task = task,
            Span = r.Span, ActorSpan = r.SpanOf("actor"), TaskSpan = r.SpanOf("task"),
        };
    };

    private static Func<DataNode, CeremonyArtifact?> ReadArtifact(DiagnosticBag d) => item =>
    {
        var r = new MapReader(item, "a ceremony artifact", d, item.Span);
        if (!r.IsValid) return null;
        var what = r.Text("item", true);
        var bag = r.Text("bag");
        var custodian = r.Id("custodian");
        r.Finish();
        return what is null ? null : new CeremonyArtifact(what, bag, custodian, r.Span);
    };

    private static DataNode? Read(string root, string path, string display, DiagnosticBag d)
    {
        var text = ContentLoader.ReadText(root, path, display, d);
        if (text is null) return null;
        var node = YamlReader.Read(display, text, d);
        if (node is DataScalar { Value: null })
        {
            d.Add(Rules.MissingKey, SourceSpan.File(display), $"{display} is empty.");
            return null;
        }
        return node;
    }

    private static bool IsYaml(string name) => name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    private static partial Regex TimePattern();
}
