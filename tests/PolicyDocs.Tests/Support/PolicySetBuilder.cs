using PolicyDocs.Outline;

namespace PolicyDocs.Tests.Support;

/// <summary>
/// Generates a minimal valid folder-layout policy set: policyset.yaml, data files and documents holding every
/// RFC 3647 section, one Markdown file per component. Tests mutate the files before writing them out.
/// </summary>
public sealed class PolicySetBuilder
{
    /// <summary>Relative path → text.</summary>
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Bodies the generator gives to data-driven sections.</summary>
    public static IReadOnlyDictionary<string, string> GeneratedBlocks { get; } = new Dictionary<string, string>
    {
        ["1.2"] = "{{ include \"document-identification\" }}",
        ["1.3.1"] = "{{ include \"ca-list\" }}",
        ["1.6"] = "{{ include \"definitions\" }}",
        ["5.2.1"] = "{{ include \"trusted-roles\" }}",
        ["5.2.2"] = "{{ include \"persons-per-task\" }}",
        ["5.2.4"] = "{{ include \"separation-of-duties\" }}",
    };

    /// <summary>A valid set with the documents <paramref name="ids"/> (default: one CP "cp"); the second and later are CPSs implementing the first.</summary>
    public static PolicySetBuilder Valid(params string[] ids)
    {
        if (ids.Length == 0) ids = ["cp"];
        var b = new PolicySetBuilder();
        b.Files["policyset.yaml"] = $"""
            name: Test Policy Set
            publisher:
              name: Test Policy Authority
              email: pa@pki.test.example
            base_url: https://pki.test.example/
            documents:
            {string.Concat(ids.Select(i => $"  - {i}\n"))}
            """;
        b.Files["data/cas.yaml"] = """
            - id: root
              name: Test Root CA
              type: root
              subject: "CN=Test Root CA, O=Test, C=GB"
              operation: offline
              key:
                algorithm: ECDSA
                size: P-384
            - id: issuing
              name: Test Issuing CA
              type: issuing
              parent: root
              subject: "CN=Test Issuing CA, O=Test, C=GB"
              operation: online
              key:
                algorithm: ECDSA
                size: P-256

            """;
        b.Files["data/roles.yaml"] = """
            - id: ca-administrator
              name: CA Administrator
              duties:
                - Operate the CA software
              incompatible:
                - internal-auditor
            - id: internal-auditor
              name: Internal Auditor
              duties:
                - Review the audit logs
              incompatible:
                - ca-administrator
              auditor: true

            """;
        b.Files["data/tasks.yaml"] = """
            - id: key-generation
              name: CA key generation
              min_persons: 2
              roles:
                - ca-administrator
                - internal-auditor

            """;
        b.Files["data/glossary.yaml"] = """
            - term: HSM
              definition: Hardware Security Module
              acronym: true
            - term: Relying Party
              definition: A person who relies on a certificate.

            """;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            b.Files[$"documents/{id}/document.yaml"] = i == 0
                ? $"""
                  kind: cp
                  title: Test Certificate Policy {id}
                  short_title: Test {id.ToUpperInvariant()}
                  oid: 1.3.6.1.4.1.99999.1.{i + 1}
                  version: "1.0"
                  effective_date: 2026-01-01
                  status: approved
                  cas:
                    - root
                    - issuing

                  """
                : $"""
                  kind: cps
                  title: Test Certification Practice Statement {id}
                  short_title: Test {id.ToUpperInvariant()}
                  version: "1.0"
                  implements:
                    - {ids[0]}

                  """;
            foreach (var (component, text) in Components(_ => true, DefaultBody, DefaultHeading))
                b.Files[FileFor(id, component.ToString(System.Globalization.CultureInfo.InvariantCulture))] = text;
        }
        return b;
    }

    /// <summary>The file holding component <paramref name="numberOrComponent"/> ("4.4.2" → documents/cp/04.md).</summary>
    public static string FileFor(string documentId, string numberOrComponent)
    {
        var component = int.Parse(numberOrComponent.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        return $"documents/{documentId}/{component:00}.md";
    }

    /// <summary>The body the generator writes for <paramref name="e"/>.</summary>
    public static string DefaultBody(OutlineEntry e) =>
        GeneratedBlocks.TryGetValue(e.Id, out var block) ? block : $"Text of {e.Id}.";

    /// <summary>The heading the generator writes for <paramref name="e"/>: one '#' per level of the number.</summary>
    public static string DefaultHeading(OutlineEntry e) => $"{new string('#', e.Depth)} {e.Id} {e.Title}";

    /// <summary>Markdown of the whole outline, one text per component (1..9).</summary>
    public static IEnumerable<(int Component, string Text)> Components(Func<OutlineEntry, bool> include,
        Func<OutlineEntry, string> body, Func<OutlineEntry, string> heading)
    {
        return Rfc3647Outline.Instance.Entries
            .Where(include)
            .GroupBy(e => int.Parse(e.Id.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => (g.Key, string.Concat(g.Select(e => $"{heading(e)}\n\n{body(e)}\n\n"))));
    }

    /// <summary>The whole outline as one Markdown text.</summary>
    public static string Document(Func<OutlineEntry, bool>? include = null, Func<OutlineEntry, string>? body = null,
        Func<OutlineEntry, string>? heading = null) =>
        string.Concat(Components(include ?? (_ => true), body ?? DefaultBody, heading ?? DefaultHeading).Select(c => c.Text));

    /// <summary>Replaces the file.</summary>
    public PolicySetBuilder Set(string relative, string text)
    {
        Files[relative] = text;
        return this;
    }

    /// <summary>Removes a file.</summary>
    public PolicySetBuilder Remove(string relative)
    {
        Files.Remove(relative);
        return this;
    }

    /// <summary>Edits a file; fails when the edit changes nothing, so a test cannot silently miss its target.</summary>
    public PolicySetBuilder Edit(string relative, Func<string, string> edit)
    {
        var before = Files[relative];
        var after = edit(before);
        if (after == before) throw new InvalidOperationException($"edit of {relative} changed nothing");
        Files[relative] = after;
        return this;
    }

    /// <summary>Replaces the exact text <paramref name="old"/> (which must occur) in a file.</summary>
    public PolicySetBuilder Replace(string relative, string old, string replacement) =>
        Edit(relative, t => t.Contains(old, StringComparison.Ordinal) ? t.Replace(old, replacement, StringComparison.Ordinal) : throw new InvalidOperationException($"'{old}' not in {relative}"));

    /// <summary>Replaces the body of section <paramref name="number"/> of document <paramref name="documentId"/>.</summary>
    public PolicySetBuilder Body(string documentId, string number, string body)
    {
        var e = Rfc3647Outline.Instance.Find(number)!;
        return Replace(FileFor(documentId, number), $"{DefaultHeading(e)}\n\n{DefaultBody(e)}\n\n", $"{DefaultHeading(e)}\n\n{body}\n\n");
    }

    /// <summary>Writes the files to a new temporary folder.</summary>
    public TempTree Write()
    {
        var tree = new TempTree();
        WriteTo(tree);
        return tree;
    }

    /// <summary>Writes the files into <paramref name="tree"/>.</summary>
    public void WriteTo(TempTree tree)
    {
        foreach (var (path, text) in Files) tree.Write(path, text);
    }

    /// <summary>1-based line of the first line of <paramref name="relative"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text) => Text.LineOf(Files[relative], text);
}
