using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Support;

/// <summary>A small but complete policy set (an approved CP and a draft CPS over the full RFC 3647 outline) for site tests,
/// built with <see cref="PolicySetBuilder"/>.</summary>
internal static class TestPolicySet
{
    /// <summary>Prose for particular sections; every other section says "No stipulation.".</summary>
    private static readonly Dictionary<string, string> CpProse = new(StringComparer.Ordinal)
    {
        ["1.1"] = "This Certificate Policy governs the Example PKI. The CAs are [[ca:root]] and [[ca:issuing]].",
        ["1.6"] = "[[#term-hsm]]**HSM**: Hardware Security Module, a tamper-resistant device that protects private keys.\n\n[[#term-subscriber]]**Subscriber**: the holder of a certificate.",
        ["4.9"] = "Certificates are revoked as described in the subsections below.",
        ["4.9.1"] = "The Issuing CA revokes a certificate within 24 hours when its private key is compromised or the [[term:HSM]] holding the CA key fails. Revocation requests from the [[term:Subscriber]] are accepted at any time.",
        ["4.9.2"] = "The Subscriber, the RA and the Policy Authority may request revocation under [[4.9.1]].",
        ["7.1"] = "| Field | Value |\n|:---|---:|\n| Version | 3 |",
        ["6.2.1"] = "CA keys are generated and held in an [[term:HSM]] validated to FIPS 140-3 level 3.",
    };

    private static readonly Dictionary<string, string> CpsProse = new(StringComparer.Ordinal)
    {
        ["1.1"] = "This CPS states how the Example CAs implement [[cp]].",
        ["4.9.1"] = "Revocation follows [[cp:4.9.1]]; the CA Administrator processes each request.",
        ["5.2.1"] = "Trusted roles are held by named staff.",
    };

    /// <summary>The set, ready for further edits.</summary>
    public static PolicySetBuilder Builder(string? baseUrl = "https://pki.example.test/") => new PolicySetBuilder()
        .WithSet(new SetMeta("Example PKI Policy Set", "Example Policy Authority")
        {
            Email = "pa@example.test",
            ProblemReports = "https://example.test/report/",
            BaseUrl = baseUrl,
            Licence = "CC-BY-4.0",
            Documents = ["cp", "cps"],
        })
        .WithData("cas", """
            - id: root
              name: Example Root CA
              type: root
              operation: offline
              subject: "CN=Example Root CA"
            - id: issuing
              name: Example Issuing CA
              type: issuing
              parent: root
              operation: online

            """)
        .WithData("glossary", """
            - term: HSM
              definition: Hardware Security Module, a tamper-resistant device that protects private keys.
            - term: Subscriber
              definition: The holder of a certificate.

            """)
        .WithDocument("cp", new DocumentMeta("cp", "Example Certificate Policy")
        {
            ShortTitle = "Example CP",
            Oid = "1.3.6.1.4.1.99999.1.1",
            Version = "1.1",
            EffectiveDate = "2026-03-01",
            Status = "approved",
            Cas = ["root", "issuing"],
            Revisions = [new("1.0", "2025-06-01", "First version."), new("1.1", "2026-03-01", "Revocation within 24 hours.")],
        })
        .WithOutline("cp", body: Prose(CpProse))
        .WithDocument("cps", new DocumentMeta("cps", "Example Certification Practice Statement")
        {
            ShortTitle = "Example CPS",
            Version = "0.9",
            EffectiveDate = "2026-09-01",
            Status = "draft",
            Cas = ["root", "issuing"],
            Implements = ["cp"],
            Revisions = [new("0.9", "2026-09-01", "Draft for review.")],
        })
        .WithOutline("cps", body: Prose(CpsProse));

    /// <summary>Writes the policy set into <paramref name="dir"/> (created if needed); returns the folder.</summary>
    public static string Write(string dir, string? baseUrl = "https://pki.example.test/") => Builder(baseUrl).WriteTo(dir);

    private static Func<PolicyDocs.Outline.OutlineEntry, string> Prose(Dictionary<string, string> prose) =>
        e => prose.TryGetValue(e.Id, out var text) ? text : "No stipulation.";
}
