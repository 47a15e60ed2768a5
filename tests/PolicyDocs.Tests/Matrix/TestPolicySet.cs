using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Matrix;

/// <summary>Writes a small policy set (a CP, a CPS, CAs, recommendations, approvals) into a temporary folder and compiles it.
/// Each part can be replaced by a test; <see cref="Compile"/> writes them with <see cref="PolicySetBuilder"/>.</summary>
internal sealed class TestPolicySet : IDisposable
{
    private readonly TempTree _tree = new();

    public string Root => _tree.Root;

    public string PolicySet { get; set; } = new SetMeta("Test PKI", "Test Policy Authority").ToYaml();

    public string Cas { get; set; } = """
        - id: root
          name: Test Root CA
          type: root
          operation: offline
          level: High External
        - id: internal
          name: Test Internal CA
          type: issuing
          parent: root
          operation: online
          level: Medium
        """;

    public string Recommendations { get; set; } = """
        - id: KEY-01
          chapter: Key protection
          text: Keep CA keys in an HSM.
          kind: strategic
          level: Medium
          sections: [cps:6.2.1]
          status: implemented
        - id: PROC-01
          chapter: PKI process security
          text: Publish a formal CP.
          kind: strategic
          level: High External
          sections: [cp:1.1]
          status: implemented
        """;

    public string? Approvals { get; set; } = """
        - id: pa-1
          date: 2026-01-10
          meeting: PA meeting 1
          decision: Approved CP 1.0 and CPS 1.0.
          members: [Alice, Bob, Carol]
          votes: { for: 3, against: 0, abstain: 0 }
          members_present: 3
          approves:
            - { document: cp, version: "1.0" }
            - { document: cps, version: "1.0" }
        """;

    public string CpMeta { get; set; } = Meta("cp", "root, internal", "pa-1");
    public string CpsMeta { get; set; } = Meta("cps", "root, internal", "pa-1");

    /// <summary>The document.yaml of a <paramref name="kind"/> over <paramref name="cas"/> ("root, internal"), whose one revision
    /// names <paramref name="approval"/>; a CPS implements the CP.</summary>
    public static string Meta(string kind, string cas, string? approval, string status = "approved", string effective = "2026-02-01") =>
        new DocumentMeta(kind, $"Test {kind.ToUpperInvariant()}")
        {
            EffectiveDate = effective,
            Status = status,
            Cas = cas.Split(", "),
            Implements = kind == "cps" ? ["cp"] : [],
            Revisions = [new(Version: "1.0", Date: effective, Summary: "First version.", Approval: approval)],
        }.ToYaml();

    /// <summary>Sections 1.1, 6.2.1 and 6.2.2 (with their parents) of the outline.</summary>
    private static readonly string Body = PolicySetBuilder.Document(
        e => e.Id is "1" or "1.1" or "6" or "6.2" or "6.2.1" or "6.2.2",
        e => e.Id switch
        {
            "1.1" => "Overview text.",
            "6.2.1" => "CA keys are kept in HSMs.",
            "6.2.2" => "Two of five custodians.",
            _ => "",
        });

    public string CpBody { get; set; } = Body;
    public string CpsBody { get; set; } = Body;

    public Compilation Compile()
    {
        var set = new PolicySetBuilder()
            .Set("policyset.yaml", PolicySet)
            .WithData("cas", Cas)
            .WithData("recommendations", Recommendations)
            .Set("documents/cp/document.yaml", CpMeta)
            .WithText("cp", CpBody)
            .Set("documents/cps/document.yaml", CpsMeta)
            .WithText("cps", CpsBody);
        if (Approvals is not null) set.WithData("approvals", Approvals);
        if (Directory.Exists(Root)) Directory.Delete(Root, true);
        return Run.Compile(set.WriteTo(Root));
    }

    public void Dispose() => _tree.Dispose();

    /// <summary>Diagnostics of the given codes.</summary>
    public static List<Diagnostic> Only(Compilation c, params string[] codes) => [.. c.Diagnostics.Where(d => codes.Contains(d.Code))];

    /// <summary>Diagnostics from PD0601-PD0649 and the loading rules (PD00xx), which the tests care about.</summary>
    public static List<Diagnostic> Relevant(Compilation c) =>
        [.. c.Diagnostics.Where(d => d.Code.StartsWith("PD06", StringComparison.Ordinal) || d.Code.StartsWith("PD00", StringComparison.Ordinal))];
}
