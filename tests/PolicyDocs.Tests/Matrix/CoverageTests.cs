using PolicyDocs.Matrix;
using PolicyDocs.Model.Data;
using Xunit;

namespace PolicyDocs.Tests.Matrix;

public sealed class CoverageTests
{
    [Fact]
    public void Default_scale_orders_levels_and_applies_lower_levels_to_higher_cas()
    {
        using var t = new TestPolicySet();
        var c = t.Compile();
        Assert.Empty(TestPolicySet.Relevant(c));
        var m = c.Published!.Matrix;
        Assert.Equal(["Medium", "High Internal", "High External"], m.Levels);
        var key = m.Rows.Single(r => r.Recommendation.Id == "KEY-01");
        var proc = m.Rows.Single(r => r.Recommendation.Id == "PROC-01");
        Assert.Equal(0, key.Recommendation.LevelRank);
        Assert.Equal(2, proc.Recommendation.LevelRank);
        // root is High External: both apply. internal is Medium: only the Medium one.
        Assert.Equal(CoverageState.Implemented, key.Cells[0].State);
        Assert.Equal(CoverageState.Implemented, key.Cells[1].State);
        Assert.Equal(CoverageState.Implemented, proc.Cells[0].State);
        Assert.Equal(CoverageState.NotRequired, proc.Cells[1].State);
        Assert.Equal(["cps:6.2.1"], key.Cells[0].Where.Select(s => s.ToString()));
        var coverage = m.Coverage();
        Assert.Equal((2, 2, 100), (coverage[0].Applicable, coverage[0].Addressed, coverage[0].Percent));
        Assert.Equal((1, 1), (coverage[1].Applicable, coverage[1].Addressed));
    }

    [Fact]
    public void Custom_low_moderate_high_scale_works_unchanged()
    {
        using var t = new TestPolicySet
        {
            PolicySet = "name: T\npublisher:\n  name: PA\nimpact_levels: [Low, Moderate, High]\n",
            Cas = "- id: root\n  name: R\n  type: root\n  operation: offline\n  level: Moderate\n",
            Recommendations = """
                - { id: A-1, chapter: C, text: Low one., kind: tactical, level: Low, sections: [cps:6.2.1], status: implemented }
                - { id: A-2, chapter: C, text: Moderate one., kind: tactical, level: Moderate, sections: [cps:6.2.2], status: partial }
                - { id: A-3, chapter: C, text: High one., kind: strategic, level: High, status: planned, due: 2027-01-01 }
                """,
            CpMeta = TestPolicySet.Meta("cp", "root", "pa-1"),
            CpsMeta = TestPolicySet.Meta("cps", "root", "pa-1"),
        };
        var c = t.Compile();
        Assert.Empty(TestPolicySet.Relevant(c));
        var states = c.Published!.Matrix.Rows.Select(r => r.Cells[0].State).ToList();
        Assert.Equal([CoverageState.Implemented, CoverageState.Partial, CoverageState.NotRequired], states);
        Assert.Equal([0, 1, 2], c.Published!.Matrix.Rows.Select(r => r.Recommendation.LevelRank));
    }

    [Fact]
    public void Removing_the_section_mapping_of_an_applicable_recommendation_is_a_gap_naming_both()
    {
        using var t = new TestPolicySet();
        t.Recommendations = t.Recommendations.Replace("  sections: [cps:6.2.1]\n", "", StringComparison.Ordinal);
        var c = t.Compile();
        var gaps = TestPolicySet.Only(c, "PD0601");
        Assert.Equal(2, gaps.Count); // KEY-01 is Medium: applies to root and internal
        Assert.All(gaps, g => Assert.Contains("KEY-01", g.Message));
        Assert.Contains(gaps, g => g.Message.Contains("CA 'root'"));
        Assert.Contains(gaps, g => g.Message.Contains("CA 'internal'"));
        Assert.All(gaps, g => Assert.Equal(PolicyDocs.Model.Severity.Error, g.Severity));
        Assert.All(gaps, g => Assert.EndsWith("recommendations.yaml", g.Span.Path));
        Assert.All(gaps, g => Assert.Equal(1, g.Span.Line));
        Assert.True(c.ErrorCount > 0);
    }

    [Fact]
    public void A_section_in_a_document_that_does_not_apply_to_the_ca_does_not_address_it()
    {
        using var t = new TestPolicySet { CpsMeta = TestPolicySet.Meta("cps", "root", "pa-1") };
        var c = t.Compile();
        var gap = Assert.Single(TestPolicySet.Only(c, "PD0601"));
        Assert.Contains("KEY-01", gap.Message);
        Assert.Contains("CA 'internal'", gap.Message);
        Assert.Contains("(cp)", gap.Message);
    }

