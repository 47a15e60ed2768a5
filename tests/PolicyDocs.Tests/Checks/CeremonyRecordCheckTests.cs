using PolicyDocs.Model;

using Xunit;

namespace PolicyDocs.Tests.Checks;

public sealed class CeremonyRecordCheckTests
{
    private const string RecordPath = "ceremonies/root-key.record.yaml";

    private static RolesFixture WithRecord(string? record = null) => new RolesFixture().With(RecordPath, record ?? RolesFixture.Record);

    private static List<Diagnostic> RecordDiagnostics(RolesFixture f) =>
        [.. f.Compile().Diagnostics.Where(x => x.Span.Path.EndsWith(RecordPath, StringComparison.Ordinal))];

    [Fact]
    public void Complete_record_is_clean_and_attached_to_its_script()
    {
        using var f = WithRecord();
        var c = f.Compile();
        Assert.Empty(RolesFixture.Relevant(c));
        var record = c.Published!.Set.Ceremonies.Single().Record;
        Assert.NotNull(record);
        Assert.Equal(new DateOnly(2026, 3, 11), record.ActualDate);
        Assert.Equal(5, record.Participants.Length);
        Assert.True(record.Steps.Single(s => s.Step == "2.2").Deviated);
    }

    [Fact]
    public void Deviated_step_without_explanation_is_an_error_at_the_step()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "\ndeviations:\n  - step: \"2.2\"\n    explanation: The first attempt timed out; the key was generated at the second attempt.", "");
        var d = Assert.Single(RecordDiagnostics(f));
        Assert.Equal("PD0523", d.Code);
        Assert.Equal(f.LineOf(RecordPath, "step: \"2.2\""), d.Span.Line);
    }

    [Fact]
    public void Deviation_with_empty_explanation_is_an_error()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "    explanation: The first attempt timed out; the key was generated at the second attempt.", "    explanation: \"\"");
        var codes = RecordDiagnostics(f).Select(x => x.Code).ToList();
        Assert.Equal(["PD0523", "PD0523"], codes); // the step, and the deviation entry
    }

    [Fact]
    public void Unknown_step_id_is_an_error()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "- step: \"2.2\"\n    explanation:", "- step: \"9.9\"\n    explanation:");
        var diags = RecordDiagnostics(f);
        Assert.Contains(diags, x => x.Code == "PD0521" && x.Span.Line == f.LineOf(RecordPath, "step: \"9.9\""));
        Assert.Contains(diags, x => x.Code == "PD0523"); // 2.2 is now unexplained
    }

    [Fact]
    public void Every_step_must_be_accounted_for()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "  - { step: \"2.1\", time: \"09:10\", operator: PS, witness: RA }\n", "");
        var d = Assert.Single(RecordDiagnostics(f));
        Assert.Equal("PD0522", d.Code);
        Assert.Contains("Step 2.1", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Performed_step_needs_time_and_both_initials()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "{ step: \"1.1\", time: \"09:00\", operator: HP, witness: RA }", "{ step: \"1.1\", operator: HP }");
        var d = Assert.Single(RecordDiagnostics(f));
        Assert.Equal("PD0526", d.Code);
        Assert.Contains("time, witness", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_must_hold_the_actor_role_and_witness_the_witness_role()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "{ step: \"2.1\", time: \"09:10\", operator: PS, witness: RA }", "{ step: \"2.1\", time: \"09:10\", operator: HP, witness: XX }");
        var diags = RecordDiagnostics(f);
        Assert.Equal(2, diags.Count(x => x.Code == "PD0524"));
        Assert.Contains(diags, x => x.Message.Contains("must hold role 'key-custodian'", StringComparison.Ordinal));
        Assert.Contains(diags, x => x.Message.Contains("'XX'", StringComparison.Ordinal));
    }

    [Fact]
    public void Participant_in_a_role_not_in_the_script_is_an_error()
    {
        using var f = WithRecord();
        f.Edit("data/roles.yaml", "- id: internal-auditor", "- id: backup-operator\n  name: Backup Operator\n  auditor: false\n  incompatible: [internal-auditor]\n- id: internal-auditor");
        f.Edit("data/roles.yaml", "incompatible: [security-officer, ca-administrator, key-custodian]", "incompatible: [security-officer, ca-administrator, key-custodian, backup-operator]");
        f.Edit(RecordPath, "role: ca-administrator, initials: DO", "role: backup-operator, initials: DO");
        var diags = RecordDiagnostics(f);
        Assert.Contains(diags, x => x.Code == "PD0525" && x.Span.Line == f.LineOf(RecordPath, "backup-operator"));
    }

    [Fact]
    public void Bag_not_in_the_script_is_a_warning()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "serial: TEB-2,", "serial: TEB-3,");
        var d = Assert.Single(RecordDiagnostics(f));
        Assert.Equal(("PD0527", Severity.Warning), (d.Code, d.Severity));
    }

    [Fact]
    public void Record_without_script_is_an_error()
    {
        using var f = new RolesFixture().With("ceremonies/root-kee.record.yaml", RolesFixture.Record);
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0520");
        Assert.Contains("root-key", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_loading_errors_are_reported_with_spans()
    {
        using var f = WithRecord();
        f.Edit(RecordPath, "time: \"09:00\"", "time: \"9 o'clock\"");
        f.Edit(RecordPath, "actual_date: 2026-03-11", "actual_date: 2026-03-11\nsigned_by: HP");
        var diags = RecordDiagnostics(f);
        Assert.Contains(diags, x => x.Code == "PD0008" && x.Span.Line == f.LineOf(RecordPath, "9 o'clock"));
        Assert.Contains(diags, x => x.Code == "PD0002" && x.Span.Line == f.LineOf(RecordPath, "signed_by"));
    }
}
