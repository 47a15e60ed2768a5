using System.Text;
using PolicyDocs.Outline;
using PolicyDocs.Scaffolding;

namespace PolicyDocs.Tests.Support;

/// <summary>
/// The one way tests make a policy set on disk. Start from <see cref="Valid"/> (a minimal valid folder-layout set:
/// policyset.yaml, data files and documents holding every RFC 3647 section, one Markdown file per component), an empty
/// builder, <see cref="SingleFile"/> (a single-file CP/CPS), <see cref="Sample"/> (the repository's content/),
/// <see cref="Scaffolded"/> (what <c>policydocs new</c> writes) or <see cref="FromFolder"/>; change files with the
/// fluent methods; then <see cref="Write()"/> it to a temporary folder or <see cref="WriteTo(string)"/> a folder.
/// </summary>
internal sealed class PolicySetBuilder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Relative path → text.</summary>
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Relative path → bytes, for files that are not UTF-8 text (images) or must be written byte for byte.</summary>
    public SortedDictionary<string, byte[]> BinaryFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>What to compile, relative to the folder written: "" for the folder (folder layout), or a file (single-file layout).</summary>
    public string Entry { get; private set; } = "";

    /// <summary>A single-file CP/CPS: the one Markdown file <paramref name="name"/>, which is what compiles.</summary>
    public static PolicySetBuilder SingleFile(string name, string markdown) => new PolicySetBuilder { Entry = name }.Set(name, markdown);

    /// <summary>Every file under <paramref name="folder"/>: UTF-8 text as text (so it can be edited), anything else as bytes.</summary>
    public static PolicySetBuilder FromFolder(string folder)
    {
        var b = new PolicySetBuilder();
        foreach (var f in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            b.WithFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f));
        return b;
    }

    /// <summary>The files <paramref name="files"/> (relative path → bytes), UTF-8 text as text.</summary>
    public static PolicySetBuilder FromFiles(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var b = new PolicySetBuilder();
        foreach (var (path, bytes) in files) b.WithFile(path, bytes);
        return b;
    }

    /// <summary>The repository's sample policy set (content/).</summary>
    public static PolicySetBuilder Sample() => FromFolder(Path.Combine(RepoRoot(), "content"));

    /// <summary>The policy set <c>policydocs new</c> writes for <paramref name="name"/>.</summary>
    public static PolicySetBuilder Scaffolded(string name) => FromFiles(PolicySetScaffolder.Create(name).Files);

    /// <summary>The folder holding PolicyDocs.sln, found by walking up from the test assembly.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyDocs.sln"))) return dir.FullName;
        throw new InvalidOperationException("PolicyDocs.sln not found above " + AppContext.BaseDirectory);
    }

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

    /// <summary>The policyset.yaml of <see cref="Valid"/> for the documents <paramref name="ids"/>.</summary>
    public static SetMeta DefaultSet(params string[] ids) => new("Test Policy Set", "Test Policy Authority")
    {
        Email = "pa@pki.test.example",
        BaseUrl = "https://pki.test.example/",
        Documents = ids,
    };

    /// <summary>The document.yaml of the first document (a CP) of <see cref="Valid"/>.</summary>
    public static DocumentMeta DefaultCp(string id) => new("cp", $"Test Certificate Policy {id}")
    {
        ShortTitle = $"Test {id.ToUpperInvariant()}",
        Oid = "1.3.6.1.4.1.99999.1.1",
        EffectiveDate = "2026-01-01",
        Status = "approved",
        Cas = ["root", "issuing"],
    };

    /// <summary>The document.yaml of a later document (a CPS implementing <paramref name="cp"/>) of <see cref="Valid"/>.</summary>
    public static DocumentMeta DefaultCps(string id, string cp) => new("cps", $"Test Certification Practice Statement {id}")
    {
        ShortTitle = $"Test {id.ToUpperInvariant()}",
        Implements = [cp],
    };

    /// <summary>data/cas.yaml of <see cref="Valid"/>: an offline root and an online issuing CA.</summary>
    public const string DefaultCas = """
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

    /// <summary>data/roles.yaml of <see cref="Valid"/>.</summary>
    public const string DefaultRoles = """
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

    /// <summary>data/tasks.yaml of <see cref="Valid"/>.</summary>
    public const string DefaultTasks = """
        - id: key-generation
          name: CA key generation
          min_persons: 2
          roles:
            - ca-administrator
            - internal-auditor

        """;

    /// <summary>data/glossary.yaml of <see cref="Valid"/>.</summary>
    public const string DefaultGlossary = """
        - term: HSM
          definition: Hardware Security Module
          acronym: true
        - term: Relying Party
          definition: A person who relies on a certificate.

        """;

    /// <summary>A valid set with the documents <paramref name="ids"/> (default: one CP "cp"); the second and later are CPSs implementing the first.</summary>
    public static PolicySetBuilder Valid(params string[] ids)
    {
        if (ids.Length == 0) ids = ["cp"];
        var b = new PolicySetBuilder()
            .WithSet(DefaultSet(ids))
            .WithData("cas", DefaultCas)
            .WithData("roles", DefaultRoles)
            .WithData("tasks", DefaultTasks)
            .WithData("glossary", DefaultGlossary);
        for (var i = 0; i < ids.Length; i++)
            b.WithDocument(ids[i], i == 0 ? DefaultCp(ids[i]) : DefaultCps(ids[i], ids[0])).WithOutline(ids[i]);
        return b;
    }

    /// <summary>Sets policyset.yaml.</summary>
    public PolicySetBuilder WithSet(SetMeta set) => Set("policyset.yaml", set.ToYaml());

    /// <summary>Sets data/<paramref name="name"/>.yaml (cas, roles, tasks, glossary, recommendations, approvals…).</summary>
    public PolicySetBuilder WithData(string name, string yaml) => Set($"data/{name}.yaml", yaml);

    /// <summary>Sets documents/<paramref name="id"/>/document.yaml.</summary>
    public PolicySetBuilder WithDocument(string id, DocumentMeta info) => Set($"documents/{id}/document.yaml", info.ToYaml());

    /// <summary>Sets a Markdown file of document <paramref name="id"/> (default text.md).</summary>
    public PolicySetBuilder WithText(string id, string markdown, string file = "text.md") => Set($"documents/{id}/{file}", markdown);

    /// <summary>Writes the outline sections <paramref name="include"/> selects (default all) of document <paramref name="id"/>, one file per component
    /// (<see cref="FileFor"/>), with <paramref name="body"/> (default <see cref="DefaultBody"/>) under <see cref="DefaultHeading"/>s.</summary>
    public PolicySetBuilder WithOutline(string id, Func<OutlineEntry, bool>? include = null, Func<OutlineEntry, string>? body = null)
    {
        foreach (var (component, text) in Components(include ?? (_ => true), body ?? DefaultBody, DefaultHeading))
            Files[FileFor(id, component.ToString(System.Globalization.CultureInfo.InvariantCulture))] = text;
        return this;
    }

    /// <summary>Sets ceremonies/<paramref name="id"/>.yaml.</summary>
    public PolicySetBuilder WithCeremony(string id, string yaml) => Set($"ceremonies/{id}.yaml", yaml);

    /// <summary>Sets ceremonies/<paramref name="id"/>.record.yaml, the record of a held ceremony.</summary>
    public PolicySetBuilder WithCeremonyRecord(string id, string yaml) => Set($"ceremonies/{id}.record.yaml", yaml);

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
        BinaryFiles.Remove(relative);
        Files[relative] = text;
        return this;
    }

    /// <summary>Replaces the file with <paramref name="bytes"/>, written exactly.</summary>
    public PolicySetBuilder WithBytes(string relative, byte[] bytes)
    {
        Files.Remove(relative);
        BinaryFiles[relative] = bytes;
        return this;
    }

    /// <summary>Sets the file as text when <paramref name="bytes"/> are UTF-8 that writes back the same, else as bytes.</summary>
    private PolicySetBuilder WithFile(string relative, byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            if (StrictUtf8.GetBytes(text).AsSpan().SequenceEqual(bytes)) return Set(relative, text);
        }
        catch (DecoderFallbackException) { }
        return WithBytes(relative, bytes);
    }

    /// <summary>Removes a file.</summary>
    public PolicySetBuilder Remove(string relative)
    {
        Files.Remove(relative);
        BinaryFiles.Remove(relative);
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
    public void WriteTo(TempTree tree) => WriteTo(tree.Root);

    /// <summary>Writes the files into <paramref name="folder"/> (created if needed); returns the path to compile
    /// (<see cref="EntryIn"/>): the folder, or the single file.</summary>
    public string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (path, text) in Files) TempTree.Write(folder, path, text);
        foreach (var (path, bytes) in BinaryFiles)
        {
            var full = TempTree.PathOf(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        return EntryIn(folder);
    }

    /// <summary>The path to compile once the files are written into <paramref name="folder"/>.</summary>
    public string EntryIn(string folder) => Entry.Length == 0 ? folder : TempTree.PathOf(folder, Entry);

    /// <summary>1-based line of the first line of <paramref name="relative"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text) => Text.LineOf(Files[relative], text);
}
