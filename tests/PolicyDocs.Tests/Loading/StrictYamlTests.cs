using System.Text;
using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>YAML the reader refuses with a position (too deep, alias bombs, a second document) and stricter loading
/// (empty files, CA parent cycles), each bounded in time.</summary>
public sealed class StrictYamlTests
{
    private static (DataNode? Node, List<Diagnostic> Diagnostics) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var node = HostileFileTests.Within(() => YamlReader.Read("x.yaml", yaml, bag));
        return (node, [.. bag.ToSortedList()]);
    }

    [Fact]
    public void FlowNesting100000DeepStopsAtTheLimit()
    {
        var (node, ds) = Read(new string('[', 100_000) + new string(']', 100_000));
        Assert.Null(node);
        var d = Assert.Single(ds);
        Assert.Equal("PD0018", d.Code);
        Assert.Equal((1, YamlReader.MaxDepth + 1), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void BlockNesting100000DeepStopsAtTheLimit()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 100_000; i++) yaml.Append("- ");
        yaml.Append("x\n");
        var (node, ds) = Read(yaml.ToString());
        Assert.Null(node);
        var d = Assert.Single(ds);
        Assert.Equal("PD0018", d.Code);
        Assert.Equal((1, 2 * YamlReader.MaxDepth + 1), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void SixtyFourLevelsAreRead()
    {
        var (node, ds) = Read(new string('[', YamlReader.MaxDepth) + new string(']', YamlReader.MaxDepth));
        Assert.Empty(ds);
        Assert.IsType<DataList>(node);
    }

    [Fact]
    public void BillionLaughsIsRefusedAtTheAlias()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            var prev = (char)(c - 1);
            yaml.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }
        var (node, ds) = Read(yaml.ToString());
        Assert.Null(node);
        var d = Assert.Single(ds);
        Assert.Equal("PD0019", d.Code);
        // 9^6 nodes (about 530,000 per "f") pass the bound within the line of "g".
        Assert.Equal(7, d.Span.Line);
        Assert.True(d.Span.Column > 4, d.ToString());
    }

    [Fact]
    public void ABillionLaughsDataFileFailsTheBuildQuickly()
    {
        var yaml = new StringBuilder("- &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            yaml.Append("- &l").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        using var tree = PolicySetBuilder.Valid().WithData("bomb", yaml.ToString()).Write();
        var c = HostileFileTests.Within(() => Run.Compile(tree.Root));
        var d = Assert.Single(c.Of("PD0019"));
        Assert.EndsWith("data/bomb.yaml", d.Span.Path, StringComparison.Ordinal);
        Assert.False(c.Published!.Set.Data.Files.ContainsKey("bomb"));
    }

    [Fact]
    public void ModestAliasesAreStillShared()
    {
        var (node, ds) = Read("base: &b {x: 1}\none: *b\ntwo: *b\n");
        Assert.Empty(ds);
        var map = Assert.IsType<DataMap>(node);
        Assert.Same(map.Get("base"), map.Get("two"));
    }

    [Fact]
    public void ASecondDocumentIsAnErrorAtItsStart()
    {
        var (node, ds) = Read("a: 1\nb: 2\n---\nc: 3\n");
        Assert.Null(node);
        var d = Assert.Single(ds);
        Assert.Equal(("PD0017", 3, 1), (d.Code, d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void ASecondDocumentWithSyntaxErrorsIsStillAnError()
    {
        var (node, ds) = Read("a: 1\n---\nb: [\n");
        Assert.Null(node);
        var d = Assert.Single(ds);
        Assert.Equal(("PD0017", 2, 1), (d.Code, d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void ASecondDocumentInADataFileFailsCheck()
    {
        var b = PolicySetBuilder.Valid().Edit("data/roles.yaml", t => t + "---\n- id: ghost\n  name: Ghost\n");
        var line = b.Files["data/roles.yaml"].Split('\n').ToList().IndexOf("---") + 1;
        using var tree = b.Write();
        var (code, stdout, _) = Run.Cli("check", "--content", tree.Root);
        Assert.Equal(1, code);
        Assert.Contains($"{tree.PathOf("data/roles.yaml").Replace('\\', '/')}:{line}:1: error PD0017", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    [InlineData("~\n")]
    public void AnEmptyPolicySetReportsItsRequiredKeys(string text)
    {
        using var tree = PolicySetBuilder.Valid().Set("policyset.yaml", text).Write();
        var (code, stdout, _) = Run.Cli("check", "--content", tree.Root);
        Assert.Equal(1, code);
        var at = tree.PathOf("policyset.yaml").Replace('\\', '/') + ":1:1: error PD0004";
        Assert.Contains(at + ": Policyset.yaml has no 'name'", stdout, StringComparison.Ordinal);
        Assert.Contains(at + ": Policyset.yaml has no 'publisher'", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyDocumentYamlReportsItsRequiredKeys()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Set("documents/cp/document.yaml", ""));
        var missing = c.Of("PD0004").Where(d => d.Span.Path.EndsWith("documents/cp/document.yaml", StringComparison.Ordinal)).Select(d => d.Message).ToList();
        foreach (var key in new[] { "kind", "title", "version" })
            Assert.Contains(missing, m => m.Contains($"no '{key}'", StringComparison.Ordinal));
    }

    [Fact]
    public void ACaParentCycleIsAnErrorAtTheCaThatClosesIt()
    {
        var b = PolicySetBuilder.Valid().Replace("data/cas.yaml", "  type: root\n", "  type: root\n  parent: issuing\n");
        var c = HostileFileTests.Within(() => Run.Compile(b));
        var d = Assert.Single(c.Of("PD0020"));
        Assert.Equal(b.LineOf("data/cas.yaml", "- id: issuing"), d.Span.Line);
        Assert.Contains("root → issuing → root", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACaThatIsItsOwnParentIsACycle()
    {
        var b = PolicySetBuilder.Valid().Replace("data/cas.yaml", "  parent: root\n", "  parent: issuing\n");
        var d = Assert.Single(HostileFileTests.Within(() => Run.Compile(b)).Of("PD0020"));
        Assert.Contains("issuing → issuing", d.Message, StringComparison.Ordinal);
    }
}
