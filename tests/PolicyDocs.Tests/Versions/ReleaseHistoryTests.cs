using PolicyDocs.Model;
using PolicyDocs.Pipeline;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Versions;

/// <summary>Declared releases (git tags) are published with their redlines, and held to the changelog rules.</summary>
public sealed class ReleaseHistoryTests : IDisposable
{
    private const string Cps04 = "documents/cps/04-certificate-life-cycle-operational-requirements.md";
    private readonly SampleCopy _repo = new();

    public ReleaseHistoryTests()
    {
        _repo.Edit("policyset.yaml", s => s + "\nreleases:\n  tags: \"v*\"\n");
        _repo.Git("init", "-q");
        _repo.Git("add", "-A");
        _repo.Git("commit", "-q", "-m", "1.1");
        _repo.Git("tag", "v1.1");
    }

    private void Release12()
    {
        _repo.Edit(Cps04, s => s.Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal"));
        _repo.Edit("documents/cps/document.yaml", s => System.Text.RegularExpressions.Regex.Replace(s, "^version: \"1.1\"", "version: \"1.2\"", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Replace("effective_date: 2026-04-01", "effective_date: 2026-10-01")
            .TrimEnd() + "\n  - version: \"1.2\"\n    date: 2026-10-01\n    summary: Portal wording.\n    approval: pa-2026-09\n");
        _repo.Edit("data/approvals.yaml", s => s.TrimEnd() + "\n\n- id: pa-2026-09\n  date: 2026-09-15\n  meeting: PA 2026-09\n  decision: Approved CPS 1.2.\n  members_present: 3\n  votes: { for: 3, against: 0, abstain: 0 }\n  approves:\n    - document: cps\n      version: \"1.2\"\n");
        _repo.Git("commit", "-q", "-am", "1.2");
        _repo.Git("tag", "v1.2");
    }

    private (int Code, string Out, string Site) Build()
    {
        var site = Path.Combine(_repo.Root, "site");
        var (code, output, _) = Run.Cli("build", "--content", _repo.Content, "--output", site);
        return (code, output, site);
    }

    [Fact]
    public void Every_released_version_and_its_redline_are_published()
    {
        Release12();
        var (code, output, site) = Build();
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(site, "cps", "1.1", "index.html")));
        Assert.Contains("superseded version", File.ReadAllText(Path.Combine(site, "cps", "1.1", "index.html")));
        Assert.True(File.Exists(Path.Combine(site, "downloads", "cps-1.1.docx")));
        var redline = File.ReadAllText(Path.Combine(site, "changes", "cps", "1.1..1.2", "index.html"));
        Assert.Contains("<ins>self-service </ins>", redline);
        var versions = File.ReadAllText(Path.Combine(site, "cps", "versions", "index.html"));
        Assert.Contains("href=\"../../cps/1.1/index.html\"", versions);
        Assert.Contains("href=\"../../changes/cps/1.1..1.2/index.html\"", versions);
        Assert.True(File.Exists(Path.Combine(site, "changes", "cps", "index.html")));
        var word = Path.Combine(site, "downloads", "cps-1.1-to-1.2-redline.docx");
        Assert.True(File.Exists(word));
        Assert.Contains("w:ins ", ReadDocumentXml(word), StringComparison.Ordinal);
        Assert.Contains("href=\"../../downloads/cps-1.1-to-1.2-redline.docx\"", versions);
        Assert.False(Directory.Exists(Path.Combine(site, "cp", "1.1")));
    }

    private sealed class Heard : IBuildProgress
    {
        public List<string> Stages { get; } = [];
        public void Started(BuildStage stage) => Stages.Add(stage.Name);
        public void Finished(BuildStage stage, IReadOnlyList<Diagnostic> diagnostics) { }
    }

    [Fact]
    public void The_build_runs_every_stage_in_order_and_the_preview_only_compile_and_render()
    {
        Release12();
        var heard = new Heard();
        var result = PolicyPipeline.Build(_repo.Content, new BuildOptions(), heard);
        Assert.True(result.Succeeded, string.Join("\n", result.ReleaseDiagnostics));
        Assert.Equal(["compile", "releases", "compare", "render"], heard.Stages);
        Assert.Equal(PolicyPipeline.Stages.Select(s => s.Name), heard.Stages);
        var preview = new Heard();
        Assert.True(PolicyPipeline.Build(_repo.Content, BuildOptions.Preview, preview).Succeeded);
        Assert.Equal(["compile", "render"], preview.Stages);
    }

    [Fact]
    public void A_release_that_changes_text_without_a_new_version_fails_at_the_compare_stage()
    {
        _repo.Edit(Cps04, s => s.Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal"));
        _repo.Git("commit", "-q", "-am", "untracked change");
        _repo.Git("tag", "v1.1.1");
        var result = PolicyPipeline.Build(_repo.Content, new BuildOptions());
        Assert.Same(PolicyPipeline.Compare, result.FailedAt);
        Assert.Null(result.Site);
        Assert.Contains(result.ReleaseDiagnostics, d => d.Code == "PD0154" && d.Severity == Severity.Error);
    }

    [Fact]
    public void A_release_that_changes_text_without_a_new_version_fails_the_build()
    {
        _repo.Edit(Cps04, s => s.Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal"));
        _repo.Git("commit", "-q", "-am", "untracked change");
        _repo.Git("tag", "v1.1.1");
        var (code, output, site) = Build();
        Assert.Equal(1, code);
        Assert.Contains("error PD0154", output);
        Assert.Contains("error PD0153", output);
        Assert.False(Directory.Exists(site));
    }

    [Fact]
    public void Unreleased_edits_without_a_new_version_are_only_warnings()
    {
        _repo.Edit(Cps04, s => s.Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal"));
        var (code, output, _) = Build();
        Assert.Equal(0, code);
        Assert.Contains("warning PD0153", output);
        Assert.Contains("(not yet released)", output);
    }

    private static string ReadDocumentXml(string docx)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    public void Dispose() => _repo.Dispose();
}
