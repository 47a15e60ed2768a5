using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyDocs.Model.Ceremonies;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Model;

/// <summary>The Policy Authority that publishes the set, and where to reach it; the name is null when the content names none.</summary>
internal sealed record Publisher(string? Name, string? Email, string? Url, string? Address, string? ProblemReports);

/// <summary>Which versions of the policy set are published, e.g. every git tag matching "v*".</summary>
/// <param name="TagPattern">A git tag glob; null publishes only the current content.</param>
internal sealed record ReleaseSettings(string? TagPattern);

/// <summary>What the recommendations matrix adds beyond its own pages (policyset.yaml <c>matrix</c>).</summary>
/// <param name="DocxAppendix">True to end each CP/CPS Word document with the recommendations that apply to its CAs.</param>
internal sealed record MatrixSettings(bool DocxAppendix);
/// <summary>How Word redlines are attributed (policyset.yaml <c>redline</c>).</summary>
/// <param name="Author">The tracked changes' author; null means the Policy Authority's name.</param>
internal sealed record RedlineSettings(string? Author);

/// <summary>The paper size of the Word documents (policyset.yaml <c>page</c>).</summary>
internal enum PaperSize
{
    /// <summary>ISO A4, 210 × 297 mm.</summary>
    A4,
    /// <summary>US Letter, 8.5 × 11 in.</summary>
    Letter,
}

/// <summary>Identity of a policy set (policyset.yaml).</summary>
internal sealed record PolicySetInfo
{
    /// <summary>Name of the policy set.</summary>
    public required string Name { get; init; }
    /// <summary>The Policy Authority.</summary>
    public required Publisher Publisher { get; init; }
    /// <summary>Where the site is published, with a trailing slash; null when unknown.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Licence of the text.</summary>
    public string? Licence { get; init; }
    /// <summary>Ordered impact-level scale, lowest first.</summary>
    public ImmutableArray<string> ImpactLevels { get; init; } = DefaultImpactLevels;
    /// <summary>The scale used when policyset.yaml declares none.</summary>
    public static ImmutableArray<string> DefaultImpactLevels { get; } = ["Medium", "High Internal", "High External"];
    /// <summary>How the Policy Authority decides (quorum).</summary>
    public Governance Governance { get; init; } = new(null);
    /// <summary>Which versions are published as the release history.</summary>
    public ReleaseSettings Releases { get; init; } = new(null);
    /// <summary>Matrix output settings.</summary>
    public MatrixSettings Matrix { get; init; } = new(false);
    /// <summary>Attribution of the tracked changes in Word redlines.</summary>
    public RedlineSettings Redline { get; init; } = new(null);
    /// <summary>The language of the documents as a BCP 47 tag ("en-US"); a document's own <c>lang</c> wins. Null when
    /// not stated: Word documents then keep the reference document's language (en-GB), the site says "en".</summary>
    public string? Language { get; init; }
    /// <summary>The paper size of the Word documents; null when not stated: the reference document's (A4).</summary>
    public PaperSize? Page { get; init; }
    /// <summary>Where it is written.</summary>
    public required SourceSpan Span { get; init; }
}

/// <summary>The shared data records of a policy set, typed, plus every data file as a raw tree for templates.</summary>
internal sealed record PolicyData
{
    /// <summary>CAs in file order.</summary>
    public ImmutableArray<CaRecord> Cas { get; init; } = [];
    /// <summary>Trusted roles in file order.</summary>
    public ImmutableArray<RoleRecord> Roles { get; init; } = [];
    /// <summary>Multi-party tasks in file order.</summary>
    public ImmutableArray<TaskRecord> Tasks { get; init; } = [];
    /// <summary>Glossary in file order.</summary>
    public ImmutableArray<GlossaryTerm> Glossary { get; init; } = [];
    /// <summary>Security recommendations in file order.</summary>
    public ImmutableArray<RecommendationRecord> Recommendations { get; init; } = [];
    /// <summary>Policy Authority decisions in file order.</summary>
    public ImmutableArray<ApprovalRecord> Approvals { get; init; } = [];
    /// <summary>Key ceremony scripts (ceremonies/*.yaml) with their records, ordered by id.</summary>
    public ImmutableArray<Ceremony> Ceremonies { get; init; } = [];
    /// <summary>Every data file by name (file name without .yaml), as read; what templates see.</summary>
    public ImmutableSortedDictionary<string, DataNode> Files { get; init; } = ImmutableSortedDictionary<string, DataNode>.Empty.WithComparers(StringComparer.Ordinal);
}

/// <summary>
/// A whole policy set: identity, data and documents. The one model every renderer reads.
/// </summary>
internal sealed class PolicySet
{
    private readonly FrozenDictionary<string, PolicyDocument> _byId;

    /// <summary>Creates a policy set; documents keep the given order.</summary>
    public PolicySet(PolicySetInfo info, PolicyData data, ImmutableArray<PolicyDocument> documents, string root)
    {
        Info = info;
        Data = data;
        Documents = documents;
        Root = root;
        var map = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        foreach (var d in documents) map.TryAdd(d.Id, d);
        _byId = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Identity.</summary>
    public PolicySetInfo Info { get; }
    /// <summary>Shared data.</summary>
    public PolicyData Data { get; }
    /// <summary>Documents in publication order.</summary>
    public ImmutableArray<PolicyDocument> Documents { get; }
    /// <summary>The content folder (or the single file's folder) it was loaded from.</summary>
    public string Root { get; }

    /// <summary>Key ceremony scripts, ordered by id.</summary>
    public ImmutableArray<Ceremony> Ceremonies => Data.Ceremonies;

    /// <summary>The document with id <paramref name="id"/>, if any.</summary>
    public PolicyDocument? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Returns a copy with each document replaced by <paramref name="map"/>.</summary>
    public PolicySet MapDocuments(Func<PolicyDocument, PolicyDocument> map) =>
        new(Info, Data, [.. Documents.Select(map)], Root);
}
