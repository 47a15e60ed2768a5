using System.Text;
using PolicyDocs.Outline;

namespace PolicyDocs.Tests.Site;

/// <summary>Writes a small but complete policy set (a CP and a draft CPS over the full RFC 3647 outline) for site tests.</summary>
public static class TestPolicySet
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

    /// <summary>Writes the policy set into <paramref name="dir"/> (created if needed); returns the folder.</summary>
    public static string Write(string dir, string? baseUrl = "https://pki.example.test/")
    {
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllText(Path.Combine(dir, "policyset.yaml"),
            "name: Example PKI Policy Set\n" +
            "publisher:\n  name: Example Policy Authority\n  email: pa@example.test\n  problem_reports: https://example.test/report/\n" +
            (baseUrl is null ? "" : $"base_url: {baseUrl}\n") +
            "licence: CC-BY-4.0\ndocuments:\n  - cp\n  - cps\n");
        File.WriteAllText(Path.Combine(dir, "data", "cas.yaml"),
            "- id: root\n  name: Example Root CA\n  type: root\n  operation: offline\n  subject: \"CN=Example Root CA\"\n" +
            "- id: issuing\n  name: Example Issuing CA\n  type: issuing\n  parent: root\n  operation: online\n");
        File.WriteAllText(Path.Combine(dir, "data", "glossary.yaml"),
            "- term: HSM\n  definition: Hardware Security Module, a tamper-resistant device that protects private keys.\n" +
            "- term: Subscriber\n  definition: The holder of a certificate.\n");
        WriteDocument(dir, "cp",
            "kind: cp\ntitle: Example Certificate Policy\nshort_title: Example CP\noid: 1.3.6.1.4.1.99999.1.1\nversion: \"1.1\"\n" +
            "effective_date: 2026-03-01\nstatus: approved\ncas:\n  - root\n  - issuing\nrevisions:\n" +
            "  - version: \"1.0\"\n    date: 2025-06-01\n    summary: First version.\n" +
            "  - version: \"1.1\"\n    date: 2026-03-01\n    summary: Revocation within 24 hours.\n", CpProse);
        WriteDocument(dir, "cps",
            "kind: cps\ntitle: Example Certification Practice Statement\nshort_title: Example CPS\nversion: \"0.9\"\n" +
            "effective_date: 2026-09-01\nstatus: draft\ncas:\n  - root\n  - issuing\nimplements:\n  - cp\nrevisions:\n" +
            "  - version: \"0.9\"\n    date: 2026-09-01\n    summary: Draft for review.\n", CpsProse);
        return dir;
    }

    private static void WriteDocument(string dir, string id, string yaml, Dictionary<string, string> prose)
    {
        var folder = Path.Combine(dir, "documents", id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "document.yaml"), yaml);
        var md = new StringBuilder();
        foreach (var e in Rfc3647Outline.Instance.Entries)
        {
            md.Append('#', Math.Min(6, e.Depth)).Append(' ').Append(e.Id).Append(e.Depth == 1 ? ". " : " ").Append(e.Title).Append("\n\n");
            md.Append(prose.TryGetValue(e.Id, out var text) ? text : "No stipulation.").Append("\n\n");
        }
        File.WriteAllText(Path.Combine(folder, "text.md"), md.ToString());
    }
}
