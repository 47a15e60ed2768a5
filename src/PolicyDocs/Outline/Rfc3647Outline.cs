using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace PolicyDocs.Outline;

/// <summary>
/// The canonical RFC 3647 §6 outline (270 entries) with its known title variants, and lookups by number
/// and by normalised title. Immutable; load once with <see cref="Instance"/>.
/// </summary>
internal sealed class Rfc3647Outline
{
    private static readonly Lazy<Rfc3647Outline> Lazy = new(Load);

    /// <summary>The shared instance, parsed from the embedded outline on first use.</summary>
    public static Rfc3647Outline Instance => Lazy.Value;

    /// <summary>Every entry in outline order.</summary>
    public IReadOnlyList<OutlineEntry> Entries { get; }

    private readonly FrozenDictionary<string, OutlineEntry> _byId;
    private readonly FrozenDictionary<string, OutlineEntry[]> _byKey;
    private readonly FrozenDictionary<string, TitleVariant[]> _variantsByKey;

    private Rfc3647Outline(IReadOnlyList<OutlineEntry> entries, IReadOnlyList<TitleVariant> variants)
    {
        Entries = entries;
        _byId = entries.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        _byKey = entries.GroupBy(e => e.Key).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _variantsByKey = variants.GroupBy(v => v.Key).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The entry with number <paramref name="id"/>, if the outline has one.</summary>
    public OutlineEntry? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Entries whose normalised §6 title equals <paramref name="key"/>.</summary>
    public IReadOnlyList<OutlineEntry> FindByKey(string key) => _byKey.GetValueOrDefault(key) ?? [];

    /// <summary>Known variants whose normalised title equals <paramref name="key"/>.</summary>
    public IReadOnlyList<TitleVariant> FindVariants(string key) => _variantsByKey.GetValueOrDefault(key) ?? [];

    private static Rfc3647Outline Load()
    {
        using var stream = typeof(Rfc3647Outline).Assembly.GetManifestResourceStream("PolicyDocs.Outline.rfc3647-outline.yaml")
            ?? throw new InvalidOperationException("embedded RFC 3647 outline missing");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var entries = new List<OutlineEntry>(270);
        Walk((YamlSequenceNode)yaml.Documents[0].RootNode, entries);
        return new Rfc3647Outline(entries, KnownVariants.All);
    }

    private static void Walk(YamlSequenceNode seq, List<OutlineEntry> into)
    {
        foreach (var item in seq.Children.Cast<YamlMappingNode>())
        {
            var id = ((YamlScalarNode)item.Children[new YamlScalarNode("id")]).Value!;
            var title = ((YamlScalarNode)item.Children[new YamlScalarNode("title")]).Value!;
            into.Add(new OutlineEntry(id, title, into.Count));
            if (item.Children.TryGetValue(new YamlScalarNode("children"), out var children))
                Walk((YamlSequenceNode)children, into);
        }
    }
}