    [Fact]
    public void Not_applicable_with_justification_addresses_it()
    {
        using var t = new TestPolicySet
        {
            Recommendations = "- { id: X-1, chapter: C, text: T., kind: tactical, level: Medium, status: not-applicable, justification: No such keys. }\n",
        };
        var c = t.Compile();
        Assert.Empty(TestPolicySet.Relevant(c));
        Assert.All(c.Published!.Matrix.Rows.Single().Cells, cell => Assert.Equal(CoverageState.NotApplicable, cell.State));
    }

    [Theory]
    [InlineData("cps:9.9.9", "has no section 9.9.9")]
    [InlineData("cpx:6.2.1", "there is no document 'cpx' (did you mean 'cp'?)")]
    public void A_reference_to_a_missing_section_or_document_is_an_error(string reference, string message)
    {
        using var t = new TestPolicySet();
        t.Recommendations = t.Recommendations.Replace("[cps:6.2.1]", $"[cps:6.2.1, {reference}]", StringComparison.Ordinal);
        var c = t.Compile();
        var d = Assert.Single(TestPolicySet.Only(c, "PD0602"));
        Assert.Contains(message, d.Message);
        Assert.Equal(PolicyDocs.Model.Severity.Error, d.Severity);
        Assert.Equal(6, d.Span.Line);
        Assert.Empty(TestPolicySet.Only(c, "PD0601"));
    }

    [Theory]
    [InlineData("2026-01-31", true)]
    [InlineData("2026-02-01", false)]
    [InlineData("2026-12-31", false)]
    public void Planned_item_due_before_the_effective_date_of_its_documents_is_overdue(string due, bool overdue)
    {
        using var t = new TestPolicySet
        {
            Recommendations = $"- {{ id: P-1, chapter: C, text: T., kind: tactical, level: Medium, sections: [cps:6.2.1], status: planned, due: {due} }}\n",
        };
        var c = t.Compile();
        var d = TestPolicySet.Only(c, "PD0603");
        Assert.Equal(overdue ? 1 : 0, d.Count);
        if (overdue)
        {
            Assert.Equal(PolicyDocs.Model.Severity.Warning, d[0].Severity);
            Assert.Contains("P-1", d[0].Message);
            Assert.Contains("2026-02-01", d[0].Message);
        }
        Assert.Empty(TestPolicySet.Only(c, "PD0601"));
        Assert.Equal(CoverageState.Planned, c.Published!.Matrix.Rows.Single().Cells[0].State);
    }

    [Fact]
    public void Section_index_lists_the_recommendations_each_section_addresses()
    {
        using var t = new TestPolicySet();
        var c = t.Compile();
        Assert.Equal(["KEY-01"], c.Published!.Recommendations.For("cps", "6.2.1").Select(r => r.Id));
        Assert.Equal(["PROC-01"], c.Published!.Recommendations.For("cp", "1.1").Select(r => r.Id));
        Assert.Empty(c.Published!.Recommendations.For("cps", "6.2.2"));
    }

    [Fact]
    public void Rec_cross_references_resolve_against_the_typed_records()
    {
        using var t = new TestPolicySet();
        t.CpsBody = t.CpsBody.Replace("CA keys are kept in HSMs.", "See [[rec:KEY-01]] and [[rec:KEY-02]].", StringComparison.Ordinal);
        var c = t.Compile();
        var d = Assert.Single(TestPolicySet.Only(c, "PD0201"));
        Assert.Contains("no recommendation 'KEY-02' (did you mean 'KEY-01'?)", d.Message);
    }

    [Fact]
    public void Record_keeps_every_field()
    {
        using var t = new TestPolicySet
        {
            Recommendations = """
                - id: P-1
                  chapter: Monitoring
                  text: Review logs.
                  kind: tactical
                  level: High Internal
                  sections: [cps:6.2.1, cp:1.1]
                  status: planned
                  owner: Ops
                  due: 2026-06-30
                """,
        };
        var rec = Assert.Single(t.Compile().Published!.Set.Data.Recommendations);
        Assert.Equal(("P-1", "Monitoring", "Review logs.", RecommendationKind.Tactical, "High Internal", 1), (rec.Id, rec.Chapter, rec.Text, rec.Kind, rec.Level, rec.LevelRank));
        Assert.Equal(["cps:6.2.1", "cp:1.1"], rec.Sections.Select(s => s.ToString()));
        Assert.Equal((RecommendationStatus.Planned, "Ops", new DateOnly(2026, 6, 30)), (rec.Status, rec.Owner, rec.Due!.Value));
    }
}
