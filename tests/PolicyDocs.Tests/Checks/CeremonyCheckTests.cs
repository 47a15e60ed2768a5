using System.Collections.Immutable;
using PolicyDocs.Checks;
using PolicyDocs.Cli;
using PolicyDocs.Model;
using PolicyDocs.Model.Ceremonies;
using PolicyDocs.Model.Data;

using Xunit;

namespace PolicyDocs.Tests.Checks;

public sealed class CeremonyCheckTests
{
    private const string Path = "ceremonies/root-key.yaml";

    private static Diagnostic Only(RolesFixture f, string code)
    {
        var c = f.Compile();
        return Assert.Single(c.Diagnostics, x => x.Code == code);
    }

    [Fact]
    public void Ceremony_is_loaded_into_the_model()
    {
        using var f = new RolesFixture();
        var set = f.Compile().Published!.Set;
        var c = Assert.Single(set.Ceremonies);
        Assert.Equal("root-key", c.Id);
        Assert.Equal(new DateOnly(2026, 3, 10), c.PlannedDate);
        Assert.Equal(["Preparation", "Key generation"], c.Phases.Select(p => p.Name));
        Assert.Equal(["1.1", "2.1", "2.2"], c.Steps.Select(s => s.Id));
        Assert.Equal("ca-key-generation", c.Steps.Last().Task);
        Assert.Equal(2, c.Roles.Single(r => r.Role == "key-custodian").Count);
        Assert.True(c.Materials[0].InspectForTampering);
        Assert.Same(set.Data.Ceremonies[0], c);
    }

