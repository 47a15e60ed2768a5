using PolicyDocs.Model;
using PolicyDocs.Tests.Matrix;
using Xunit;

namespace PolicyDocs.Tests.Checks;

public sealed class GovernanceTests
{
    [Fact]
    public void Approved_versions_with_matching_approvals_and_quorum_pass()
    {
        using var t = new TestPolicySet();
        t.PolicySet += "\ngovernance:\n  quorum: 3\n";
        var c = t.Compile();
        Assert.Empty(TestPolicySet.Relevant(c));
        var a = Assert.Single(c.Published!.Set.Data.Approvals);
        Assert.Equal((3, 0, 0, 3), (a.Votes!.For, a.Votes.Against, a.Votes.Abstain, a.MembersPresent!.Value));
        Assert.Equal(3, c.Published!.Set.Info.Governance.Quorum);
    }

    [Fact]
    public void An_approved_version_without_an_approval_record_is_an_error()
    {
        using var t = new TestPolicySet { CpMeta = TestPolicySet.Meta("cp", "root, internal", null) };
        t.Approvals = t.Approvals!.Replace("    - { document: cp, version: \"1.0\" }\n", "", StringComparison.Ordinal);
        var c = t.Compile();
        var d = Assert.Single(TestPolicySet.Only(c, "PD0604"));
        Assert.Contains("Document 'cp' version 1.0 is approved, but no decision in data/approvals.yaml approves cp 1.0", d.Message);
        Assert.EndsWith("documents/cp/document.yaml", d.Span.Path);
        Assert.Empty(TestPolicySet.Only(c, "PD0608")); // not reported twice
    }

    [Fact]
    public void A_draft_needs_no_approval()
    {
        using var t = new TestPolicySet { CpMeta = TestPolicySet.Meta("cp", "root, internal", null, status: "draft") };
        Assert.Empty(TestPolicySet.Only(t.Compile(), "PD0604", "PD0605", "PD0608"));
    }

    [Fact]
    public void A_revision_citing_an_approval_of_another_version_is_an_error()
    {
        using var t = new TestPolicySet();
        t.Approvals = t.Approvals!.Replace("{ document: cps, version: \"1.0\" }", "{ document: cps, version: \"0.9\" }", StringComparison.Ordinal);
        var c = t.Compile();
        var mismatch = Assert.Single(TestPolicySet.Only(c, "PD0605"));
        Assert.Contains("Revision 1.0 of 'cps' cites approval 'pa-1', which does not approve cps 1.0 (it approves cp 1.0, cps 0.9)", mismatch.Message);
        Assert.Single(TestPolicySet.Only(c, "PD0604"));
    }

    [Fact]
    public void A_revision_of_an_approved_document_that_cites_no_approval_is_a_warning()
    {
        using var t = new TestPolicySet { CpMeta = TestPolicySet.Meta("cp", "root, internal", null) };
        var d = Assert.Single(TestPolicySet.Only(t.Compile(), "PD0608"));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("Revision 1.0 of 'cp' cites no approval", d.Message);
    }

    [Theory]
    [InlineData("members_present: 2", "with 2 voting members present; the quorum is 3")]
    [InlineData("members_present: [Alice, Bob]", "with 2 voting members present; the quorum is 3")]
    [InlineData("members_present: ~", "with 3 voting members present")]
    public void A_vote_without_quorum_is_an_error(string present, string message)
    {
        using var t = new TestPolicySet();
        t.PolicySet += "\ngovernance:\n  quorum: " + (present.EndsWith('~') ? "4" : "3") + "\n";
        t.Approvals = t.Approvals!.Replace("members_present: 3", present, StringComparison.Ordinal);
        var d = Assert.Single(TestPolicySet.Only(t.Compile(), "PD0606"));
        Assert.Contains(message, d.Message);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void Quorum_cannot_be_shown_without_votes_or_members_present()
    {
        using var t = new TestPolicySet();
        t.PolicySet += "\ngovernance:\n  quorum: 2\n";
        t.Approvals = t.Approvals!.Replace("  votes: { for: 3, against: 0, abstain: 0 }\n  members_present: 3\n", "", StringComparison.Ordinal);
        var d = Assert.Single(TestPolicySet.Only(t.Compile(), "PD0606"));
        Assert.Contains("records neither members_present nor votes", d.Message);
    }

    [Fact]
    public void Without_a_quorum_setting_no_quorum_is_checked()
    {
        using var t = new TestPolicySet();
        t.Approvals = t.Approvals!.Replace("members_present: 3", "members_present: 3\n  members: [A]", StringComparison.Ordinal)
            .Replace("  members: [Alice, Bob, Carol]\n", "", StringComparison.Ordinal)
            .Replace("  votes: { for: 3, against: 0, abstain: 0 }\n", "", StringComparison.Ordinal);
        Assert.Empty(TestPolicySet.Relevant(t.Compile()));
    }

    [Theory]
    [InlineData("{ for: 1, against: 1, abstain: 1 }", "records 1 for and 1 against: the vote did not carry")]
    [InlineData("{ for: 3, against: 1, abstain: 0 }", "records 4 votes but only 3 voting members present")]
    public void Votes_must_carry_and_add_up(string votes, string message)
    {
        using var t = new TestPolicySet();
        t.Approvals = t.Approvals!.Replace("{ for: 3, against: 0, abstain: 0 }", votes, StringComparison.Ordinal);
        var d = Assert.Single(TestPolicySet.Only(t.Compile(), "PD0607"));
        Assert.Contains(message, d.Message);
    }

    [Theory]
    [InlineData("governance:\n  quorum: 0\n", "PD0008", "The quorum must be at least 1")]
    [InlineData("governance:\n  quorom: 3\n", "PD0002", "Unknown key 'quorom' in the governance settings (did you mean 'quorum'?)")]
    public void Bad_governance_settings_are_reported(string yaml, string code, string message)
    {
        using var t = new TestPolicySet();
        t.PolicySet += "\n" + yaml;
        Assert.Contains(TestPolicySet.Only(t.Compile(), code), d => d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("votes: { for: 3, against: 0, abstain: 0 }", "votes: { for: 3, agains: 0 }", "PD0002", "Unknown key 'agains' in the votes of an approval (did you mean 'against'?)")]
    [InlineData("members_present: 3", "members_present: three", "PD0003", "'members_present' in an approval must be a whole number or a list of names")]
    [InlineData("votes: { for: 3, against: 0, abstain: 0 }", "votes: { for: -1 }", "PD0008", "Vote counts cannot be negative")]
    public void Bad_vote_records_are_reported(string from, string to, string code, string message)
    {
        using var t = new TestPolicySet();
        t.Approvals = t.Approvals!.Replace(from, to, StringComparison.Ordinal);
        Assert.Contains(TestPolicySet.Only(t.Compile(), code), d => d.Message.Contains(message, StringComparison.Ordinal));
    }
}
