using System.Text;
using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>Hostile Markdown: deep nesting, pathological inline runs, huge bodies, bad encodings.</summary>
internal static class MarkdownCases
{
    private static string Table(int rows, int columns)
    {
        var b = new StringBuilder();
        b.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(c => $" H{c} |"))).Append('\n');
        b.Append('|').Append(Repeat("---|", columns)).Append('\n');
        for (var r = 0; r < rows; r++) b.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(c => $" r{r}c{c} |"))).Append('\n');
        return b.ToString();
    }

    private static string Words(int bytes, string end)
    {
        var b = new StringBuilder(bytes + 64);
        var i = 0;
        while (b.Length < bytes) b.Append("word").Append(i++ % 997).Append(' ');
        return b.Append(end).ToString();
    }

    public static IEnumerable<HostileCase> All()
    {
        yield return Build("markdown: 10,000 nested block quotes", f => f.Prose(Repeat(">", 10_000) + " deep"), Any);
        yield return Build("markdown: 10,000 nested lists on one line", f => f.Prose(Repeat("- ", 10_000) + "deep"), Any);
        yield return Build("markdown: 300 nested indented lists", f =>
        {
            var b = new StringBuilder();
            for (var i = 0; i < 300; i++) b.Append(' ', i * 2).Append("- item ").Append(i).Append('\n');
            f.Prose(b.ToString());
        }, Any);
        yield return Build("markdown: 1,000 nested ordered lists", f => f.Prose(Repeat("1. ", 1_000) + "deep"), Any);
        yield return Build("markdown: block quotes and lists interleaved 5,000 deep", f => f.Prose(Repeat("> - ", 5_000) + "deep"), Any);
        yield return Build("markdown: 100,000 link reference definitions", f =>
        {
            var b = new StringBuilder("See [r1].\n\n");
            for (var i = 0; i < 100_000; i++) b.Append("[r").Append(i).Append("]: https://example.invalid/").Append(i).Append('\n');
            f.Prose(b.ToString());
        }, Any);
        yield return Build("markdown: 50,000 unclosed brackets", f => f.Prose(Repeat("[", 50_000) + " x"), Any);
        yield return Build("markdown: 50,000 emphasis openers", f => f.Prose(Repeat("*a ", 50_000)), Any);
        yield return Build("markdown: 50,000 underscores", f => f.Prose(Repeat("_", 50_000)), Any);
        yield return Build("markdown: 5,000 nested emphasis", f => f.Prose(Repeat("*a **b ", 2_500) + "c" + Repeat("** d*", 2_500)), Any);
        yield return Build("markdown: 10,000 nested link brackets", f => f.Prose(Repeat("[", 10_000) + "x" + Repeat("](https://example.invalid/)", 10_000)), Any);
        yield return Build("markdown: 10,000 unclosed cross-reference openers", f => f.Prose(Repeat("[[", 10_000) + " x"), Any);
        yield return Build("markdown: 10,000 nested cross-reference brackets", f => f.Prose(Repeat("[[", 5_000) + "4.9.1" + Repeat("]]", 5_000)), Any);
        yield return Build("markdown: a table of 5,000 rows", f => f.Prose(Table(5_000, 6)), Ok) with { Shows = "r4999c5" };
        yield return Build("markdown: a table of 1,000 columns", f => f.Prose(Table(3, 1_000)), Any);
        yield return Build("markdown: a table whose rows have 10,000 pipes", f => f.Prose("| a | b |\n|---|---|\n" + Repeat("|", 10_000) + "\n"), Any);
        yield return Check("markdown: a heading of 10,000 characters", f => f.Append(Doc + "/09-other-business-and-legal-matters.md", "\n#### 9.17.1 " + Repeat("long ", 2_000) + "\n"), Any);
        yield return Check("markdown: a section number 500 levels deep", f => f.Append(Doc + "/09-other-business-and-legal-matters.md", "\n#### " + string.Join('.', Enumerable.Repeat("1", 500)) + " Deep\n"), Any);
        yield return Check("markdown: a section number that overflows", f => f.Append(Doc + "/09-other-business-and-legal-matters.md", "\n#### 9.99999999999999999999999 Big\n"), Any);
        yield return Build("markdown: a 3 MB paragraph is published whole", f => f.Prose(Words(3_000_000, "END-OF-THE-LONG-PARAGRAPH")), Ok) with { Shows = "END-OF-THE-LONG-PARAGRAPH" };
        yield return Build("markdown: NUL bytes in prose", f => f.Prose("before\0after \0\0"), Any);
        yield return Check("markdown: invalid UTF-8 in prose", f => f.WriteBytes(Intro, BadUtf8(f.Read(Intro)[..20], f.Read(Intro)[20..])), Findings) with { Line = 1 };
        yield return Check("markdown: invalid UTF-8 deep in a file", f =>
        {
            var text = f.Read(Procedural);
            var at = text.IndexOf("### 5.2.3", StringComparison.Ordinal);
            f.WriteBytes(Procedural, BadUtf8(text[..at], text[at..]));
        }, Findings);
        yield return Build("markdown: bidirectional overrides and zero-width characters", f => f.Prose("Trust \u202Eevil\u202C and \u200B\u200D\uFEFF here."), Ok);
        yield return Build("markdown: an unclosed HTML comment", f => f.Prose("<!-- never closed\n\nmore text"), Any);
        yield return Build("markdown: an unclosed code fence of 100,000 lines", f => f.Prose("```\n" + Repeat("code line\n", 100_000)), Any);
        yield return Build("markdown: 10,000 footnotes", f =>
        {
            var b = new StringBuilder();
            for (var i = 0; i < 10_000; i++) b.Append("Text[^n").Append(i).Append("]. ");
            b.Append("\n\n");
            for (var i = 0; i < 10_000; i++) b.Append("[^n").Append(i).Append("]: Note ").Append(i).Append(".\n");
            f.Prose(b.ToString());
        }, Any);
        yield return Build("markdown: a footnote that cites itself", f => f.Prose("Text[^a].\n\n[^a]: See [^a] and [^a]."), Any);
        yield return Build("markdown: 10,000 setext underlines", f => f.Prose("Title\n" + Repeat("===\n", 10_000)), Any);
        yield return Build("markdown: out-of-range character references", f => f.Prose("&#x110000; &#0; &#99999999999; &#xD800; &bogus;"), Any);
        yield return Build("markdown: 100,000 less-than signs", f => f.Prose(Repeat("<", 100_000)), Any);
        yield return Build("markdown: 20,000 bare web addresses", f => f.Prose(Repeat("www.example.invalid ", 20_000)), Any);
        yield return Check("markdown: 10,000 unresolved terms", f => f.Prose(Repeat("[[term:Nothing]] ", 10_000)), Findings) with { Code = "PD0201" };
        yield return Build("markdown: 10,000 nested HTML divs", f => f.Prose(Repeat("<div>", 10_000) + "x" + Repeat("</div>", 10_000)), Any);
        yield return Check("markdown: carriage-return-only line endings", f => f.Write(Intro, f.Read(Intro).Replace("\n", "\r", StringComparison.Ordinal)), Any);
        yield return Check("markdown: a lone carriage return inside a heading", f => f.Replace(Intro, "## 1.1 Overview", "## 1.1 Over\rview"), Any);
        yield return Check("markdown: a file name with shell and newline characters", f => f.Write(Doc + "/10-a b;c$(touch pwned)\n.md", "Text after the last section.\n"), Any);
        yield return Build("markdown: 5,000 nested image brackets", f => f.Prose(Repeat("![", 5_000) + "x" + Repeat("](a.png)", 5_000)), Any);
        yield return Build("markdown: 5,000 backtick runs", f => f.Prose(string.Concat(Enumerable.Range(1, 5_000).Select(i => new string('`', i % 50 + 1) + " "))), Any);
        yield return Check("markdown: an unclosed template expression", f => f.Prose("Before {{ cas.root.name"), Findings) with { Code = "PD0011", Line = CaseFolder.ProseLine };
        yield return Check("markdown: text before the first heading", f => f.Write(Intro, "Stray text.\n\n" + f.Read(Intro)), Any);
        yield return Check("markdown: a heading inside a 1,000-deep block quote", f => f.Prose(Repeat(">", 1_000) + " ## 1.1.1 Hidden"), Any);
    }
}
