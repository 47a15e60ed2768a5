using System.Text;
using PolicyDocs.Outline;
using PolicyDocs.Output;

namespace PolicyDocs.Scaffolding;

/// <summary>
/// Writes a complete, valid starting policy set: policyset.yaml, sample data, and one combined CP/CPS with every
/// RFC 3647 section (one Markdown file per component), data-driven sections wired to their blocks, and
/// "No stipulation." everywhere else for the authors to replace.
/// </summary>
internal static class PolicySetScaffolder
{
    private static readonly Dictionary<string, string> Generated = new(StringComparer.Ordinal)
    {
        ["1.2"] = "This document is identified as follows.\n\n{{ include \"document-identification\" }}",
        ["1.3.1"] = "This document applies to the following certification authorities.\n\n{{ include \"ca-list\" }}",
        ["1.5.1"] = "This document is administered by {{ policyset.publisher.name }}.",
        ["1.5.2"] = "Questions about this document, and reports of suspected key compromise, certificate misuse or other problems, go to {{ policyset.publisher.email }}.",
        ["1.6"] = "{{ include \"definitions\" }}",
        ["5.2.1"] = "{{ include \"trusted-roles\" }}",
        ["5.2.2"] = "{{ include \"persons-per-task\" }}",
        ["5.2.4"] = "{{ include \"separation-of-duties\" }}",
    };

    /// <summary>The files of a new policy set named <paramref name="name"/>.</summary>
    public static OutputSet Create(string name)
    {
        var output = new OutputSet();
        output.AddText("policyset.yaml", $"""
            # The policy set: see docs/content-format.md for every key.
            name: {Quote(name)}
            publisher:
              name: {Quote(name + " Policy Authority")}
              email: policy-authority@example.invalid
              problem_reports: https://example.invalid/report-a-problem
            base_url: https://pki.example.invalid/
            licence: CC-BY-4.0
            impact_levels: [Medium, High Internal, High External]
            documents: [cp-cps]
            # Paper size (a4 | letter) and language (a BCP 47 tag) of the Word documents; without them A4 and en-GB.
            # page: letter
            # lang: en-US

            """);
        output.AddText("data/cas.yaml", """
            - id: root
              name: Example Root CA
              type: root
              subject: CN=Example Root CA, O=Example, C=US
              operation: offline
              key: { algorithm: ECDSA, size: P-384 }
              hash: SHA-384
              validity_years: 20
            - id: issuing
              name: Example Issuing CA
              type: issuing
              parent: root
              subject: CN=Example Issuing CA, O=Example, C=US
              operation: online
              key: { algorithm: ECDSA, size: P-256 }
              hash: SHA-256
              validity_years: 5

            """);
        output.AddText("data/roles.yaml", """
            - id: ca-administrator
              name: CA Administrator
              duties: [Install and configure the CA software]
              incompatible: [auditor]
            - id: key-custodian
              name: Key Custodian
              duties: [Hold one share of the HSM activation credentials]
              incompatible: [auditor]
            - id: auditor
              name: Internal Auditor
              duties: [Review audit logs, Witness key ceremonies]
              incompatible: [ca-administrator, key-custodian]
              auditor: true

            """);
        output.AddText("data/tasks.yaml", """
            - id: ca-key-generation
              name: CA key generation
              min_persons: 2
              roles: [ca-administrator, key-custodian]

            """);
        output.AddText("data/glossary.yaml", """
            - term: CA
              definition: Certification Authority
              acronym: true
            - term: HSM
              definition: Hardware Security Module
              acronym: true
            - term: Relying Party
              definition: A person or system that relies on a certificate issued under this document.

            """);
        output.AddText("documents/cp-cps/document.yaml", """
            kind: cp-cps
            title: Example Certificate Policy and Certification Practice Statement
            short_title: Example CP/CPS
            version: "0.1"
            effective_date: 2026-01-01
            status: draft
            cas: [root, issuing]
            revisions:
              - version: "0.1"
                date: 2026-01-01
                summary: First draft.

            """);
        var entries = Rfc3647Outline.Instance.Entries;
        foreach (var component in entries.Where(e => e.Depth == 1))
        {
            var md = new StringBuilder();
            foreach (var e in entries.Where(e => e.Id == component.Id || e.Id.StartsWith(component.Id + ".", StringComparison.Ordinal)))
            {
                md.Append('#', e.Depth).Append(' ').Append(e.Id).Append(e.Depth == 1 ? ". " : " ").Append(e.Title).Append("\n\n");
                var hasChildren = entries.Any(c => c.ParentId == e.Id);
                if (Generated.TryGetValue(e.Id, out var body)) md.Append(body).Append("\n\n");
                else if (!hasChildren) md.Append(Model.NoStipulation.Text).Append("\n\n");
            }
            var slug = Loading.DataReaders.Slug(component.Title);
            output.AddText($"documents/cp-cps/{component.Id.PadLeft(2, '0')}-{slug}.md", md.ToString().TrimEnd() + "\n");
        }
        return output;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
