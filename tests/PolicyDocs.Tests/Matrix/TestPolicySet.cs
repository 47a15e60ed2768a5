using PolicyDocs.Model;
using PolicyDocs.Pipeline;

namespace PolicyDocs.Tests.Matrix;

/// <summary>Writes a small policy set (a CP, a CPS, CAs, recommendations, approvals) into a temporary folder and compiles it.
/// Each part can be replaced by a test.</summary>
internal sealed class TestPolicySet : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "policydocs-matrix-" + Guid.NewGuid().ToString("N"));

    public string PolicySet { get; set; } = """
        name: Test PKI
        publisher:
          name: Test Policy Authority
        """;

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

    public static string Meta(string kind, string cas, string? approval, string status = "approved", string effective = "2026-02-01") => $"""
        kind: {kind}
        title: Test {kind.ToUpperInvariant()}
        version: "1.0"
        effective_date: {effective}
        status: {status}
        cas: [{cas}]
        revisions:
          - version: "1.0"
            date: {effective}
            summary: First version.
        {(approval is null ? "" : "    approval: " + approval)}
        """;

    private const string Body = """
        # 1. INTRODUCTION
        ## 1.1 Overview
        Overview text.
        # 6. TECHNICAL SECURITY CONTROLS
        ## 6.2 Private Key Protection and Cryptographic Module Engineering Controls
        ### 6.2.1 Cryptographic module standards and controls
        CA keys are kept in HSMs.
        ### 6.2.2 Private key (n out of m) multi-person control
        Two of five custodians.
        """;

    public string CpBody { get; set; } = Body;
    public string CpsBody { get; set; } = Body;

    public Compilation Compile()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, true);
        Write("policyset.yaml", PolicySet);
        Write("data/cas.yaml", Cas);
        Write("data/recommendations.yaml", Recommendations);
        if (Approvals is not null) Write("data/approvals.yaml", Approvals);
        Write("documents/cp/document.yaml", CpMeta);
        Write("documents/cp/text.md", CpBody);
        Write("documents/cps/document.yaml", CpsMeta.Replace("cas:", "implements: [cp]\ncas:", StringComparison.Ordinal));
        Write("documents/cps/text.md", CpsBody);
        return PolicyCompiler.Compile(Root);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, true);
    }

    /// <summary>Diagnostics of the given codes.</summary>
    public static List<Diagnostic> Only(Compilation c, params string[] codes) => [.. c.Diagnostics.Where(d => codes.Contains(d.Code))];

    /// <summary>Diagnostics from PD0601-PD0649 and the loading rules (PD00xx), which the tests care about.</summary>
    public static List<Diagnostic> Relevant(Compilation c) =>
        [.. c.Diagnostics.Where(d => d.Code.StartsWith("PD06", StringComparison.Ordinal) || d.Code.StartsWith("PD00", StringComparison.Ordinal))];
}
