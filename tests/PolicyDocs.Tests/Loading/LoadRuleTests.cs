using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>The loader's rules for content that cannot become a document: each with an input that makes it fire, at the file it names.</summary>
public sealed class LoadRuleTests
{
    [Fact]
    public void Pd0007_a_document_folder_without_document_yaml_is_named_and_the_rest_still_compiles()
    {
        var b = PolicySetBuilder.Valid("cp", "cps").Remove("documents/cps/document.yaml");
        using var tree = b.Write();
        var c = Run.Compile(tree.Root);
        var d = Assert.Single(c.Of("PD0007"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("documents/cps", d.Message, StringComparison.Ordinal);
        Assert.Contains("document.yaml", d.Message, StringComparison.Ordinal);
        Assert.NotNull(c.Published!.Set?.Find("cp"));
    }

    [Fact]
    public void Pd0012_a_document_whose_markdown_has_no_numbered_headings()
    {
        var b = PolicySetBuilder.Valid();
        foreach (var file in b.Files.Keys.Where(k => k.StartsWith("documents/cp/", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal)).ToList())
            b.Remove(file);
        b.WithText("cp", "Some words, but no numbered section headings.\n");
        var d = Assert.Single(Run.Compile(b).Of("PD0012"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("'cp' has no numbered sections", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("document.yaml", d.Span.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Pd0012_a_document_folder_with_no_markdown_files_says_so()
    {
        var b = PolicySetBuilder.Valid();
        foreach (var file in b.Files.Keys.Where(k => k.StartsWith("documents/cp/", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal)).ToList())
            b.Remove(file);
        var d = Assert.Single(Run.Compile(b).Of("PD0012"));
        Assert.Contains("(no .md files)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pd0012_a_single_file_without_section_headings()
    {
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("CP.md", "# Certificate Policy\n\nJust an introduction with no numbered sections.\n").WriteTo(tree.Root);
        var (code, stdout, _) = Run.Cli("check", "--content", path);
        Assert.Equal(1, code);
        Assert.Contains("error PD0012", stdout, StringComparison.Ordinal);
        Assert.Contains("no numbered section headings", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pd0012_a_policy_set_without_a_documents_folder()
    {
        var b = PolicySetBuilder.Valid();
        foreach (var file in b.Files.Keys.Where(k => k.StartsWith("documents/", StringComparison.Ordinal)).ToList()) b.Remove(file);
        var d = Assert.Single(Run.Compile(b).Of("PD0012"));
        Assert.Contains("no documents/ folder", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("policyset.yaml", d.Span.Path, StringComparison.Ordinal);
    }
}
