using System.Text;
using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>Bad command lines, git refs that try to run something, and check --fix on files it must not re-encode.</summary>
internal static class CliCases
{
    private static HostileCase Run(string name, int[] exits, params string[] args) => new(name, _ => { }, args, exits);

    private static string? NothingRan(CaseFolder f, CaseResult _) =>
        File.Exists(Path.Combine(f.Root, "pwned")) || File.Exists(Path.Combine(f.Content, "pwned")) ? "a command in a git ref ran" : null;

    public static IEnumerable<HostileCase> All()
    {
        yield return Run("cli: serve --port abc", Usage, "serve", "--content", "{content}", "--port", "abc");
        yield return Run("cli: serve --port 99999", Usage, "serve", "--content", "{content}", "--port", "99999");
        yield return Run("cli: serve --port -1", Usage, "serve", "--content", "{content}", "--port", "-1");
        yield return Run("cli: serve --port empty", Usage, "serve", "--content", "{content}", "--port", "");
        yield return Run("cli: serve with missing content", Usage, "serve", "--content", "{root}/nothing", "--port", "0");
        yield return Run("cli: serve with empty content", Usage, "serve", "--content", "", "--port", "0");
        yield return new HostileCase("cli: serve on a port in use", f => f.HoldPort(), ["serve", "--content", "{content}", "--port", "{port}"], Usage);
        yield return Run("cli: an unknown option", Usage, "build", "--bogus");
        yield return Run("cli: an unknown command", Usage, "explode");
        yield return Run("cli: an unknown format", Usage, "check", "--content", "{content}", "--format", "xml");
        yield return Run("cli: an option without its value", Usage, "check", "--content");
        yield return Run("cli: diff without versions", Usage, "diff");
        yield return Run("cli: diff with one version", Usage, "diff", "{content}");
        yield return Run("cli: diff of missing paths", Usage, "diff", "{root}/a", "{root}/b");
        yield return new HostileCase("cli: diff with a ; in a ref", _ => { }, ["diff", "v1;touch pwned", "HEAD", "--content", "{content}"], Usage) { Then = NothingRan };
        yield return new HostileCase("cli: diff with $( ) in a ref", _ => { }, ["diff", "$(touch pwned)", "HEAD", "--content", "{content}"], Usage) { Then = NothingRan };
        yield return new HostileCase("cli: diff with backticks in a ref", _ => { }, ["diff", "`touch pwned`", "HEAD", "--content", "{content}"], Usage) { Then = NothingRan };
        yield return new HostileCase("cli: diff with an option as a ref", _ => { }, ["diff", "--upload-pack=touch pwned", "HEAD", "--content", "{content}"], Usage) { Then = NothingRan };
        yield return new HostileCase("cli: diff with -- options as a ref", _ => { }, ["diff", "-ohno", "HEAD", "--content", "{content}"], Usage) { Then = NothingRan };
        yield return new HostileCase("cli: diff with a newline in a ref", _ => { }, ["diff", "v1\ntouch pwned", "HEAD", "--content", "{content}"], Usage) { Then = NothingRan };
        yield return Run("cli: --version", Ok, "--version");
        yield return Run("cli: --help", Ok, "--help");
        yield return Run("cli: build --help", Ok, "build", "--help");
        yield return Run("cli: matrix for an unknown CA", Refused, "matrix", "--content", "{content}", "--ca", "nowhere");
        yield return Run("cli: check with a trailing slash", Ok, "check", "--content", "{content}/");
        yield return Run("cli: check --format json", Ok, "check", "--content", "{content}", "--format", "json");
        yield return Run("cli: check --format sarif", Ok, "check", "--content", "{content}", "--format", "sarif");
        yield return new HostileCase("cli: check --format json with markup in messages", f => f.Write("data/glossary.yaml", "- term: x\n  \"</script>\\n\\u0000\": 1\n"), ["check", "--content", "{content}", "--format", "json"], Findings)
        {
            Then = (_, r) =>
            {
                try { System.Text.Json.JsonDocument.Parse(r.Out).Dispose(); return null; }
                catch (System.Text.Json.JsonException e) { return "json output does not parse: " + e.Message; }
            },
        };
        yield return new HostileCase("cli: a message with a newline stays on one line", f => f.Write("data/glossary.yaml", "- term: x\n  \"bad\\nkey\\r\\n: error PD0000: forged\": 1\n"), CheckArgs, Findings)
        {
            Then = (_, r) => r.Out.Contains("\nforged", StringComparison.Ordinal) || r.Out.Split('\n').Any(l => l.StartsWith(": error PD0000", StringComparison.Ordinal)) ? "a content value split a diagnostic" : null,
        };
        foreach (var (name, bytes) in FixInputs())
            yield return new HostileCase("cli: check --fix keeps " + name, f => f.WriteBytes(Intro, bytes(f.Read(Intro))), ["check", "--content", "{content}", "--fix"], Any)
            {
                MayChangeContent = true,
                Then = (f, _) => FixKept(bytes(CaseFolder.ScaffoldText(Intro)), File.ReadAllBytes(f.Path_(Intro)), name),
            };
        yield return new HostileCase("cli: check --fix does not write through a link out of the tree", f =>
        {
            File.WriteAllText(f.Outside, f.Read(Intro).Replace("## 1.1 Overview\n\nNo stipulation.\n", "## 1.1 Overview\n\n", StringComparison.Ordinal));
            f.Link(Intro, f.Outside);
        }, ["check", "--content", "{content}", "--fix"], Any) { MayChangeContent = false };
    }

