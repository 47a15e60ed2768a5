using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>Every bad input gives its diagnostic at file:line:column and the right exit code, never an exception.</summary>
public sealed class BadInputTests
{
    private static (int Code, string Out, string Err, TempTree Tree) Check(PolicySetBuilder b)
    {
        var tree = b.Write();
        var (code, stdout, stderr) = Run.Cli("check", "--content", tree.Root);
        return (code, stdout, stderr, tree);
    }

    private static string Where(TempTree tree, string relative, int line, int column) =>
        $"{tree.PathOf(relative).Replace('\\', '/')}:{line}:{column}: error";

    [Fact]
    public void MalformedYamlExitsOneWithLineAndColumn()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/document.yaml", "short_title: Test CP\n", "short_title: \"Test CP\n");
        var (code, stdout, _, tree) = Check(b);
        using (tree)
        {
            Assert.Equal(1, code);
            var line = stdout.Split('\n').Single(l => l.Contains("PD0001", StringComparison.Ordinal));
            Assert.Matches(@"documents/cp/document\.yaml:\d+:\d+: error PD0001", line);
            var c = Run.Compile(tree.Root);
            var d = Assert.Single(c.Of("PD0001"));
            Assert.True(d.Span.Line >= b.LineOf("documents/cp/document.yaml", "short_title"), d.ToString());
            Assert.True(d.Span.Column >= 1);
        }
    }

    [Fact]
    public void UnknownKeySuggestsTheClosestKnownKey()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/document.yaml", "short_title:", "shrot_title:");
        var (code, stdout, _, tree) = Check(b);
        using (tree)
        {
            Assert.Equal(1, code);
            var line = b.LineOf("documents/cp/document.yaml", "shrot_title");
            Assert.Contains(Where(tree, "documents/cp/document.yaml", line, 1) + " PD0002", stdout, StringComparison.Ordinal);
            Assert.Contains("did you mean 'short_title'?", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownKeyInDataSuggestsToo()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Replace("data/cas.yaml", "  operation: online", "  operaton: online"));
        Assert.Contains(c.Of("PD0002"), d => d.Message.Contains("did you mean 'operation'?", StringComparison.Ordinal) && d.Span.Path.EndsWith("data/cas.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongTypeIsReportedAtTheValue()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/document.yaml", "title: Test Certificate Policy cp\n", "title:\n  - a\n  - b\n");
        using var tree = b.Write();
        var c = Run.Compile(tree.Root);
        var d = Assert.Single(c.Of("PD0003"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(b.LineOf("documents/cp/document.yaml", "title:") + 1, d.Span.Line);
        Assert.Equal(3, d.Span.Column);
        Assert.Equal(1, Run.Cli("check", "--content", tree.Root).Code);
    }

    [Fact]
    public void WrongScalarValuesAreBadValues()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Replace("documents/cp/document.yaml", "effective_date: 2026-01-01", "effective_date: 2026-13-01")
            .Replace("documents/cp/document.yaml", "kind: cp", "kind: cpx"));
        var messages = c.Of("PD0008").Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("2026-13-01", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("did you mean 'cp'?", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateIdsAreReportedAtTheSecondRecord()
    {
        var b = PolicySetBuilder.Valid().Replace("data/roles.yaml", "- id: internal-auditor", "- id: ca-administrator");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Of("PD0005"));
        Assert.EndsWith("data/roles.yaml", d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(b.Files["data/roles.yaml"].Split('\n').Select((l, i) => (l, i)).Last(x => x.l.Contains("id: ca-administrator", StringComparison.Ordinal)).i + 1, d.Span.Line);
    }

    [Fact]
    public void DuplicateSectionNumbersAreReportedAtTheSecondHeading()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/04.md", "### 4.9.2 Who can request revocation", "### 4.9.1 Who can request revocation");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Of("PD0006"));
        Assert.Equal(b.LineOf("documents/cp/04.md", "### 4.9.1 Who can request"), d.Span.Line);
        Assert.Contains($"line {b.LineOf("documents/cp/04.md", "### 4.9.1 Circumstances")}", d.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void MissingRequiredKeyIsReported()
    {
        var b = PolicySetBuilder.Valid().Replace("documents/cp/document.yaml", "version: \"1.0\"\n", "");
        var (code, stdout, _, tree) = Check(b);
        using (tree)
        {
            Assert.Equal(1, code);
            Assert.Contains("error PD0004", stdout, StringComparison.Ordinal);
            Assert.Contains("'version'", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MissingPublisherNameInPolicySetIsReported()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Replace("policyset.yaml", "  name: Test Policy Authority\n", ""));
        Assert.Contains(c.Of("PD0004"), d => d.Span.Path.EndsWith("policyset.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownRecordReferencesAreReported()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Replace("data/cas.yaml", "parent: root", "parent: rot"));
        var d = Assert.Single(c.Of("PD0010"));
        Assert.Contains("did you mean 'root'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonexistentContentPathExitsTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "policydocs-tests", "does-not-exist-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = Run.Cli("check", "--content", missing);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.Equal(2, Run.Cli("build", "--content", missing, "--output", missing + "-site").Code);
        Assert.False(Directory.Exists(missing + "-site"));
    }

    [Fact]
    public void FolderWithoutPolicySetExitsTwo()
    {
        using var tree = new TempTree();
        tree.Write("readme.txt", "not a policy set");
        var (code, _, stderr) = Run.Cli("check", "--content", tree.Root);
        Assert.Equal(2, code);
        Assert.Contains("policyset.yaml", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--no-such-option")]
    [InlineData("check", "--format", "xml")]
    [InlineData("no-such-command")]
    [InlineData("build", "--content")]
    public void BadUsageExitsTwo(params string[] args)
    {
        var (code, _, stderr) = Run.Cli(args);
        Assert.Equal(2, code);
        Assert.Contains("policydocs", stderr, StringComparison.Ordinal);
    }
}
