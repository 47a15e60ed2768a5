using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Publication;

namespace PolicyDocs.Versions;

/// <summary>A published version of the policy set: its label (a git tag, or "current") and its publication.</summary>
/// <param name="Label">The git tag, or "current".</param>
/// <param name="Published">Its publication.</param>
/// <param name="CommitDate">The date of the tagged commit; null for the current content, which is not a commit.</param>
internal sealed record Release(string Label, PublishedSet Published, DateOnly? CommitDate = null);

/// <summary>
/// The versions a build publishes: every git tag matching policyset.yaml's <c>releases.tags</c>, in version order,
/// followed by the current content. Each is compiled like any content; tags are read without touching the working tree.
/// </summary>
internal static class ReleaseHistory
{
    /// <summary>The releases of <paramref name="current"/> (always last). Problems become warnings at policyset.yaml.</summary>
    public static IReadOnlyList<Release> Load(PublishedSet current, string contentPath, DiagnosticBag diagnostics)
    {
        var set = current.Set;
        var releases = new List<Release>();
        var pattern = set.Info.Releases.TagPattern;
        if (pattern is not null)
        {
            var repo = VersionSource.RepositoryOf(contentPath);
            if (repo is null)
            {
                diagnostics.Add(Rules.ReleaseUnavailable, set.Info.Span, $"releases.tags is set, but {contentPath} is not in a git repository; only the current version is published.");
            }
            else
            {
                foreach (var tag in VersionSource.Tags(repo, pattern))
                {
                    var r = VersionSource.Resolve(tag, contentPath);
                    if (r.Version is null)
                    {
                        diagnostics.Add(Rules.ReleaseUnavailable, set.Info.Span, $"Release {tag} cannot be read: {r.Error}");
                        continue;
                    }
                    using var version = r.Version;
                    var compilation = PolicyCompiler.Compile(version.ContentPath, null, version.DisplayPath);
                    if (compilation.Published is null || compilation.ErrorCount > 0)
                    {
                        diagnostics.Add(Rules.ReleaseUnavailable, set.Info.Span,
                            $"Release {tag} does not compile ({compilation.Fatal ?? compilation.ErrorCount + " errors"}); it is left out of the release history.");
                        continue;
                    }
                    releases.Add(new Release(tag, compilation.Published, version.CommitDate));
                }
            }
        }
        releases.Add(new Release("current", current));
        return releases;
    }
}
