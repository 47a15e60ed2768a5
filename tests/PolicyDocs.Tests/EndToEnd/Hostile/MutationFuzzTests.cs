using System.Text;
using CsCheck;
using PolicyDocs.Cli;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>
/// Random damage to a valid policy set — hostile snippets, noise bytes, cut and doubled spans — must never crash,
/// hang, change the content, leave a broken site or publish a script: the corpus's invariants, over a fixed number
/// of mutated sets, run in process.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Iterations = 60;

    private static readonly string[] Files =
    [
        "policyset.yaml", "data/cas.yaml", "data/roles.yaml", "data/tasks.yaml", "data/glossary.yaml",
        CaseFolder.Doc + "/document.yaml", CaseFolder.Doc + "/01-introduction.md", CaseFolder.Doc + "/05-facility-management-and-operational-controls.md",
        CaseFolder.Doc + "/09-other-business-and-legal-matters.md",
    ];

    private static readonly string[] Snippets =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "<javascript:alert(1)>",
        "{onclick=\"alert(1)\"}", "{{ cas.root.name = 'x' }}", "{{ math.random 1 9 }}", "{{ include \"../x\" }}", "{{", "}}",
        "&a [*a, *a, *a]", "*a", "---\n", "\t", "\0", "\r", "\u202E", "[[", "]]", "[[term:", "[^x]", "[^x]: y\n", "\n# 9. X\n",
        "\n## 4.9.1 Dup\n", "|", "\n| a |\n|---|\n", "<!--", "```", ">>>>>>>>", "- - - - - -", "{", "}", "[", "]", ": ", "'", "\"",
        "\\", "<sup onclick=1>", "&#x6A;avascript:", "%00", "../../", "\uFEFF",
    ];

    private sealed record Mutation(int File, int Position, int Kind, int Snippet, int Length, int Seed);

    private static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.Int[0, Files.Length - 1], Gen.Int[0, 1 << 20], Gen.Int[0, 3], Gen.Int[0, Snippets.Length - 1], Gen.Int[1, 200], Gen.Int)
            .Select((f, p, k, s, l, seed) => new Mutation(f, p, k, s, l, seed));

    private static byte[] Apply(byte[] bytes, Mutation m)
    {
        var at = bytes.Length == 0 ? 0 : m.Position % bytes.Length;
        var span = Math.Min(m.Length, bytes.Length - at);
        return m.Kind switch
        {
            0 => [.. bytes[..at], .. Encoding.UTF8.GetBytes(Snippets[m.Snippet]), .. bytes[at..]],
            1 => [.. bytes[..at], .. Corpus.Noise(m.Length % 16 + 1, m.Seed), .. bytes[at..]],
            2 => [.. bytes[..at], .. bytes[(at + span)..]],
            _ => [.. bytes[..(at + span)], .. bytes[at..(at + span)], .. bytes[(at + span)..]],
        };
    }

    /// <summary>A fixed seed: the same mutations on every run, so a failure is reproducible and the suite deterministic.</summary>
    private const string FixedSeed = "477V5N9js3G6";

    [Fact]
    public void Mutated_policy_sets_keep_every_invariant()
    {
        OneMutation.Array[1, 4].Select(Gen.Bool).Sample((mutations, build) =>
        {
            using var f = new CaseFolder();
            foreach (var m in mutations)
            {
                var path = f.Path_(Files[m.File]);
                File.WriteAllBytes(path, Apply(File.ReadAllBytes(path), m));
            }
            var before = CaseFolder.Fingerprint(f.Content);
            string[] args = build ? ["build", "--content", f.Content, "--output", f.Site, "--no-pdf"] : ["check", "--content", f.Content];
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var run = Task.Run(() => CliApp.Run(args, stdout, stderr));
            Assert.True(run.Wait(HostileRunner.Bound), "the command did not finish within the bound");
            var code = run.Result; // an exception escaping CliApp.Run would be a stack trace for the user
            var printed = stdout.ToString() + stderr;
            Assert.True(code is 0 or 1, $"exit {code}: {printed}");
            Assert.DoesNotContain("   at ", printed, StringComparison.Ordinal);
            foreach (var line in stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Assert.Matches(@"^.+?(:\d+(:\d+)?)?: (error|warning) PD\d{4}: [^\r\n]+$", line);
            Assert.Equal(before, CaseFolder.Fingerprint(f.Content));
            if (!build) return;
            if (code != 0)
            {
                var site = Support.TempTree.Snapshot(f.Site);
                Assert.Equal(CaseFolder.PreviousSite.Keys, site.Keys);
                return;
            }
            foreach (var page in Directory.GetFiles(f.Site, "*.html", SearchOption.AllDirectories))
            {
                var html = File.ReadAllText(page);
                Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
                var vectors = HostileRunner.ScriptVectors(html).ToList();
                Assert.True(vectors.Count == 0, $"{page}: {string.Join("; ", vectors)}");
            }
        }, iter: Iterations, threads: 1, seed: FixedSeed);
    }
}
