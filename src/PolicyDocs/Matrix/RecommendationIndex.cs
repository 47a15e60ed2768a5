using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Matrix;

/// <summary>Which recommendations each document section addresses, from the <c>sections</c> of data/recommendations.yaml.
/// Only references to existing sections are indexed; recommendations keep file order.</summary>
internal sealed class RecommendationIndex
{
    private readonly FrozenDictionary<(string, string), ImmutableArray<RecommendationRecord>> _bySection;

    private RecommendationIndex(FrozenDictionary<(string, string), ImmutableArray<RecommendationRecord>> bySection) => _bySection = bySection;

    /// <summary>An index with nothing in it.</summary>
    public static RecommendationIndex Empty { get; } = new(FrozenDictionary<(string, string), ImmutableArray<RecommendationRecord>>.Empty);

    /// <summary>Indexes the recommendations of <paramref name="set"/>.</summary>
    public static RecommendationIndex Build(PolicySet set)
    {
        var map = new Dictionary<(string, string), ImmutableArray<RecommendationRecord>.Builder>();
        foreach (var rec in set.Data.Recommendations)
            foreach (var s in rec.Sections.DistinctBy(s => (s.DocumentId, s.Number)))
            {
                if (set.Find(s.DocumentId)?.Find(s.Number) is null) continue;
                if (!map.TryGetValue((s.DocumentId, s.Number), out var list)) map[(s.DocumentId, s.Number)] = list = ImmutableArray.CreateBuilder<RecommendationRecord>();
                list.Add(rec);
            }
        return new RecommendationIndex(map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutable()));
    }

    /// <summary>The recommendations that section <paramref name="number"/> of <paramref name="documentId"/> addresses.</summary>
    public ImmutableArray<RecommendationRecord> For(string documentId, string number) =>
        _bySection.TryGetValue((documentId, number), out var list) ? list : [];
}
