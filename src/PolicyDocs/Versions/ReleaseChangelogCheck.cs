using PolicyDocs.Checks;
using PolicyDocs.Diff;
using PolicyDocs.Model;

namespace PolicyDocs.Versions;

/// <summary>The changelog rules between two releases: changed text needs a new version and a new revision entry.</summary>
internal static class ReleaseChangelogCheck
{
    /// <summary>Checks a release against the previous one: changed text needs a new version and a new revision entry.</summary>
    public static IReadOnlyList<Diagnostic> Check(ChangeSet changes, PolicySet newSet)
    {
        var result = new List<Diagnostic>();
        foreach (var c in changes.Documents)
        {
            if (c.Kind != ChangeKind.Modified || c.Sections.Count == 0) continue;
            var doc = newSet.Find(c.DocumentId);
            if (doc is null) continue;
            if (c.FromVersion == c.ToVersion || !ChangelogCheck.IsGreater(c.ToVersion, c.FromVersion))
                result.Add(Rules.VersionNotIncremented.At(doc.Info.Span,
                    $"The text of '{doc.Id}' changed in {c.Sections.Count} section{(c.Sections.Count == 1 ? "" : "s")} between {changes.From} and {changes.To}, but its version went from {c.FromVersion} to {c.ToVersion}."));
            if (!c.Metadata.Any(m => m.Field == "revisions"))
                result.Add(Rules.MissingChangelogEntry.At(doc.Info.Span,
                    $"The text of '{doc.Id}' changed between {changes.From} and {changes.To}, but its revision history has no new entry."));
        }
        return result;
    }
}
