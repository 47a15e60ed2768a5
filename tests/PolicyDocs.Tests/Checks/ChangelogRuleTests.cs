using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary>The dated changelog rules within one version of a document (PD0150–PD0152).</summary>
public sealed class ChangelogRuleTests
{
    private static PolicySetBuilder WithRevisions(string version, params RevisionMeta[] revisions) =>
        PolicySetBuilder.Valid().WithDocument("cp", PolicySetBuilder.DefaultCp("cp") with { Version = version, Revisions = revisions });

    [Fact]
    public void Revisions_in_date_order_less_than_a_year_apart_ending_at_the_current_version_are_clean()
    {
        var c = Run.Compile(WithRevisions("1.1", new("1.0", "2025-03-01", "First."), new("1.1", "2026-01-01", "Second.")));
        Assert.Empty(c.Of("PD0150").Concat(c.Of("PD0151")).Concat(c.Of("PD0152")));
    }

    [Fact]
    public void Pd0150_a_revision_dated_before_the_one_it_follows()
    {
        var b = WithRevisions("1.1", new("1.0", "2026-01-01", "First."), new("1.1", "2025-12-01", "Second."));
        var d = Assert.Single(Run.Compile(b).Of("PD0150"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("Revision 1.1 is dated 2025-12-01, not after revision 1.0 (2026-01-01).", d.Message);
        Assert.Equal(b.LineOf("documents/cp/document.yaml", "  - version: \"1.1\""), d.Span.Line);
    }

    [Fact]
    public void Pd0150_two_revisions_on_the_same_day()
    {
        var b = WithRevisions("1.1", new("1.0", "2026-01-01", "First."), new("1.1", "2026-01-01", "Second."));
        Assert.Single(Run.Compile(b).Of("PD0150"));
    }

    [Fact]
    public void Pd0151_more_than_365_days_between_revisions_is_a_warning()
    {
        var b = WithRevisions("1.1", new("1.0", "2024-01-01", "First."), new("1.1", "2025-01-01", "Second."));
        var d = Assert.Single(Run.Compile(b).Of("PD0151"));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("366 days after revision 1.0", d.Message, StringComparison.Ordinal);
        Assert.Empty(Run.Compile(WithRevisions("1.1", new("1.0", "2025-01-01", "First."), new("1.1", "2026-01-01", "Second."))).Of("PD0151"));
    }

    [Fact]
    public void Pd0152_the_current_version_missing_from_the_revision_history()
    {
        var b = WithRevisions("1.2", new("1.0", "2025-03-01", "First."), new("1.1", "2026-01-01", "Second."));
        var d = Assert.Single(Run.Compile(b).Of("PD0152"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("Document 'cp' is version 1.2, but its latest revision entry is 1.1.", d.Message);
        Assert.EndsWith("documents/cp/document.yaml", d.Span.Path, StringComparison.Ordinal);
    }
}
