using System.Text.RegularExpressions;
using PolicyDocs.Model;

namespace PolicyDocs.Diff;

/// <summary>
/// Compares the data files of two versions value by value (records of id'd lists keyed by id) and traces each
/// change to the sections whose text changed without their source changing and whose source uses that file.
/// </summary>
internal static partial class DataDiffer
{
    private static readonly Dictionary<string, string[]> BlockFiles = new(StringComparer.Ordinal)
    {
        ["ca-list"] = ["cas"],
        ["definitions"] = ["glossary"],
        ["trusted-roles"] = ["roles"],
        ["separation-of-duties"] = ["roles"],
        ["persons-per-task"] = ["tasks", "roles"],
    };

    /// <summary>Data changes between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static IReadOnlyList<DataChange> Compare(PolicySet a, PolicySet b, IReadOnlyList<DocumentChange> documents)
    {
        var changes = new List<(string File, string Path, string? Old, string? New)>();
        foreach (var name in a.Data.Files.Keys.Union(b.Data.Files.Keys).Order(StringComparer.Ordinal))
        {
            a.Data.Files.TryGetValue(name, out var x);
            b.Data.Files.TryGetValue(name, out var y);
            Walk(name, "", x, y, changes);
        }
        var dataSections = documents.SelectMany(d => d.Sections.Where(s => s.DataDriven).Select(s => (Doc: d.DocumentId, Section: s))).ToList();
        return [.. changes.Select(c => new DataChange(c.File, c.Path.TrimStart('.'), c.Old, c.New,
            [.. dataSections.Where(ds => Uses(b.Find(ds.Doc)?.Find(ds.Section.Number)?.Source ?? "", c.File)).Select(ds => $"{ds.Doc} {ds.Section.Number}")]))];
    }

    private static bool Uses(string source, string file)
    {
        foreach (Match m in Expression().Matches(source))
        {
            var expr = m.Value;
            if (Regex.IsMatch(expr, $@"\b{Regex.Escape(file)}(_list)?\b")) return true;
            foreach (var (block, files) in BlockFiles)
                if (expr.Contains($"\"{block}\"", StringComparison.Ordinal) && files.Contains(file)) return true;
        }
        return false;
    }

    private static void Walk(string file, string path, DataNode? x, DataNode? y, List<(string, string, string?, string?)> into)
    {
        switch (x, y)
        {
            case (DataMap mx, DataMap my):
                // Looked up by dictionary: DataMap.Get scans, which would make a mapping of n keys cost n².
                var vx = mx.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
                var vy = my.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
                foreach (var key in mx.Entries.Select(e => e.Key).Union(my.Entries.Select(e => e.Key)))
                    Walk(file, path + "." + key, vx.GetValueOrDefault(key), vy.GetValueOrDefault(key), into);
                return;
            case (DataList lx, DataList ly) when IdList(lx) && IdList(ly):
                var ox = lx.Items.Cast<DataMap>().ToDictionary(Id);
                var oy = ly.Items.Cast<DataMap>().ToDictionary(Id);
                foreach (var id in ox.Keys.Union(oy.Keys))
                    Walk(file, path + "." + id, ox.GetValueOrDefault(id), oy.GetValueOrDefault(id), into);
                return;
            case (DataList lx, DataList ly):
                for (var i = 0; i < Math.Max(lx.Items.Length, ly.Items.Length); i++)
                    Walk(file, $"{path}[{i}]", i < lx.Items.Length ? lx.Items[i] : null, i < ly.Items.Length ? ly.Items[i] : null, into);
                return;
            case (null, null):
                return;
            default:
                var a = Show(x);
                var b = Show(y);
                if (a != b) into.Add((file, path, a, b));
                return;
        }
    }

    private static bool IdList(DataList l) =>
        l.Items.Length > 0 && l.Items.All(i => i is DataMap m && m.Get("id") is DataScalar { Value: not null })
        && l.Items.Select(i => Id((DataMap)i)).Distinct().Count() == l.Items.Length;

    private static string Id(DataMap m) => ((DataScalar)m.Get("id")!).Value!;

    private static string? Show(DataNode? n) => n switch
    {
        null => null,
        DataScalar s => s.Value,
        DataList l => "[" + string.Join(", ", l.Items.Select(Show)) + "]",
        DataMap m => "{" + string.Join(", ", m.Entries.Select(e => e.Key + ": " + Show(e.Value))) + "}",
        _ => null,
    };

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();
}
