using PolicyDocs.Diff;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Publication;

namespace PolicyDocs.Versions;

/// <summary>A superseded version of a document, published under <c>&lt;doc-id&gt;/&lt;version&gt;/</c>.</summary>
/// <param name="Publication">The document as it was, as its outputs show it (its set is the release it comes from).</param>
internal sealed record ArchivedDocument(PublishedDocument Publication)
{
    /// <summary>The model document.</summary>
    public PolicyDocument Document => Publication.Document;

    /// <summary>Where its page is written.</summary>
    public string PagePath => SitePaths.ArchivedPage(Document.Id, Document.Info.VersionKey);
}

/// <summary>The changes of one document between two consecutive published versions.</summary>
/// <param name="Old">The older version as its outputs show it; null when the document is new.</param>
/// <param name="New">The newer version as its outputs show it; null when the document was removed.</param>
/// <param name="Changes">The change set, limited to this document.</param>
/// <param name="Change">This document's changes; each section change holds the old and new published sections it compares.</param>
internal sealed record VersionChange(PublishedDocument? Old, PublishedDocument? New, ChangeSet Changes, DocumentChange Change)
{
    /// <summary>The change of <paramref name="changes"/>' document <paramref name="change"/> between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static VersionChange Between(PublishedSet from, PublishedSet to, ChangeSet changes, DocumentChange change) =>
        new(from.Find(change.DocumentId), to.Find(change.DocumentId), changes, change);

    /// <summary>The set the older version belongs to (the newer one's when the document is new).</summary>
    public PublishedSet OldSet => (Old ?? New)!.Set;
    /// <summary>The set the newer version belongs to (the older one's when the document was removed).</summary>
    public PublishedSet NewSet => (New ?? Old)!.Set;
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
    /// <summary>The PDF of the Word redline.</summary>
    public string PdfPath => SitePaths.RedlinePdfDownload(DocumentId, FromVersion, ToVersion);
    /// <summary>The date of the commit the older version was read from (a git ref), if any.</summary>
    public DateOnly? FromCommitDate { get; init; }
    /// <summary>The date of the commit the newer version was read from (a git ref), if any.</summary>
    public DateOnly? ToCommitDate { get; init; }

    /// <summary>The newer version's date: <see cref="DateOf"/> its document and commit.</summary>
    public DateOnly? Date => DateOf(New, ToCommitDate);
    /// <summary>The older version's date, as <see cref="Date"/>.</summary>
    public DateOnly? OldDate => DateOf(Old, FromCommitDate);

    /// <summary>
    /// The date a version is known by: its effective date, else the latest date of its revision table, else the date
    /// the document states for itself (front matter <c>date</c>), else the date of the commit it was read from; null
    /// only for a version that states no date and is not a git ref.
    /// </summary>
    public static DateOnly? DateOf(PublishedDocument? document, DateOnly? commitDate) =>
        document?.Cover.EffectiveDate ?? (document is { Revisions.IsEmpty: false } d ? d.Revisions.Max(r => r.Date) : (DateOnly?)null) ?? document?.Cover.Date ?? commitDate;
}

/// <summary>
/// The release history a build publishes: every superseded document version of the declared releases, and the
/// changes between consecutive versions of each document. Consecutive releases are held to the changelog rules.
/// </summary>
/// <param name="Archived">Superseded versions, by document then version order.</param>
/// <param name="Changes">Changes between consecutive versions, oldest first per document.</param>
/// <param name="Diagnostics">Changelog findings between releases (errors fail the build).</param>
internal sealed record SiteHistory(IReadOnlyList<ArchivedDocument> Archived, IReadOnlyList<VersionChange> Changes, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>No history: only the current version is published.</summary>
    public static SiteHistory Empty { get; } = new([], [], []);

    /// <summary>Builds the history of <paramref name="releases"/> (oldest first, the current content last).</summary>
    public static SiteHistory From(IReadOnlyList<Release> releases)
    {
        if (releases.Count <= 1) return Empty;
        var current = releases[^1].Published;
        var archived = new List<ArchivedDocument>();
        var changes = new List<VersionChange>();
        var diagnostics = new List<Diagnostic>();
        var ids = releases.SelectMany(r => r.Published.Documents.Select(d => d.Id)).Distinct().ToList();
        foreach (var id in ids)
        {
            // Each version once, from the latest release that has it, in order of first appearance.
            var order = new List<string>();
            var byVersion = new Dictionary<string, Release>(StringComparer.Ordinal);
            foreach (var r in releases)
            {
                if (r.Published.Find(id) is not { } doc) continue;
                var key = doc.Document.Info.VersionKey;
                if (!byVersion.ContainsKey(key)) order.Add(key);
                byVersion[key] = r;
            }
            var currentVersion = current.Find(id)?.Document.Info.VersionKey;
            foreach (var v in order.Where(v => v != currentVersion))
                archived.Add(new ArchivedDocument(byVersion[v].Published.Find(id)!));
            for (var i = 1; i < order.Count; i++)
            {
                var a = byVersion[order[i - 1]];
                var b = byVersion[order[i]];
                var set = PolicyDiffer.Compare(a.Published, b.Published, a.Label, b.Label, id);
                var change = set.Documents.FirstOrDefault(d => d.DocumentId == id);
                if (change is { Kind: ChangeKind.Modified })
                    changes.Add(VersionChange.Between(a.Published, b.Published, set, change) with { FromCommitDate = a.CommitDate, ToCommitDate = b.CommitDate });
            }
            // Text changed between two releases that carry the same version: the changelog rules catch it.
            for (var i = 1; i < releases.Count; i++)
            {
                var a = releases[i - 1];
                var b = releases[i];
                if (a.Published.Find(id) is not { } x || b.Published.Find(id) is not { } y || x.Cover.Version != y.Cover.Version) continue;
                var set = PolicyDiffer.Compare(a.Published, b.Published, a.Label, b.Label, id);
                diagnostics.AddRange(Released(ReleaseChangelogCheck.Check(set, b.Published.Set), b, releases));
            }
        }
        foreach (var c in changes)
            diagnostics.AddRange(Released(ReleaseChangelogCheck.Check(c.Changes, c.NewSet.Set), releases.First(r => r.Published == c.NewSet), releases));
        return new SiteHistory(archived, changes, [.. diagnostics.Distinct()]);
    }

    // The current content is work in progress, not a release: its changelog findings are warnings until it is tagged.
    private static IEnumerable<Diagnostic> Released(IEnumerable<Diagnostic> findings, Release release, IReadOnlyList<Release> releases) =>
        ReferenceEquals(release, releases[^1]) ? findings.Select(f => f with { Severity = Severity.Warning, Message = f.Message + " (not yet released)" }) : findings;
}
