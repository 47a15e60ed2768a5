using System.Text;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>Shorthands the corpus files share: commands, payloads and YAML writers.</summary>
internal static class Corpus
{
    public static readonly string[] CheckArgs = ["check", "--content", "{content}"];
    public static readonly string[] BuildArgs = ["build", "--content", "{content}", "--output", "{site}"];

    /// <summary>Ok, or findings.</summary>
    public static readonly int[] Any = [0, 1];
    public static readonly int[] Ok = [0];
    public static readonly int[] Findings = [1];
    public static readonly int[] Usage = [2];
    public static readonly int[] Refused = [1, 2];

    public const string Img = "<img src=x onerror=alert(1)>";
    public const string Break = "\"><script>alert(1)</script>";
    public const string JsLink = "[click](javascript:alert(1))";

    public const string Doc = CaseFolder.Doc;
    public const string Intro = Doc + "/01-introduction.md";
    public const string Procedural = Doc + "/05-facility-management-and-operational-controls.md";

    public static HostileCase Check(string name, Action<CaseFolder> arrange, int[] exits) => new(name, arrange, CheckArgs, exits);

    public static HostileCase Build(string name, Action<CaseFolder> arrange, int[] exits) => new(name, arrange, BuildArgs, exits);

    /// <summary>A YAML single-quoted scalar.</summary>
    public static string Q(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A policyset.yaml with the given values (the scaffold's otherwise).</summary>
    public static string PolicySet(string? name = null, string? publisher = null, string? email = null, string? url = null,
        string? address = null, string? reports = null, string? licence = null)
    {
        var b = new StringBuilder();
        b.Append("name: ").Append(Q(name ?? "Hostile Test PKI")).Append('\n');
        b.Append("publisher:\n  name: ").Append(Q(publisher ?? "Hostile Test PKI Policy Authority")).Append('\n');
        b.Append("  email: ").Append(Q(email ?? "pa@example.invalid")).Append('\n');
        if (url is not null) b.Append("  url: ").Append(Q(url)).Append('\n');
        if (address is not null) b.Append("  address: ").Append(Q(address)).Append('\n');
        b.Append("  problem_reports: ").Append(Q(reports ?? "https://example.invalid/report")).Append('\n');
        b.Append("base_url: https://pki.example.invalid/\nlicence: ").Append(Q(licence ?? "CC-BY-4.0")).Append('\n');
        b.Append("impact_levels: [Medium, High Internal, High External]\ndocuments: [cp-cps]\n");
        return b.ToString();
    }

    /// <summary>A cas.yaml: the scaffold's two CAs with the root's name, subject and description replaced.</summary>
    public static string Cas(string rootName = "Example Root CA", string subject = "CN=Example Root CA, O=Example, C=US",
        string? description = null, string rootParent = "", string issuingParent = "root") =>
        $"- id: root\n  name: {Q(rootName)}\n  type: root\n  subject: {Q(subject)}\n" +
        (description is null ? "" : $"  description: {Q(description)}\n") +
        (rootParent.Length == 0 ? "" : $"  parent: {rootParent}\n") +
        "  operation: offline\n  key: { algorithm: ECDSA, size: P-384 }\n  hash: SHA-384\n  validity_years: 20\n" +
        $"- id: issuing\n  name: Example Issuing CA\n  type: issuing\n  parent: {issuingParent}\n  subject: CN=Example Issuing CA, O=Example, C=US\n" +
        "  operation: online\n  key: { algorithm: ECDSA, size: P-256 }\n  hash: SHA-256\n  validity_years: 5\n";

    /// <summary>The scaffold's document.yaml with a title, short title, version or summary replaced.</summary>
    public static string Document(string? title = null, string? shortTitle = null, string version = "0.1", string summary = "First draft.") =>
        "kind: cp-cps\n" +
        $"title: {Q(title ?? "Example Certificate Policy and Certification Practice Statement")}\n" +
        $"short_title: {Q(shortTitle ?? "Example CP/CPS")}\n" +
        $"version: {Q(version)}\neffective_date: 2026-01-01\nstatus: draft\ncas: [root, issuing]\n" +
        $"revisions:\n  - version: {Q(version)}\n    date: 2026-01-01\n    summary: {Q(summary)}\n";

    /// <summary><paramref name="unit"/> repeated <paramref name="count"/> times.</summary>
    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>Deterministic pseudo-random bytes.</summary>
    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The UTF-8 bytes of <paramref name="before"/>, one invalid byte, then <paramref name="after"/>.</summary>
    public static byte[] BadUtf8(string before, string after) =>
        [.. Encoding.UTF8.GetBytes(before), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(after)];
}
