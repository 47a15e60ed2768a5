using System.Globalization;
using System.Text;
using PolicyDocs.Outline;

namespace PolicyDocs.Benchmarks;

/// <summary>
/// Generates a single-file CP/CPS with every RFC 3647 section: prose, nested lists, tables, footnotes, code,
/// quotes and cross-references. Deterministic for a given size factor.
/// </summary>
public static class SyntheticPolicySet
{
    private static readonly string[] Words =
    [
        "the", "CA", "shall", "maintain", "records", "of", "certificate", "issuance", "and", "revocation", "for", "at", "least",
        "seven", "years", "Subscriber", "private", "key", "RA", "verify", "identity", "documented", "procedures", "audit",
        "trusted", "role", "hardware", "security", "module", "ceremony", "witnessed", "by", "two", "persons", "policy", "authority",
    ];

    /// <summary>
    /// The Markdown of a full document. <paramref name="paragraphsPerSection"/> scales the size: 4 gives about 370 KB.
    /// Every seventh leaf section says "No stipulation.". <paramref name="revised"/> gives the next version of the
    /// same text (see <see cref="Body"/>).
    /// </summary>
    public static string Generate(int paragraphsPerSection = 4, bool draft = true, bool revised = false)
    {
        var sb = new StringBuilder(512 * 1024);
        sb.Append("---\n")
          .Append("id: cpcps\nname: Example PKI\npublisher: Example PKI Policy Authority\nkind: cp-cps\n")
          .Append("title: Example PKI Certificate Policy and Certification Practice Statement\nshort_title: Example CP/CPS\n")
          .Append("oid: 1.3.6.1.4.1.99999.1.1\nversion: \"").Append(revised ? "2.2" : "2.1").Append("\"\neffective_date: 2024-05-01\n")
          .Append("status: ").Append(draft ? "draft" : "approved").Append('\n')
          .Append("revisions:\n")
          .Append("  - version: \"1.0\"\n    date: 2022-01-15\n    summary: Initial version.\n")
          .Append("  - version: \"2.0\"\n    date: 2023-03-01\n    summary: Restructured to RFC 3647.\n")
          .Append("  - version: \"2.1\"\n    date: 2024-05-01\n    summary: Annual review.\n");
        if (revised) sb.Append("  - version: \"2.2\"\n    date: 2025-05-01\n    summary: Annual review.\n");
        sb.Append("---\n\n");
        return sb.Append(Body(paragraphsPerSection, revised)).ToString();
    }

    /// <summary>
    /// The numbered sections of a document, without front matter. <paramref name="revised"/> gives the next version:
    /// every sixth paragraph reworded ("shall" → "must", a sentence added), the first paragraph of every thirteenth
    /// section deleted and a paragraph inserted in every eleventh; everything else is identical. <paramref name="seed"/>
    /// varies the words.
    /// </summary>
    public static string Body(int paragraphsPerSection = 4, bool revised = false, uint seed = 12345)
    {
        var entries = Rfc3647Outline.Instance.Entries;
        var numbers = entries.Select(e => e.Id).ToArray();
        var sb = new StringBuilder(512 * 1024);
        var rng = seed;
        uint Next() { rng = rng * 1664525 + 1013904223; return rng >> 8; }
        string Sentence(int words)
        {
            var s = new StringBuilder();
            for (var i = 0; i < words; i++)
            {
                var w = Words[Next() % Words.Length];
                s.Append(i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w).Append(i == words - 1 ? "." : " ");
            }
            return s.ToString();
        }
        for (var index = 0; index < entries.Count; index++)
        {
            var e = entries[index];
            var depth = e.Depth;
            var title = depth == 1 ? e.Title.ToUpperInvariant() : e.Title;
            sb.Append('#', depth).Append(' ').Append(e.Id).Append(depth == 1 ? ". " : " ").Append(title).Append("\n\n");
            var hasChildren = index + 1 < entries.Count && entries[index + 1].Id.StartsWith(e.Id + ".", StringComparison.Ordinal);
            if (hasChildren && depth == 1) continue;
            if (index % 7 == 3 && !hasChildren)
            {
                sb.Append("No stipulation.\n\n");
                continue;
            }
            for (var p = 0; p < paragraphsPerSection; p++)
            {
                var paragraph = Sentence(12 + (int)(Next() % 20)) + " " + Sentence(8 + (int)(Next() % 12));
                var target = numbers[Next() % (uint)numbers.Length];
                if (revised && p == 0 && index % 13 == 0) continue;
                if (revised && (index + p) % 6 == 0)
                    paragraph = paragraph.Replace(" shall ", " must ", StringComparison.Ordinal) + " This obligation is reviewed every year.";
                sb.Append(paragraph).Append(" See [[").Append(target).Append("]] for details, and *emphasis*, **strong text**, `code` and ~~old text~~.\n\n");
            }
            if (revised && index % 11 == 0)
                sb.Append("The Policy Authority added this paragraph in the revision; it states a new obligation for the CA.\n\n");
            switch (index % 5)
            {
                case 0:
                    sb.Append("- ").Append(Sentence(8)).Append("\n  - ").Append(Sentence(6)).Append("\n  - ").Append(Sentence(5))
                      .Append("\n- ").Append(Sentence(7)).Append("\n\n1. ").Append(Sentence(6)).Append("\n2. ").Append(Sentence(9)).Append("\n\n");
                    break;
                case 1:
                    sb.Append("| Item | Requirement | Section |\n|---|---|---:|\n");
                    for (var r = 0; r < 4; r++)
                        sb.Append("| ").Append(r + 1).Append(" | ").Append(Sentence(6)).Append(" | [[").Append(numbers[Next() % (uint)numbers.Length]).Append("]] |\n");
                    sb.Append('\n');
                    break;
                case 2:
                    sb.Append("> ").Append(Sentence(14)).Append("\n\nA statement with a note.[^n").Append(index.ToString(CultureInfo.InvariantCulture))
                      .Append("]\n\n[^n").Append(index.ToString(CultureInfo.InvariantCulture)).Append("]: ").Append(Sentence(10)).Append("\n\n");
                    break;
                case 3:
                    sb.Append("```\nopenssl req -new -key ca.key -out ca.csr\nopenssl x509 -req -days 3650\n```\n\n");
                    break;
                default:
                    sb.Append("See the [RFC](https://www.rfc-editor.org/rfc/rfc3647) and [[#anchor-").Append(index.ToString(CultureInfo.InvariantCulture)).Append("]]this anchor.\n\n");
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Writes a policy-set folder of <paramref name="documents"/> CP/CPS documents (ids doc-001, ...) whose bodies are
    /// <see cref="Body"/> texts, and returns the folder.
    /// </summary>
    public static string WriteFolder(string dir, int documents, int paragraphsPerSection = 1)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "policyset.yaml"), "name: Synthetic PKI Policy Set\npublisher:\n  name: Synthetic PKI Policy Authority\n");
        for (var i = 1; i <= documents; i++)
        {
            var id = "doc-" + i.ToString("D3", CultureInfo.InvariantCulture);
            var folder = Path.Combine(dir, "documents", id);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "document.yaml"),
                $"kind: cp-cps\ntitle: Synthetic CP/CPS {i}\nshort_title: CP/CPS {i}\nversion: \"1.0\"\neffective_date: 2024-05-01\nstatus: approved\n");
            File.WriteAllText(Path.Combine(folder, "body.md"), Body(paragraphsPerSection, seed: (uint)i));
        }
        return dir;
    }
}