    /// <summary>The introduction with section 1.1 blank, in encodings and line endings --fix must keep.</summary>
    private static IEnumerable<(string, Func<string, byte[]>)> FixInputs()
    {
        static string Blank(string text) => text.Replace("## 1.1 Overview\n\nNo stipulation.\n", "## 1.1 Overview\n\n", StringComparison.Ordinal);
        yield return ("a BOM", t => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Blank(t))]);
        yield return ("CRLF line endings", t => Encoding.UTF8.GetBytes(Blank(t).Replace("\n", "\r\n", StringComparison.Ordinal)));
        yield return ("a Latin-1 byte", t => [.. Encoding.UTF8.GetBytes(Blank(t)), .. "Caf"u8, 0xE9, .. "\n"u8]);
        yield return ("no final newline", t => Encoding.UTF8.GetBytes(Blank(t).TrimEnd('\n')));
        yield return ("mixed line endings", t => Encoding.UTF8.GetBytes(Blank(t).Replace("# 1. Introduction\n", "# 1. Introduction\r\n", StringComparison.Ordinal)));
    }

    /// <summary>After --fix, the file is the original with only "No stipulation." lines (and blank lines) added:
    /// every other line keeps its bytes and its line ending, the BOM included.</summary>
    private static string? FixKept(byte[] original, byte[] after, string name)
    {
        static List<string> Lines(byte[] bytes)
        {
            // Latin-1 maps each byte to one char, so no byte is lost or merged.
            var text = Encoding.Latin1.GetString(bytes);
            var lines = new List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
                if (text[i] == '\n') { lines.Add(text[start..(i + 1)]); start = i + 1; }
            if (start < text.Length) lines.Add(text[start..]);
            return [.. lines.Where(l => l.TrimEnd('\r', '\n') is var c && c.Length > 0 && c != "No stipulation.")];
        }
        var count = Encoding.Latin1.GetString(after).Split("No stipulation.").Length - 1;
        if (count == 0) return $"--fix inserted nothing ({name})";
        var a = Lines(original);
        var b = Lines(after);
        if (a.Count != b.Count) return $"--fix changed the number of lines with text ({name})";
        for (var i = 0; i < a.Count; i++)
            if (a[i] != b[i]) return $"--fix changed the bytes of line '{a[i].TrimEnd()}' ({name})";
        return null;
    }
}
