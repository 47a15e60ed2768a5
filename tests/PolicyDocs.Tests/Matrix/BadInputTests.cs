using PolicyDocs.Model;
using Xunit;

namespace PolicyDocs.Tests.Matrix;

public sealed class BadInputTests
{
    private const string Good = "id: R-1\n  chapter: C\n  text: T.\n  kind: tactical\n  level: Medium\n  sections: [cps:6.2.1]\n  status: implemented\n";

    private static List<Diagnostic> Diagnose(string record, string? levels = null)
    {
        using var t = new TestPolicySet { Recommendations = "- " + record };
        if (levels is not null) t.PolicySet += "\nimpact_levels: " + levels + "\n";
        return TestPolicySet.Relevant(t.Compile());
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { Good.Replace("status:", "stauts:"), "PD0002", "Unknown key 'stauts' in a recommendation (did you mean 'status'?)" },
        { Good.Replace("[cps:6.2.1]", "cps:6.2.1"), "PD0003", "'sections' in a recommendation must be a list, not a text" },
        { Good.Replace("text: T.", "text: [T]"), "PD0003", "'text' in a recommendation must be a text, not a list" },
        { Good.Replace("level: Medium", "level: High Externl"), "PD0008", "'High Externl' is not on the impact-level scale (Medium < High Internal < High External) (did you mean 'High External'?)" },
        { Good.Replace("status: implemented", "status: implmented"), "PD0008", "'implmented' is not allowed for 'status': use one of implemented, partial, planned, not-applicable (did you mean 'implemented'?)" },
        { Good.Replace("kind: tactical", "kind: operational"), "PD0008", "'operational' is not allowed for 'kind'" },
        { Good.Replace("status: implemented", "status: not-applicable"), "PD0004", "Recommendation R-1 is not-applicable but has no 'justification'" },
        { Good.Replace("status: implemented", "status: planned"), "PD0004", "Recommendation R-1 is planned but has no 'due' date" },
        { Good.Replace("[cps:6.2.1]", "[\"cps 6.2.1\"]"), "PD0008", "'cps 6.2.1' is not a section reference: write the document id and the section number, e.g. cps:6.2.1" },
        { Good.Replace("[cps:6.2.1]", "[\"6.2.1\"]"), "PD0008", "'6.2.1' is not a section reference" },
        { Good.Replace("id: R-1", "id: R 1"), "PD0008", "'R 1' is not a valid recommendation id" },
        { Good.Replace("  level: Medium\n", ""), "PD0004", "A recommendation has no 'level'; it is required" },
        { Good + "  due: 31/12/2026\n", "PD0008", "'31/12/2026' is not a date for 'due'" },
        { Good + "- " + Good, "PD0005", "Duplicate id 'R-1' in data/recommendations.yaml" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_mistake_gets_a_precise_diagnostic(string record, string code, string message)
    {
        var d = Diagnose(record);
        Assert.Contains(d, x => x.Code == code && x.Message.Contains(message, StringComparison.Ordinal) && x.Severity == Severity.Error);
        Assert.All(d.Where(x => x.Code == code), x => Assert.EndsWith("data/recommendations.yaml", x.Span.Path));
    }

    [Fact]
    public void Level_must_be_on_a_custom_scale()
    {
        var d = Diagnose(Good, "[Low, Moderate, High]");
        var x = Assert.Single(d, x => x.Code == "PD0008" && x.Span.Path.EndsWith("recommendations.yaml", StringComparison.Ordinal));
        Assert.Contains("'Medium' is not on the impact-level scale (Low < Moderate < High)", x.Message);
        Assert.Equal(5, x.Span.Line);
    }

    [Fact]
    public void Recommendations_file_must_be_a_list()
    {
        var d = Diagnose(Good).Count; // sanity: the good record is clean
        Assert.Equal(0, d);
        using var t = new TestPolicySet { Recommendations = "id: R-1\ntext: T.\n" };
        var x = Assert.Single(TestPolicySet.Only(t.Compile(), "PD0003"));
        Assert.Contains("data/recommendations.yaml must be a list", x.Message);
    }
}
