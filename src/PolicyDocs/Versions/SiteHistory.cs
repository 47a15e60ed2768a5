using PolicyDocs.Diff;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Compiling;

namespace PolicyDocs.Versions;

/// <summary>A superseded version of a document, published under <c>&lt;doc-id&gt;/&lt;version&gt;/</c>.</summary>
/// <param name="Compilation">The release it comes from.</param>
/// <param name="Document">The document as it was.</param>
public sealed record ArchivedDocument(Compilation Compilation, PolicyDocument Document)
{
    /// <summary>The document as its outputs show it.</summary>
    public Publication.PublishedDocument Publication => Compilation.Published!.Of(Document);

    /// <summary>Where its page is written.</summary>
    public string PagePath => SitePaths.ArchivedPage(Document.Id, Document.Info.Version);
}

/// <summary>The changes of one document between two consecutive published versions.</summary>
/// <param name="Old">The release holding the older version.</param>
/// <param name="New">The release holding the newer version.</param>
/// <param name="Changes">The change set, limited to this document.</param>
/// <param name="Change">This document's changes.</param>
public sealed record VersionChange(Compilation Old, Compilation New, ChangeSet Changes, DocumentChange Change)
{
    /// <summary>The document id.</summary>
    public string DocumentId => Change.DocumentId;
    /// <summary>The older version.</summary>
    public string FromVersion => Change.FromVersion!;
    /// <summary>The newer version.</summary>
    public string ToVersion => Change.ToVersion!;
    /// <summary>The HTML redline page.</summary>
    public string HtmlPath => SitePaths.RedlinePage(DocumentId, FromVersion, ToVersion);
    /// <summary>The Word redline download.</summary>
    public string DocxPath => SitePaths.RedlineDownload(DocumentId, FromVersion, ToVersion);
    /// <summary>The newer version's effective date.</summary>
    public DateOnly? Date => New.Set!.Find(DocumentId)?.Info.EffectiveDate;
}

/// <summary>
/// The release history a build publishes: every superseded document version of the declared releases, and the
/// changes between consecutive versions of each document. Consecutive releases are held to the changelog rules.
/// </summary>
/// <param name="Archived">Superseded versions, by document then version order.</param>
/// <param name="Changes">Changes between consecutive versions, oldest first per document.</param>
/// <param name="Diagnostics">Changelog findings between releases (errors fail the build).</param>
public sealed record SiteHistory(IReadOnlyList<ArchivedDocument> Archived, IReadOnlyList<VersionChange> Changes, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>No history: only the current version is published.</summary>
    public static SiteHistory Empty { get; } = new([], [], []);

    /// <summary>Builds the history of <paramref name="releases"/> (oldest first, the current content last).</summary>
    public static SiteHistory From(IReadOnlyList<Release> releases)
    {
        if (releases.Count <= 1) return Empty;
        var current = releases[^1].Compilation.Set!;
        var archived = new List<ArchivedDocument>();
        var changes = new List<VersionChange>();
        var diagnostics = new List<Diagnostic>();
        var ids = releases.SelectMany(r => r.Compilation.Set!.Documents.Select(d => d.Id)).Distinct().ToList();
        foreach (var id in ids)
        {
            // Each version once, from the latest release that has it, in order of first appearance.
            var order = new List<string>();
            var byVersion = new Dictionary<string, Release>(StringComparer.Ordinal);
            foreach (var r in releases)
            {
                if (r.Compilation.Set!.Find(id) is not { } doc) continue;
                if (!byVersion.ContainsKey(doc.Info.Version)) order.Add(doc.Info.Version);
                byVersion[doc.Info.Version] = r;
            }
            var currentVersion = current.Find(id)?.Info.Version;
            foreach (var v in order.Where(v => v != currentVersion))
                archived.Add(new ArchivedDocument(byVersion[v].Compilation, byVersion[v].Compilation.Set!.Find(id)!));
            for (var i = 1; i < order.Count; i++)
            {
                var a = byVersion[order[i - 1]];
                var b = byVersion[order[i]];
                var set = PolicyDiffer.Compare(a.Compilation, b.Compilation, a.Label, b.Label, id);
                var change = set.Documents.FirstOrDefault(d => d.DocumentId == id);
                if (change is { Kind: ChangeKind.Modified })
                    changes.Add(new VersionChange(a.Compilation, b.Compilation, set, change));
            }
            // Text changed between two releases that carry the same version: the changelog rules catch it.
            for (var i = 1; i < releases.Count; i++)
            {
                var a = releases[i - 1];
                var b = releases[i];
                if (a.Compilation.Set!.Find(id) is not { } x || b.Compilation.Set!.Find(id) is not { } y || x.Info.Version != y.Info.Version) continue;
                var set = PolicyDiffer.Compare(a.Compilation, b.Compilation, a.Label, b.Label, id);
                diagnostics.AddRange(Released(ReleaseChangelogCheck.Check(set, b.Compilation.Set), b, releases));
            }
        }
        foreach (var c in changes)
            diagnostics.AddRange(Released(ReleaseChangelogCheck.Check(c.Changes, c.New.Set!), releases.First(r => r.Compilation == c.New), releases));
        return new SiteHistory(archived, changes, [.. diagnostics.Distinct()]);
    }

    // The current content is work in progress, not a release: its changelog findings are warnings until it is tagged.
    private static IEnumerable<Diagnostic> Released(IEnumerable<Diagnostic> findings, Release release, IReadOnlyList<Release> releases) =>
        ReferenceEquals(release, releases[^1]) ? findings.Select(f => f with { Severity = Severity.Warning, Message = f.Message + " (not yet released)" }) : findings;
}
