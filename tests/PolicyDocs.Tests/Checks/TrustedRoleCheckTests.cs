using PolicyDocs.Model;

using Xunit;

namespace PolicyDocs.Tests.Checks;

public sealed class TrustedRoleCheckTests
{
    [Fact]
    public void Fixture_is_clean()
    {
        using var f = new RolesFixture();
        var relevant = RolesFixture.Relevant(f.Compile());
        Assert.Empty(relevant);
    }

    [Fact]
    public void Task_with_one_person_is_an_error_at_min_persons()
    {
        using var f = new RolesFixture();
        f.Edit("data/tasks.yaml", "  min_persons: 2\n  roles: [key-custodian]", "  min_persons: 1\n  roles: [key-custodian]");
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0501");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.EndsWith("data/tasks.yaml", d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(f.LineOf("data/tasks.yaml", "min_persons: 1"), d.Span.Line);
        Assert.Contains("ca-key-activation", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_that_may_be_combined_with_the_auditor_is_an_error_at_its_incompatible_list()
    {
        using var f = new RolesFixture();
        f.Edit("data/roles.yaml", "  incompatible: [internal-auditor]\n", "  incompatible: [key-custodian]\n");
        var errors = f.Compile().Diagnostics.Where(x => x.Code == "PD0503").ToList();
        var d = Assert.Single(errors);
        Assert.Equal(f.LineOf("data/roles.yaml", "incompatible: [key-custodian]"), d.Span.Line);
        Assert.Contains("'ca-administrator'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auditor_role_that_omits_another_role_is_an_error_at_the_auditor()
    {
        using var f = new RolesFixture();
        f.Edit("data/roles.yaml", "incompatible: [security-officer, ca-administrator, key-custodian]", "incompatible: [security-officer, key-custodian]");
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0503");
        Assert.Equal(f.LineOf("data/roles.yaml", "incompatible: [security-officer, key-custodian]"), d.Span.Line);
        Assert.Contains("Auditor role 'internal-auditor'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_reaching_its_minimum_only_through_auditors_is_an_error_unless_an_audit_function()
    {
        using var f = new RolesFixture();
        f.Edit("data/tasks.yaml", "  audit_function: true\n  roles: [internal-auditor, ca-administrator]", "  roles: [internal-auditor]");
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0504");
        Assert.Equal(f.LineOf("data/tasks.yaml", "roles: [internal-auditor]"), d.Span.Line);

        f.Edit("data/tasks.yaml", "  roles: [internal-auditor]", "  audit_function: true\n  roles: [internal-auditor]");
        Assert.DoesNotContain(f.Compile().Diagnostics, x => x.Code is "PD0504" or "PD0505");
    }

    [Fact]
    public void Required_auditor_outside_an_audit_function_is_a_warning()
    {
        using var f = new RolesFixture();
        f.Edit("data/tasks.yaml", "  audit_function: true\n", "");
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0505");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.DoesNotContain(f.Compile().Diagnostics, x => x.Code == "PD0504");
    }

    [Fact]
    public void Required_role_outside_the_participants_is_an_error()
    {
        using var f = new RolesFixture();
        f.Edit("data/tasks.yaml", "  roles: [key-custodian]\n  required_roles: [key-custodian]", "  roles: [key-custodian]\n  required_roles: [key-custodian, security-officer]");
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0502");
        Assert.Contains("'security-officer'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cps_section_without_its_generated_block_is_a_warning_at_the_heading()
    {
        using var f = new RolesFixture();
        f.Edit("documents/cps/05.md", "{{ include \"persons-per-task\" }}", "Two persons do everything.");
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0506");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.EndsWith("documents/cps/05.md", d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(f.LineOf("documents/cps/05.md", "### 5.2.2"), d.Span.Line);
        Assert.Contains("persons-per-task", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cp_sections_are_not_held_to_the_blocks()
    {
        using var f = new RolesFixture();
        f.Edit("documents/cps/document.yaml", "kind: cps", "kind: cp");
        f.Edit("documents/cps/05.md", "{{ include \"trusted-roles\" }}", "Roles are defined in the CPS.");
        Assert.DoesNotContain(f.Compile().Diagnostics, x => x.Code == "PD0506");
    }

    [Fact]
    public void Unknown_role_in_prose_is_an_error()
    {
        using var f = new RolesFixture();
        f.Edit("documents/cps/05.md", "No stipulation.", "Each [[role:key-custodain]] authenticates with a smart card.");
        var d = Assert.Single(f.Compile().Diagnostics, x => x.Code == "PD0201");
        Assert.Contains("key-custodain", d.Message, StringComparison.Ordinal);
    }
}
