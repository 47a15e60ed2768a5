using System.Text;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Rendering.Markdown;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Specs;

/// <summary>
/// The spec files beside this test (Specs/*.md), in the style of Markdig's and CommonMark's specs: each example is a
/// fenced block holding the Markdown body of a section, a line with a single <c>.</c>, the body's HTML as the site
/// renders it, another <c>.</c>, and the section as the combined (GitHub-flavoured) Markdown download renders it.
/// Each input becomes the body of CPS 4.9.3 in <see cref="PolicySetBuilder.Valid"/>("cp", "cps"), with the image
/// images/diagram.png beside it. Run with POLICYDOCS_UPDATE_GOLDEN=1 to rewrite the expected outputs, then review the diff.
/// </summary>
public sealed class SpecTests
{
    /// <summary>The line that opens and closes an example.</summary>
    public const string Fence = "````````````````````````````````";

    private const string Open = Fence + " example";

    /// <summary>The section each input is the body of, and the one after it, where its combined Markdown ends.</summary>
    private const string Section = "4.9.3", Next = "4.9.4";

    /// <summary>One example of a spec file.</summary>
    public sealed record Example(string File, int Number, int Line, string Heading, string Input, string Html, string Markdown);

    /// <summary>The folder of the spec files.</summary>
    public static string Folder => Golden.SourceFolderOf(ThisFile());

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    /// <summary>Every example of every spec file, as (file, example number, section heading) for the test's name.</summary>
    public static TheoryData<string, int, string> Examples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Directory.GetFiles(Folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            foreach (var e in Parse(file!, File.ReadAllText(Path.Combine(Folder, file!))))
                data.Add(e.File, e.Number, e.Heading);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_as_the_spec_says(string file, int number, string heading)
    {
        var path = Path.Combine(Folder, file);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var example = Parse(file, text).Single(e => e.Number == number);
        var (html, markdown) = Render(example.Input);
        if (Golden.Updating)
        {
            File.WriteAllText(path, Rewrite(text, example with { Html = html, Markdown = markdown }));
            return;
        }
        var where = $"{file}:{example.Line} example {number} ({heading})";
        Assert.True(example.Html == html, $"{where}: site HTML\nexpected:\n{example.Html}\nactual:\n{html}");
        Assert.True(example.Markdown == markdown, $"{where}: combined Markdown\nexpected:\n{example.Markdown}\nactual:\n{markdown}");
    }

    [Fact]
    public void Every_spec_file_has_examples_and_every_example_has_both_outputs()
    {
        var files = Directory.GetFiles(Folder, "*.md");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var examples = Parse(Path.GetFileName(file), File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal));
            Assert.NotEmpty(examples);
            Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Html) || string.IsNullOrWhiteSpace(e.Markdown), $"{e.File}:{e.Line}"));
        }
    }

    /// <summary>The site HTML of the body and the section's lines of the combined Markdown.</summary>
    public static (string Html, string Markdown) Render(string input)
    {
        var c = Run.Compile(PolicySetBuilder.Valid("cp", "cps")
            .Body("cps", Section, input.TrimEnd('\n'))
            .WithBytes("documents/cps/images/diagram.png", PngWriter.Blank(40, 20)));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var doc = c.Published!.Set.Find("cps")!;
        var s = doc.Find(Section)!;
        // As DocumentHtml renders a section body: the level below the section's heading, ids prefixed with its anchor.
        var html = new HtmlBodyRenderer(c.Published!.Xrefs, "cps", 1, doc.Images).Render(s.Body!, Math.Min(6, s.Depth + 1), s.Anchor).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var combined = CombinedMarkdown.Render(c.Published!.Of(doc)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = combined.IndexOf($"\n### {Section} ", StringComparison.Ordinal);
        var end = combined.IndexOf($"\n### {Next} ", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "section not found in the combined Markdown");
        var section = combined[(start + 1)..end];
        var body = section[(section.IndexOf('\n', StringComparison.Ordinal) + 1)..].Trim('\n');
        return (html, body);
    }

    /// <summary>The examples of a spec file, numbered from 1, each under the nearest heading before it.</summary>
    public static List<Example> Parse(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<Example>();
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#')) heading = lines[i].TrimStart('#').Trim();
            if (lines[i] != Open) continue;
            var start = i;
            var parts = new List<StringBuilder> { new() };
            for (i++; i < lines.Length && lines[i] != Fence; i++)
            {
                if (lines[i] == ".") parts.Add(new StringBuilder());
                else parts[^1].Append(lines[i]).Append('\n');
            }
            if (i == lines.Length) throw new InvalidOperationException($"{file}:{start + 1}: example not closed");
            if (parts.Count != 3) throw new InvalidOperationException($"{file}:{start + 1}: an example has an input and two outputs, each after a line '.'");
            examples.Add(new Example(file, examples.Count + 1, start + 1, heading,
                parts[0].ToString(), parts[1].ToString().TrimEnd('\n'), parts[2].ToString().TrimEnd('\n')));
        }
        return examples;
    }

    /// <summary>The spec text with the outputs of <paramref name="example"/> replaced.</summary>
    private static string Rewrite(string text, Example example)
    {
        var lines = text.Split('\n').ToList();
        var open = example.Line - 1;
        var close = lines.FindIndex(open + 1, l => l == Fence);
        var replacement = new List<string>();
        replacement.AddRange(example.Input.TrimEnd('\n').Split('\n'));
        replacement.Add(".");
        replacement.AddRange(example.Html.Split('\n'));
        replacement.Add(".");
        replacement.AddRange(example.Markdown.Split('\n'));
        lines.RemoveRange(open + 1, close - open - 1);
        lines.InsertRange(open + 1, replacement);
        return string.Join('\n', lines);
    }
}
