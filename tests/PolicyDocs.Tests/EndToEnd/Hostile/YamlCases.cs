using System.Text;
using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>Hostile YAML: empty and multi-document files, alias bombs, deep nesting, bad encodings, cycles.</summary>
internal static class YamlCases
{
    private static string BillionLaughs()
    {
        var b = new StringBuilder("a0: &a0 [\"lol\"]\n");
        for (var i = 1; i <= 30; i++)
            b.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        return b.ToString();
    }

    private static string DeepBlockMapping(int depth)
    {
        var b = new StringBuilder();
        for (var i = 0; i < depth; i++) b.Append(' ', i).Append("k:\n");
        return b.Append(' ', depth).Append("v\n").ToString();
    }

    public static IEnumerable<HostileCase> All()
    {
        yield return Check("yaml: empty policyset.yaml", f => f.Write("policyset.yaml", ""), Findings) with { Code = "PD0004" };
        yield return Check("yaml: policyset.yaml of comments only", f => f.Write("policyset.yaml", "# nothing here\n# at all\n"), Findings) with { Code = "PD0004" };
        yield return Check("yaml: empty document.yaml", f => f.Write(Doc + "/document.yaml", ""), Findings) with { Code = "PD0004" };
        yield return Check("yaml: document.yaml as an empty mapping", f => f.Write(Doc + "/document.yaml", "{}\n"), Findings) with { Code = "PD0004" };
        yield return Check("yaml: policyset.yaml is a list", f => f.Write("policyset.yaml", "- a\n- b\n"), Findings);
        yield return Check("yaml: second document in a data file", f => f.Write("data/extra.yaml", "- a: 1\n---\n- b: 2\n"), Findings) with { Line = 2 };
        yield return Check("yaml: second document with syntax errors", f => f.Write("data/glossary.yaml", f.Read("data/glossary.yaml") + "---\nterm: [unclosed\n  : :\n"), Findings);
        yield return Check("yaml: second document in policyset.yaml", f => f.Append("policyset.yaml", "---\nname: Other\n"), Findings);
        yield return Check("yaml: second document in document.yaml", f => f.Append(Doc + "/document.yaml", "---\ntitle: Other\n"), Findings);
        yield return Check("yaml: billion laughs in a data file", f => f.Write("data/bomb.yaml", BillionLaughs()), Findings);
        yield return Check("yaml: billion laughs in document.yaml", f => f.Append(Doc + "/document.yaml", "x-" + BillionLaughs().Replace("\n", "\nx-", StringComparison.Ordinal).TrimEnd('x', '-')), Findings);
        yield return Check("yaml: alias fan-out of 2^40", f =>
        {
            var b = new StringBuilder("- &l0 [x, x]\n");
            for (var i = 1; i <= 40; i++) b.Append($"- &l{i} [*l{i - 1}, *l{i - 1}]\n");
            f.Write("data/fan.yaml", b.ToString());
        }, Findings);
        yield return Check("yaml: 100,000-deep flow sequence", f => f.Write("data/deep.yaml", Repeat("[", 100_000) + Repeat("]", 100_000) + "\n"), Findings);
        yield return Check("yaml: 100,000-deep flow mapping", f => f.Write("data/deep.yaml", Repeat("{a: ", 100_000) + "b" + Repeat("}", 100_000) + "\n"), Findings);
        yield return Check("yaml: 100,000-deep block sequence on one line", f => f.Write("data/deep.yaml", Repeat("- ", 100_000) + "x\n"), Findings);
        yield return Check("yaml: 2,000-deep block mapping", f => f.Write("data/deep.yaml", DeepBlockMapping(2_000)), Findings);
        yield return Check("yaml: 1,000-deep policyset.yaml", f => f.Append("policyset.yaml", "governance: " + Repeat("[", 1_000) + Repeat("]", 1_000) + "\n"), Findings);
        yield return Check("yaml: invalid UTF-8 in a data file", f => f.WriteBytes("data/glossary.yaml", BadUtf8("- term: CA\n  definition: Certif", "ication Authority\n")), Findings) with { Line = 2 };
        yield return Check("yaml: invalid UTF-8 in policyset.yaml", f => f.WriteBytes("policyset.yaml", BadUtf8(PolicySet().Replace("Hostile Test PKI'", "Hostile", StringComparison.Ordinal), "'\n")), Findings);
        yield return Check("yaml: invalid UTF-8 in document.yaml", f => f.WriteBytes(Doc + "/document.yaml", BadUtf8(Document().Replace("First draft.'", "First", StringComparison.Ordinal), " draft.'\n")), Findings);
        yield return Check("yaml: truncated UTF-8 sequence at the end of a file", f => f.WriteBytes("data/glossary.yaml", [.. Encoding.UTF8.GetBytes(f.Read("data/glossary.yaml")), 0xE2, 0x82]), Findings);
        yield return Check("yaml: overlong UTF-8 encoding of '/'", f => f.WriteBytes("data/extra.yaml", [.. "- a: "u8, 0xC0, 0xAF, .. "\n"u8]), Findings);
        yield return Check("yaml: UTF-8 encoded surrogate", f => f.WriteBytes("data/extra.yaml", [.. "- a: "u8, 0xED, 0xA0, 0x80, .. "\n"u8]), Findings);
        yield return Check("yaml: a BOM before a data file", f => f.WriteBytes("data/glossary.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(f.Read("data/glossary.yaml"))]), Ok);
        yield return Check("yaml: UTF-16 data file", f => f.WriteBytes("data/glossary.yaml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(f.Read("data/glossary.yaml"))).ToArray()), Any);
        yield return Check("yaml: tab indentation", f => f.Write("data/glossary.yaml", "- term: CA\n\tdefinition: x\n"), Findings) with { Code = "PD0001", Line = 2 };
        yield return Check("yaml: duplicate key", f => f.Write("data/glossary.yaml", "- term: CA\n  term: CB\n  definition: x\n"), Findings) with { Code = "PD0005", Line = 2 };
        yield return Check("yaml: unknown alias", f => f.Write("data/glossary.yaml", "- term: *nothing\n  definition: x\n"), Findings) with { Code = "PD0001", Line = 1 };
        yield return Check("yaml: NUL byte in a scalar", f => f.WriteBytes("data/glossary.yaml", [.. "- term: C"u8, 0x00, .. "A\n  definition: x\n"u8]), Findings);
        yield return Check("yaml: a data file that is one scalar", f => f.Write("data/extra.yaml", "hello\n"), Any);
        yield return Check("yaml: 64 KiB of noise as a data file", f => f.WriteBytes("data/noise.yaml", Noise(65_536, 1)), Findings);
        yield return Check("yaml: noise as policyset.yaml", f => f.WriteBytes("policyset.yaml", Noise(4_096, 2)), Findings);
        yield return Check("yaml: noise as document.yaml", f => f.WriteBytes(Doc + "/document.yaml", Noise(4_096, 3)), Findings);
        yield return Check("yaml: CA parent cycle", f => f.Write("data/cas.yaml", Cas(rootParent: "issuing")), Findings);
        yield return Build("yaml: CA parent cycle (build)", f => f.Write("data/cas.yaml", Cas(rootParent: "issuing")), Findings);
        yield return Check("yaml: CA is its own parent", f => f.Write("data/cas.yaml", Cas(rootParent: "root")), Findings);
        yield return Check("yaml: CA parent unknown", f => f.Write("data/cas.yaml", Cas(issuingParent: "nowhere")), Findings);
        yield return Check("yaml: language-specific tags", f => f.Write("data/extra.yaml", "- !!python/object/apply:os.system [\"touch pwned\"]\n- !<tag:yaml.org,2002:js/function> 'x'\n"), Any);
        yield return Check("yaml: merge keys", f => f.Write("data/extra.yaml", "- &base {a: 1}\n- <<: *base\n  b: 2\n"), Any);
        yield return Check("yaml: a 1 MiB key", f => f.Write("data/extra.yaml", "- " + Repeat("k", 1 << 20) + ": v\n"), Any);
        yield return Check("yaml: a complex mapping key", f => f.Write("data/glossary.yaml", "- ? [a, b]\n  : c\n"), Findings) with { Code = "PD0003" };
        yield return Check("yaml: revisions is a text", f => f.Write(Doc + "/document.yaml", Document().Replace("revisions:", "old:", StringComparison.Ordinal) + "revisions: x\n"), Findings);
        yield return Check("yaml: version is a mapping", f => f.Write(Doc + "/document.yaml", Document().Replace("version: '0.1'\neffective", "version: {a: 1}\neffective", StringComparison.Ordinal)), Findings);
        yield return Check("yaml: document order names a missing document", f => f.Write("policyset.yaml", PolicySet().Replace("[cp-cps]", "[cp-cps, missing]", StringComparison.Ordinal)), Findings);
        yield return Check("yaml: CRLF line endings", f =>
        {
            foreach (var file in new[] { "policyset.yaml", "data/cas.yaml", "data/glossary.yaml", Doc + "/document.yaml" })
                f.Write(file, f.Read(file).Replace("\n", "\r\n", StringComparison.Ordinal));
        }, Ok);
        yield return Build("yaml: control characters in a CA name", f => f.Write("data/cas.yaml", Cas(rootName: "Root\u0007\u001b[31m CA\u0085")), Any);
        yield return Check("yaml: alias bomb in single-file front matter", f =>
        {
            var md = Encoding.UTF8.GetString(CaseFolder.PreviousSite["downloads/cp-cps-0.1.md"]);
            f.Write("one.md", md.Replace("---\nid:", "---\n" + BillionLaughs().Replace("a", "x-a", StringComparison.Ordinal) + "id:", StringComparison.Ordinal));
        }, Findings) with { Args = ["check", "--content", "{content}/one.md"] };
        yield return Check("yaml: 10,000 anchors each used once", f =>
        {
            var b = new StringBuilder();
            for (var i = 0; i < 10_000; i++) b.Append($"- a{i}: &x{i} v\n  b{i}: *x{i}\n");
            f.Write("data/extra.yaml", b.ToString());
        }, Any);
        yield return Check("yaml: a number with 30 digits", f => f.Write("data/cas.yaml", Cas().Replace("validity_years: 20", "validity_years: 999999999999999999999999999999", StringComparison.Ordinal)), Any);
        yield return Check("yaml: .nan and .inf values", f => f.Write("data/cas.yaml", Cas().Replace("validity_years: 20", "validity_years: .nan", StringComparison.Ordinal).Replace("validity_years: 5", "validity_years: -.inf", StringComparison.Ordinal)), Any);
        yield return Check("yaml: a data file of only ---", f => f.Write("data/extra.yaml", "---\n"), Any);
        yield return Check("yaml: garbage after a document end marker", f => f.Write("data/extra.yaml", "- a: 1\n...\n]]] {{{\n"), Findings);
        yield return Check("yaml: two %YAML directives", f => f.Write("data/extra.yaml", "%YAML 1.1\n%YAML 1.1\n---\n- a\n"), Findings);
        yield return Check("yaml: an unclosed quote", f => f.Write("data/glossary.yaml", "- term: \"CA\n  definition: x\n"), Findings) with { Code = "PD0001" };
        yield return Check("yaml: a key of 10,000 nested quotes", f => f.Write("data/extra.yaml", "- a: \"" + Repeat("\\\"", 10_000) + "\"\n"), Any);
    }
}