    [Fact]
    public void Dropping_the_witness_makes_check_fail_at_the_witness_line()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "  - role: internal-auditor\n    names: [Ruth Adams]\n", "");
        var (exit, stdout, stderr) = Tests.Support.Run.Cli("check", "--content", f.Write());
        Assert.Equal(1, exit);
        var line = f.LineOf(Path, "witness: internal-auditor");
        var output = stdout + stderr;
        Assert.Contains($"ceremonies/root-key.yaml:{line}:", output, StringComparison.Ordinal);
        Assert.Contains("error PD0511", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ceremony_without_a_witness_key_is_an_error()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "witness: internal-auditor\n", "");
        var d = Only(f, "PD0511");
        Assert.EndsWith(Path, d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(1, d.Span.Line);
    }

    [Fact]
    public void Step_actor_not_present_is_an_error_at_the_actor()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "actor: security-officer\n        action: Open", "actor: internal-auditor\n        action: Open");
        f.Edit(Path, "witness: internal-auditor", "witness: security-officer");
        f.Edit(Path, "  - role: internal-auditor\n    names: [Ruth Adams]\n", "");
        var d = Only(f, "PD0510");
        Assert.Equal(f.LineOf(Path, "actor: internal-auditor"), d.Span.Line);
    }

    [Fact]
    public void Key_generation_needs_its_required_roles()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "  - role: security-officer\n    names: [Helen Park]\n", "");
        f.Edit(Path, "actor: security-officer\n        action: Open", "actor: ca-administrator\n        action: Open");
        f.Edit(Path, "custodian: security-officer", "custodian: ca-administrator");
        var errors = f.Compile().Diagnostics.Where(x => x.Code == "PD0513").ToList();
        Assert.Equal(2, errors.Count); // steps 2.1 and 2.2 both perform ca-key-generation
        Assert.All(errors, e => Assert.Contains("'security-officer'", e.Message, StringComparison.Ordinal));
        Assert.Equal(f.LineOf(Path, "task: ca-key-generation"), errors[0].Span.Line);
    }

    [Fact]
    public void Key_activation_needs_its_number_of_persons()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "    count: 2\n    names: [Priya Shah, Tom Reilly]\n", "    names: [Priya Shah]\n");
        f.Edit(Path, "artifacts:", "  - name: Activation\n    steps:\n      - id: \"3.1\"\n        actor: key-custodian\n        action: Activate.\n        expected: Active.\n        task: ca-key-activation\nartifacts:");
        var d = Only(f, "PD0512");
        Assert.Equal(f.LineOf(Path, "task: ca-key-activation"), d.Span.Line);
        Assert.Contains("needs 2 persons", d.Message, StringComparison.Ordinal);
        Assert.Contains("1 is present", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_must_be_allowed_to_take_part_in_the_task()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "actor: key-custodian\n        action: Present", "actor: internal-auditor\n        action: Present");
        var d = Only(f, "PD0514");
        Assert.Equal(f.LineOf(Path, "actor: internal-auditor"), d.Span.Line);
    }

    [Fact]
    public void Same_person_in_incompatible_roles_is_an_error()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "names: [Priya Shah, Tom Reilly]", "names: [Priya Shah, Helen Park]");
        var d = Only(f, "PD0516");
        Assert.Contains("Helen Park", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_must_match_the_count()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "names: [Priya Shah, Tom Reilly]", "names: [Priya Shah]");
        Only(f, "PD0515");
    }

    [Fact]
    public void Unknown_roles_tasks_and_cas_are_errors()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "ca: root", "ca: roott");
        f.Edit(Path, "custodian: security-officer", "custodian: security-oficer");
        var errors = f.Compile().Diagnostics.Where(x => x.Code == "PD0010" && x.Span.Path.EndsWith(Path, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("did you mean 'root'", StringComparison.Ordinal) || e.Message.Contains("'root'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("security-oficer", StringComparison.Ordinal));
    }

    [Fact]
    public void Loading_errors_unknown_key_wrong_type_bad_date()
    {
        using var f = new RolesFixture();
        f.Edit(Path, "    expected: Everyone present.", "    expeted: Everyone present.");
        f.Edit(Path, "planned_date: 2026-03-10", "planned_date: 10/03/2026");
        f.Edit(Path, "materials:\n", "materials: HSM\nunused:\n");
        var diags = f.Compile().Diagnostics.Where(x => x.Span.Path.EndsWith(Path, StringComparison.Ordinal)).ToList();
        var unknown = diags.Where(x => x.Code == "PD0002").ToList();
        Assert.Contains(unknown, x => x.Message.Contains("'expeted'", StringComparison.Ordinal) && x.Message.Contains("expected", StringComparison.Ordinal)
            && x.Span.Line == f.LineOf(Path, "expeted:"));
        Assert.Contains(diags, x => x.Code == "PD0004" && x.Message.Contains("'expected'", StringComparison.Ordinal));
        Assert.Contains(diags, x => x.Code == "PD0008" && x.Span.Line == f.LineOf(Path, "planned_date:"));
        Assert.Contains(diags, x => x.Code == "PD0003" && x.Span.Line == f.LineOf(Path, "materials: HSM"));
    }

    [Fact]
    public void Malformed_ceremony_yaml_is_a_syntax_error_not_an_exception()
    {
        using var f = new RolesFixture();
        f.With(Path, "purpose: [unclosed\n");
        var c = f.Compile();
        Assert.Contains(c.Diagnostics, x => x.Code == "PD0001" && x.Span.Path.EndsWith(Path, StringComparison.Ordinal));
        Assert.Empty(c.Published!.Set.Ceremonies);
    }

    [Fact]
    public void Auditors_do_not_count_toward_a_task_unless_it_is_an_audit_function()
    {
        var roles = new Dictionary<string, RoleRecord>
        {
            ["ops"] = new("ops", "Operator", [], ["aud"], false, default),
            ["aud"] = new("aud", "Auditor", [], ["ops"], true, default),
        };
        var present = new Dictionary<string, CeremonyRole>
        {
            ["ops"] = new("ops", 1, [], default),
            ["aud"] = new("aud", 2, [], default),
        };
        var task = new TaskRecord("t", "T", 2, ["ops", "aud"], [], null, default);
        Assert.Equal(1, CeremonyCheck.CountPersons(task, present, roles));
        Assert.Equal(3, CeremonyCheck.CountPersons(task with { AuditFunction = true }, present, roles));
    }

    [Fact]
    public void A_person_named_in_two_counted_roles_counts_once()
    {
        var roles = new Dictionary<string, RoleRecord>
        {
            ["a"] = new("a", "A", [], [], false, default),
            ["b"] = new("b", "B", [], [], false, default),
        };
        var present = new Dictionary<string, CeremonyRole>
        {
            ["a"] = new("a", 1, ImmutableArray.Create("Ann"), default),
            ["b"] = new("b", 2, ImmutableArray.Create("Ann", "Bob"), default),
        };
        Assert.Equal(2, CeremonyCheck.CountPersons(new TaskRecord("t", "T", 2, ["a", "b"], [], null, default), present, roles));
    }
}
