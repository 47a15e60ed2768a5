using PolicyDocs.Cli;

using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary><c>policydocs diff</c> end to end: git refs, paths, HTML output, and bad input.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly SampleCopy _repo = new();

    public DiffCommandTests()
    {
        _repo.Git("init", "-q");
        _repo.Git("add", "-A");
        _repo.Git("commit", "-q", "-m", "v1");
        _repo.Git("tag", "v1.0");
        _repo.Edit("documents/cps/04-certificate-life-cycle-operational-requirements.md", s => s.Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal"));
        _repo.Git("commit", "-q", "-am", "v2");
        _repo.Git("tag", "v1.1");
    }

    [Fact]
    public void Git_tags_are_compared_without_touching_the_working_tree()
    {
        File.WriteAllText(Path.Combine(_repo.Content, "scratch.txt"), "uncommitted");
        var (code, output, _) = Run.Cli("diff", "v1.0", "v1.1", "--content", _repo.Content, "--doc", "cps");
        Assert.Equal(0, code);
        Assert.Contains("Changes from v1.0 to v1.1", output);
        Assert.Matches(@"4\.9\.3\s+modified\s+normative", output);
        Assert.True(File.Exists(Path.Combine(_repo.Content, "scratch.txt")));
    }

    [Fact]
    public void Json_output_lists_the_changed_sections()
    {
        var (code, output, _) = Run.Cli("diff", "v1.0", "v1.1", "--content", _repo.Content, "--format", "json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var cps = json.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "cps");
        Assert.Equal("4.9.3", cps.GetProperty("sections")[0].GetProperty("new_number").GetString());
    }

    [Fact]
    public void Docx_redline_is_written_per_changed_document()
    {
        var dir = Path.Combine(_repo.Root, "word");
        var (code, _, err) = Run.Cli("diff", "v1.0", "v1.1", "--content", _repo.Content, "--docx", dir);
        Assert.Equal(0, code);
        // Both tags carry version 1.1, so the file is named after the version labels.
        // The redline and the marker that makes the folder replaceable by the next diff.
        Assert.Equal([".policydocs-output", "cps-v1.0-to-v1.1-redline.docx"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var xml = new System.IO.Compression.ZipArchive(File.OpenRead(Path.Combine(dir, "cps-v1.0-to-v1.1-redline.docx"))).GetEntry("word/document.xml")!;
        using var reader = new StreamReader(xml.Open());
        Assert.Matches("<w:ins [^>]*><w:r><w:t xml:space=\"preserve\">self-service </w:t>", reader.ReadToEnd());
        Assert.Contains("Word redline", err);
    }

    [Fact]
    public void Html_redline_marks_insertions_and_deletions()
    {
        var dir = Path.Combine(_repo.Root, "redline");
        var (code, _, _) = Run.Cli("diff", "v1.0", "v1.1", "--content", _repo.Content, "--html", dir);
        Assert.Equal(0, code);
        var html = File.ReadAllText(Path.Combine(dir, "cps", "index.html"));
        Assert.Contains("<ins>self-service </ins>", html);
        Assert.Contains("id=\"normative-only\"", html);
        // Opened from file://, the page refuses inline script as the site's pages do.
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{PolicyDocs.Rendering.Html.SecurityHeaders.MetaContentSecurityPolicy}\">", html);
        // Rendered with the set's own site templates, without the site's header; the stylesheet it links is there.
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"\\.\\./(assets/redline[^\"]*\\.css)\"");
        Assert.True(css.Success, "the page links no redline stylesheet");
        Assert.True(File.Exists(Path.Combine(dir, css.Groups[1].Value)), css.Groups[1].Value);
        Assert.DoesNotContain("class=\"breadcrumb\"", html);
        Assert.False(Directory.Exists(Path.Combine(dir, "cp")));
    }

    [Fact]
    public void An_unknown_ref_is_bad_input()
    {
        var (code, _, err) = Run.Cli("diff", "v1.0", "v9.9", "--content", _repo.Content);
        Assert.Equal(2, code);
        Assert.Contains("'v9.9' is neither a path nor a git ref", err);
    }

    [Fact]
    public void A_version_that_does_not_load_gives_its_diagnostics_and_writes_nothing()
    {
        _repo.Edit("policyset.yaml", s => s + "\npublisher: [broken\n");
        var dir = Path.Combine(_repo.Root, "redline");
        var (code, output, err) = Run.Cli("diff", "v1.0", _repo.Content, "--content", _repo.Content, "--html", dir);
        Assert.Equal(1, code);
        Assert.Contains("PD0001", output);
        Assert.Contains("Nothing was written", err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void With_allow_errors_a_version_with_errors_still_gets_its_redlines_and_its_errors_are_printed()
    {
        const string file = "documents/cps/04-certificate-life-cycle-operational-requirements.md";
        _repo.Edit(file, s => s.Replace("revokes a certificate in the self-service portal", "revokes a certificate in the new portal (see [[9.99.9]])"));
        var html = Path.Combine(_repo.Root, "redline");
        var word = Path.Combine(_repo.Root, "word");

        var (refused, _, refusal) = Run.Cli("diff", "v1.0", _repo.Content, "--content", _repo.Content, "--html", html);
        Assert.Equal(1, refused);
        Assert.Contains("--allow-errors", refusal);
        Assert.False(Directory.Exists(html));

        var (code, output, err) = Run.Cli("diff", "v1.0", _repo.Content, "--content", _repo.Content, "--html", html, "--docx", word, "--allow-errors", "--format", "json");
        Assert.Equal(1, code);
        Assert.Contains("error PD0201", err);
        Assert.Contains("9.99.9", err);
        using var json = System.Text.Json.JsonDocument.Parse(output); // the errors stay off stdout
        Assert.True(File.Exists(Path.Combine(html, "cps", "index.html")));
        Assert.NotEmpty(Directory.GetFiles(word, "*.docx"));
        Assert.Contains("new", File.ReadAllText(Path.Combine(html, "cps", "index.html")));
    }

    [Fact]
    public void Unrelated_versions_are_refused()
    {
        var other = PolicySetBuilder.SingleFile("other.md", string.Concat(PolicyDocs.Outline.Rfc3647Outline.Instance.Entries.Select(e =>
            $"{new string('#', e.Depth)} {e.Id}{(e.Depth == 1 ? "." : "")} {e.Title}\n\nNo stipulation.\n\n"))).WriteTo(_repo.Root);
        var (code, _, err) = Run.Cli("diff", "v1.0", other, "--content", _repo.Content);
        Assert.Equal(1, code);
        Assert.Contains("no document in common", err);
    }

    public void Dispose() => _repo.Dispose();
}
