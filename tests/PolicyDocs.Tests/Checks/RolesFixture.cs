using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary>
/// A small but complete content folder with trusted roles, tasks, a CPS 5.2 and a witnessed key generation
/// ceremony, built with <see cref="PolicySetBuilder"/>; each test replaces or edits the files it is about.
/// </summary>
internal sealed class RolesFixture : IDisposable
{
    public const string Roles = """
        - id: security-officer
          name: Security Officer
          auditor: false
          duties: [Administer ceremonies]
          incompatible: [internal-auditor, key-custodian]
        - id: ca-administrator
          name: CA Administrator
          auditor: false
          duties: [Operate the CA]
          incompatible: [internal-auditor]
        - id: key-custodian
          name: Key Custodian
          auditor: false
          duties: [Hold an HSM card]
          incompatible: [internal-auditor, security-officer]
        - id: internal-auditor
          name: Internal Auditor
          auditor: true
          duties: [Witness ceremonies]
          incompatible: [security-officer, ca-administrator, key-custodian]
        """;

    public const string Tasks = """
        - id: ca-key-generation
          name: CA key pair generation
          min_persons: 3
          roles: [security-officer, ca-administrator, key-custodian]
          required_roles: [security-officer, key-custodian]
        - id: ca-key-activation
          name: CA key activation
          min_persons: 2
          roles: [key-custodian]
          required_roles: [key-custodian]
        - id: audit-log-archival
          name: Audit log archival
          min_persons: 2
          audit_function: true
          roles: [internal-auditor, ca-administrator]
          required_roles: [internal-auditor]
        """;

    public const string Ceremony = """
        purpose: Generate the root key.
        ca: root
        planned_date: 2026-03-10
        location: Secure room
        roles:
          - role: security-officer
            names: [Helen Park]
          - role: ca-administrator
            names: [Dan Oak]
          - role: key-custodian
            count: 2
            names: [Priya Shah, Tom Reilly]
          - role: internal-auditor
            names: [Ruth Adams]
        witness: internal-auditor
        materials:
          - item: HSM
            serial: HSM-1
            inspect: true
            bag: TEB-1
          - item: Bag for backup
            bag: TEB-2
        phases:
          - name: Preparation
            steps:
              - id: "1.1"
                actor: security-officer
                action: Open the ceremony.
                expected: Everyone present.
          - name: Key generation
            steps:
              - id: "2.1"
                actor: key-custodian
                action: Present the card quorum.
                expected: Quorum accepted.
                task: ca-key-generation
              - id: "2.2"
                actor: ca-administrator
                action: Generate the key pair.
                expected: Key generated.
                task: ca-key-generation
        artifacts:
          - item: Backup token
            bag: TEB-2
            custodian: security-officer
        """;

    public const string Record = """
        actual_date: 2026-03-11
        participants:
          - { name: Helen Park, role: security-officer, initials: HP }
          - { name: Dan Oak, role: ca-administrator, initials: DO }
          - { name: Priya Shah, role: key-custodian, initials: PS }
          - { name: Tom Reilly, role: key-custodian, initials: TR }
          - { name: Ruth Adams, role: internal-auditor, initials: RA }
        steps:
          - { step: "1.1", time: "09:00", operator: HP, witness: RA }
          - { step: "2.1", time: "09:10", operator: PS, witness: RA }
          - { step: "2.2", time: "09:20", operator: DO, witness: RA, deviated: true }
        bags:
          - { serial: TEB-2, contents: Backup token }
        deviations:
          - step: "2.2"
            explanation: The first attempt timed out; the key was generated at the second attempt.
        """;

    private readonly TempTree _tree = new();

    private readonly PolicySetBuilder _set = new PolicySetBuilder()
        .WithSet(new SetMeta("Test PKI", "Test PA"))
        .WithData("cas", "- id: root\n  name: Test Root CA\n  type: root\n  parent: ~\n  operation: offline\n")
        .WithData("roles", Roles)
        .WithData("tasks", Tasks)
        .WithDocument("cps", new DocumentMeta("cps", "Test CPS"))
        .WithOutline("cps", // 5.2.1–5.2.4 in documents/cps/05.md: the generated blocks, and "No stipulation." in 5.2.3
            e => e.Id is "5" or "5.2" or "5.2.1" or "5.2.2" or "5.2.3" or "5.2.4",
            e => e.Id is "5" or "5.2" ? "" : PolicySetBuilder.GeneratedBlocks.GetValueOrDefault(e.Id, "No stipulation."))
        .WithCeremony("root-key", Ceremony);

    /// <summary>The content folder, written by <see cref="Write"/>.</summary>
    public string Root => _tree.Root;

    /// <summary>Sets (or with null, removes) a file before writing.</summary>
    public RolesFixture With(string path, string? text)
    {
        if (text is null) _set.Remove(path);
        else _set.Set(path, text);
        return this;
    }

    /// <summary>Edits a file's text before writing; fails the test when <paramref name="old"/> is absent.</summary>
    public RolesFixture Edit(string path, string old, string replacement)
    {
        _set.Replace(path, old, replacement);
        return this;
    }

    public string Write()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, true);
        return _set.WriteTo(Root);
    }

    public Compilation Compile() => Run.Compile(Write());

    /// <summary>Diagnostics with a PD05xx code or from ceremony files, and loader errors in them.</summary>
    public static List<Diagnostic> Relevant(Compilation c) =>
        [.. c.Diagnostics.Where(d => d.Code.StartsWith("PD05", StringComparison.Ordinal) || d.Span.Path.Contains("/ceremonies/", StringComparison.Ordinal) || d.Span.Path.Contains("/data/", StringComparison.Ordinal))];

    /// <summary>The 1-based line of the first line of <paramref name="path"/> containing <paramref name="text"/>.</summary>
    public int LineOf(string path, string text) => _set.LineOf(path, text);

    public void Dispose() => _tree.Dispose();
}
