using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary>The sample policy set in the repository's content/ folder checks clean.</summary>
public sealed class SampleSetTests
{
    [Fact]
    public void SampleSetChecksWithZeroErrors()
    {
        var content = Path.Combine(Run.RepoRoot(), "content");
        var c = Run.Compile(content);
        Assert.Null(c.Fatal);
        // While the sample is being written, a document may still lack whole components; every other
        // error counts now, and the test is skipped (not passed) until the sample is complete.
        var incomplete = c.Published!.Set.Documents
            .Where(d => Enumerable.Range(1, 9).Any(n => d.Find(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) is null))
            .Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var incompletePaths = incomplete.Select(id => "/documents/" + id + "/").ToList();
        var errors = c.Diagnostics
            .Where(d => d.Severity == PolicyDocs.Model.Severity.Error)
            .Where(d => !(d.Code == "PD0101" && incompletePaths.Any(p => d.Span.Path.Replace('\\', '/').Contains(p, StringComparison.Ordinal))))
            .Where(d => !(d.Code == "PD0201" && incomplete.Count > 0)) // references into sections not written yet
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.SkipWhen(incomplete.Count > 0, $"sample documents still incomplete: {string.Join(", ", incomplete.Order(StringComparer.Ordinal))}");
    }
}
