using Markdig.Syntax;
using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Binding;

/// <summary>Prose is a Scriban template over the data: strict variables, safe includes, limits.</summary>
public sealed class BindingTests
{
    private static Section Bound(Compiling.Compilation c, string number) => c.Published!.Set.Documents[0].Find(number)!;

    [Fact]
    public void DataValuesAppearInTheBoundText()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "6.1.5",
            "The {{ cas.issuing.name }} uses {{ cas.issuing.key.algorithm }} {{ cas.issuing.key.size }}; {{ document.short_title }} v{{ document.version }} by {{ policyset.publisher.name }}. Roles: {{ roles_list | array.size }}."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        Assert.Equal("The Test Issuing CA uses ECDSA P-256; Test CP v1.0 by Test Policy Authority. Roles: 2.", Bound(c, "6.1.5").BoundSource!.Trim());
        Assert.Contains("Test Issuing CA", Bound(c, "6.1.5").Body!.Descendants<Markdig.Syntax.Inlines.LiteralInline>().First().Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedBlocksRenderTheData()
    {
        var c = Run.Compile(PolicySetBuilder.Valid());
        var caList = Bound(c, "1.3.1").BoundSource!;
        Assert.Contains("Test Root CA", caList, StringComparison.Ordinal);
        Assert.Contains("Test Issuing CA", caList, StringComparison.Ordinal);
        Assert.Contains("self-signed", caList, StringComparison.Ordinal);
        Assert.Contains("Hardware Security Module", Bound(c, "1.6").BoundSource!, StringComparison.Ordinal);
        Assert.Contains("Operate the CA software", Bound(c, "5.2.1").BoundSource!, StringComparison.Ordinal);
        Assert.Contains("CA key generation", Bound(c, "5.2.2").BoundSource!, StringComparison.Ordinal);
        Assert.Contains("1.3.6.1.4.1.99999.1.1", Bound(c, "1.2").BoundSource!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ no_such_variable }}")]
    [InlineData("{{ cas.nope.name }}")]
    public void UndefinedVariableIsPd0011AtTheMarkdownFilesOwnLine(string expression)
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "First line.\n\nThe value is " + expression + " here.");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0011", d.Code);
        Assert.EndsWith("documents/cp/06.md", d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(b.LineOf("documents/cp/06.md", "The value is"), d.Span.Line);
        Assert.InRange(d.Span.Column, "The value is ".Length + 1, "The value is ".Length + expression.Length);
    }

    [Fact]
    public void TemplateSyntaxErrorIsPd0011AtItsLine()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "One.\n\nTwo {{ if }} three.");
        var c = Run.Compile(b);
        Assert.Equal(c.Diagnostics.Count, c.Of("PD0011").Count);
        Assert.All(c.Diagnostics, d => Assert.Equal(b.LineOf("documents/cp/06.md", "Two {{"), d.Span.Line));
        Assert.Contains(c.Diagnostics, d => d.Span.Column == "Two {{ if ".Length + 1);
    }

    [Fact]
    public void IncludeOfAnUnknownBlockIsReported()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "{{ include \"no-such-block\" }}");
        var d = Assert.Single(Run.Compile(b).Diagnostics);
        Assert.Equal("PD0011", d.Code);
        Assert.Contains("No block named 'no-such-block'", d.Message, StringComparison.Ordinal);
        Assert.Equal(b.LineOf("documents/cp/06.md", "no-such-block"), d.Span.Line);
    }

    [Theory]
    [InlineData("../policyset.yaml")]
    [InlineData("../../content/policyset")]
    [InlineData("/etc/passwd")]
    [InlineData("markdown/../../secret")]
    public void IncludeNamesCannotEscapeTheTemplatesFolder(string name)
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", $"{{{{ include \"{name}\" }}}}");
        // A file the escape would reach if it were followed.
        b.Set("templates/secret.sbn", "SECRET").Set("templates/policyset.yaml.sbn", "SECRET");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0011", d.Code);
        Assert.DoesNotContain("SECRET", Bound(c, "6.1.5").BoundSource!, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicySetTemplatesOverrideTheBuiltInBlocks()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Set("templates/markdown/ca-list.sbn", "OWN LIST {{ cas_list | array.size }}"));
        Assert.True(c.ErrorCount == 0, c.Dump());
        Assert.Equal("OWN LIST 2", Bound(c, "1.3.1").BoundSource!.Trim());
    }

    [Fact]
    public void LoopLimitStopsRunawayTemplates()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "6.1.5", "{{ for i in 1..1000000 }}x{{ end }}"));
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0030", d.Code);
        Assert.Contains("loop", d.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ClockIsNotAvailableToTemplates()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "6.1.5", "Today is {{ date.now }}."));
        Assert.Equal("PD0032", Assert.Single(c.Diagnostics).Code);
    }
}
