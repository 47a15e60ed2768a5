using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Versions;

/// <summary>
/// A single Markdown file in a git repository publishes its tagged versions like the folder layout: version archive,
/// in-effect dates, redlines and the changelog rules, each version's history read from its own revision table.
/// </summary>
public sealed class SingleFileReleaseTests : IDisposable
{
    private readonly TempTree _tree = new();
    private string File => Path.Combine(_tree.Root, "cps.md");

    private void Git(params string[] args)
    {
        var (code, _, err) = Tool.Run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", .. args], _tree.Root);
        Assert.True(code == 0, $"git {string.Join(' ', args)}: {err}");
    }

    // One version: its revision table lists every version up to it; section 4.1 says who may apply.
    private static string Version(string frontMatter, string applicants, params (string Version, string Date, string Summary)[] rows)
    {
        var table = "| Date | Changes | Version |\n|---|---|---|\n" + string.Concat(rows.Select(r => $"| {r.Date} | {r.Summary} | {r.Version} |\n"));
        var body = PolicySetBuilder.Document(body: e => e.Id switch
        {
            "1.2" => "Revisions of this statement:\n\n" + table,
            "4.1" => applicants,
            _ => $"Text of {e.Id}.",
        });
        return (frontMatter.Length == 0 ? "" : "---\n" + frontMatter + "---\n") + "# Sample Trust Services Statement\n\n" + body;
    }

    private void Commit(string text, string? tag)
    {
        System.IO.File.WriteAllText(File, text);
        Git("add", "-A");
        Git("commit", "-q", "-m", tag ?? "work");
        if (tag is not null) Git("tag", tag);
    }

    private static readonly (string, string, string) V10 = ("1.0", "January 5, 2025", "First text.");
    private static readonly (string, string, string) V11 = ("1.1", "June 1, 2025", "Organisations may apply.");
    private static readonly (string, string, string) V12 = ("1.2", "Feb 2, 2026", "Agents may apply.");

    private void ThreeReleases(string frontMatter)
    {
        Git("init", "-q");
        Commit(Version(frontMatter, "Individuals may apply.", V10), "v1.0");
        Commit(Version(frontMatter, "Individuals and organisations may apply.", V10, V11), "v1.1");
        Commit(Version(frontMatter, "Individuals, organisations and their agents may apply.", V10, V11, V12), "v1.2");
    }

    private (int Code, string Output, string Site) Build()
    {
        var site = Path.Combine(_tree.Root, "site");
        var (code, output, _) = Run.Cli("build", "--content", File, "--output", site);
        return (code, output, site);
    }

    private void AssertArchive(string site)
    {
        Assert.True(System.IO.File.Exists(Path.Combine(site, "cps", "1.0", "index.html")));
        Assert.True(System.IO.File.Exists(Path.Combine(site, "cps", "1.1", "index.html")));
        Assert.Contains("superseded version", System.IO.File.ReadAllText(Path.Combine(site, "cps", "1.0", "index.html")), StringComparison.Ordinal);
        var versions = System.IO.File.ReadAllText(Path.Combine(site, "cps", "versions", "index.html"));
        Assert.Contains("data-version=\"1.0\" data-from=\"2025-01-05\" data-until=\"2025-06-01\"", versions, StringComparison.Ordinal);
        Assert.Contains("data-version=\"1.2\" data-from=\"2026-02-02\"", versions, StringComparison.Ordinal);
        Assert.Contains("href=\"../../changes/cps/1.0..1.1/index.html\"", versions, StringComparison.Ordinal);
        var redline = System.IO.File.ReadAllText(Path.Combine(site, "changes", "cps", "1.1..1.2", "index.html"));
        Assert.Contains("<ins>", redline, StringComparison.Ordinal);
        Assert.Contains("agents", redline, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Path.Combine(site, "downloads", "cps-1.1-to-1.2-redline.docx")));
    }

    [Fact]
    public void Releases_in_the_front_matter_publish_every_tagged_version()
    {
        ThreeReleases("releases:\n  tags: \"v*\"\n");
        var (code, output, site) = Build();
        Assert.True(code == 0, output);
        Assert.DoesNotContain("PD0002", output, StringComparison.Ordinal);
        AssertArchive(site);
    }

    [Fact]
    public void A_policyset_yaml_beside_the_file_gives_the_releases()
    {
        System.IO.File.WriteAllText(Path.Combine(_tree.Root, "policyset.yaml"), "releases:\n  tags: \"v*\"\n");
        ThreeReleases("");
        var (code, output, site) = Build();
        Assert.True(code == 0, output);
        AssertArchive(site);
    }

    [Fact]
    public void The_front_matter_wins_key_by_key_over_the_policyset_yaml()
    {
        // policyset.yaml names tags that do not exist and a publisher; the front matter's releases win, the publisher stays.
        System.IO.File.WriteAllText(Path.Combine(_tree.Root, "policyset.yaml"), "releases:\n  tags: \"release-*\"\npublisher:\n  name: Sample Trust Services\n");
        ThreeReleases("releases:\n  tags: \"v*\"\n");
        var (code, output, site) = Build();
        Assert.True(code == 0, output);
        AssertArchive(site);
        Assert.Contains("Published by Sample Trust Services.", System.IO.File.ReadAllText(Path.Combine(site, "cps", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_that_changes_the_text_without_a_new_revision_row_breaks_the_changelog_rules()
    {
        Git("init", "-q");
        const string Front = "releases:\n  tags: \"v*\"\n";
        Commit(Version(Front, "Individuals may apply.", V10), "v1.0");
        Commit(Version(Front, "Only individuals may apply.", V10), "v1.0.1");
        var (code, output, _) = Build();
        Assert.NotEqual(0, code);
        Assert.Contains("PD0153", output, StringComparison.Ordinal);
        Assert.Contains("PD0154", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diffing_two_tags_reports_real_versions_and_no_title_change()
    {
        ThreeReleases("");
        var (code, output, _) = Run.Cli("diff", "v1.0", "v1.1", "--content", File);
        Assert.True(code is 0 or 1, output);
        Assert.Contains("(1.0 -> 1.1;", output, StringComparison.Ordinal);
        Assert.DoesNotContain("metadata  title", output, StringComparison.Ordinal);
        Assert.DoesNotContain("current", output, StringComparison.Ordinal);
    }

    public void Dispose() => _tree.Dispose();
}
