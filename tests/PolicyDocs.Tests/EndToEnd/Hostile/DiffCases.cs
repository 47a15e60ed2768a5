using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>diff on hostile pairs: blocking inputs, hostile changes that reach the redlines, broken encodings.</summary>
internal static class DiffCases
{
    /// <summary>A whole CP/CPS in one file, as CAs publish them, that compiles by itself with no errors.</summary>
    private static string Combined { get; } =
        Loading.SingleFileLayoutTests.CaStyleDocument(e => e.Id == "1.1" ? "No stipulation." : $"Text of {e.Id}, see [[4.9.1]].");

    /// <summary>Writes versions/a.md (the published document) and versions/b.md (it with <paramref name="change"/> applied).</summary>
    private static void Pair(CaseFolder f, Func<string, string> change)
    {
        f.WriteRoot("versions/a.md", Combined);
        f.WriteRoot("versions/b.md", change(Combined));
    }

    private static string InOverview(string text, string added) =>
        text.Replace("## 1.1 Overview\n\nNo stipulation.\n", "## 1.1 Overview\n\n" + added + "\n", StringComparison.Ordinal);

    private static HostileCase Redline(string name, Func<string, string> change, int[] exits) =>
        new(name, f => Pair(f, change), ["diff", "{root}/versions/a.md", "{root}/versions/b.md", "--html", "{root}/out-html", "--docx", "{root}/out-docx"], exits);

    public static IEnumerable<HostileCase> All()
    {
        var args = new[] { "diff", "{root}/versions/a.md", "{root}/versions/b.md" };
        yield return new HostileCase("diff: against a FIFO", f => { f.WriteRoot("versions/a.md", Combined); f.MakeFifo(Path.Combine(f.Root, "versions", "b.md")); }, args, Refused);
        yield return new HostileCase("diff: against /dev/zero", f => f.WriteRoot("versions/a.md", Combined), ["diff", "{root}/versions/a.md", "/dev/zero"], Refused);
        yield return new HostileCase("diff: against a link to /dev/urandom", f => { f.WriteRoot("versions/a.md", Combined); File.CreateSymbolicLink(Path.Combine(f.Root, "versions", "b.md"), "/dev/urandom"); }, args, Refused);
        yield return new HostileCase("diff: of two content folders with a FIFO", f => f.Fifo("data/pipe.yaml"), ["diff", "{content}", "{content}"], Refused);
        yield return new HostileCase("diff: a folder that is not a policy set", f => f.WriteRoot("versions/readme.txt", "x"), ["diff", "{root}/versions", "{content}"], Usage);
        yield return new HostileCase("diff: identical versions", f => Pair(f, t => t), args, Ok);
        yield return new HostileCase("diff: invalid UTF-8 in the new version", f =>
        {
            f.WriteRoot("versions/a.md", Combined);
            File.WriteAllBytes(Path.Combine(f.Root, "versions", "b.md"), BadUtf8(Combined[..200], Combined[200..]));
        }, args, Refused);
        yield return new HostileCase("diff: --format json with markup in the change", f => Pair(f, t => InOverview(t, "</script><script>alert(1)</script>\u0000")), ["diff", "{root}/versions/a.md", "{root}/versions/b.md", "--format", "json"], Any)
        {
            Then = (_, r) =>
            {
                try { System.Text.Json.JsonDocument.Parse(r.Out).Dispose(); return null; }
                catch (System.Text.Json.JsonException e) { return "json output does not parse: " + e.Message; }
            },
        };
        foreach (var (name, prose) in XssCases.Prose().Take(24))
            yield return Redline("diff: redline of added " + name, t => InOverview(t, prose), Any);
        yield return Redline("diff: redline of removed markup", t => t.Replace("No stipulation.", Img, StringComparison.Ordinal), Any) with
        {
            Arrange = f => { f.WriteRoot("versions/a.md", InOverview(Combined, Img + " " + Break)); f.WriteRoot("versions/b.md", Combined); },
        };
        yield return Redline("diff: redline of a changed title with markup", t => t.Replace("title: Example CA", "title: <script>alert(1)</script> CA", StringComparison.Ordinal), Any);
        yield return Redline("diff: redline of 10,000 nested block quotes", t => InOverview(t, Repeat(">", 10_000) + " deep"), Any);
        yield return Redline("diff: redline of a 2 MB paragraph", t => InOverview(t, Repeat("changed words here ", 110_000)), Any);
        yield return Redline("diff: redline of 10,000 nested lists", t => InOverview(t, Repeat("- ", 10_000) + "x"), Any);
    }
}
