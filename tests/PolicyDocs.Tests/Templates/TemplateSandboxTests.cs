using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Templates;

/// <summary>Prose templates cannot change shared data, cannot vary from run to run, and stop (with a diagnostic at
/// their line) instead of hanging on a regex or being cut at a size limit.</summary>
public sealed class TemplateSandboxTests
{
    private static Section Bound(Compiling.Compilation c, string doc, string number) => c.Published!.Set.Find(doc)!.Find(number)!;

    [Fact]
    public void AssigningToSharedDataIsAnErrorAtItsLineAndChangesNothingElsewhere()
    {
        var b = PolicySetBuilder.Valid("cp", "cps")
            .Body("cp", "6.1.5", "One.\n\n{{ cas.root.name = \"HIJACKED\" }}Root: {{ cas.root.name }}.")
            .Body("cps", "6.1.5", "Root: {{ cas.root.name }}.");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0031", d.Code);
        Assert.EndsWith("documents/cp/06.md", d.Span.Path, StringComparison.Ordinal);
        Assert.Equal(b.LineOf("documents/cp/06.md", "HIJACKED"), d.Span.Line);
        Assert.Equal("Root: Test Root CA.", Bound(c, "cps", "6.1.5").BoundSource!.Trim());
    }

    [Fact]
    public void WhatAFailingTemplateWroteDoesNotLeakIntoTheNextSection()
    {
        var b = PolicySetBuilder.Valid()
            .Body("cp", "1.1", "{{ for i in 1..3 }}LEAKED {{ end }}{{ nothing_here }}")
            .Body("cp", "1.2", "Title: {{ document.title }}.");
        var c = Run.Compile(b);
        Assert.Equal("PD0011", Assert.Single(c.Diagnostics).Code);
        Assert.Equal("Title: Test Certificate Policy cp.", Bound(c, "cp", "1.2").BoundSource!.Trim());
    }

    [Fact]
    public void AnUnclosedExpressionIsAnErrorAtItsOpening()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "1.1", "Fine.\n\nBefore {{ cas.root.name");
        var c = Run.Compile(b);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("PD0011", d.Code);
        Assert.Equal(b.LineOf(PolicySetBuilder.FileFor("cp", "1.1"), "Before {{"), d.Span.Line);
        Assert.Equal(8, d.Span.Column);
    }

    [Fact]
    public void TemplateLocalVariablesStillWork()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "6.1.5", "{{ n = cas.root.name; n = n + \" (offline)\" }}{{ n }}"));
        Assert.True(c.ErrorCount == 0, c.Dump());
        Assert.Equal("Test Root CA (offline)", Bound(c, "cp", "6.1.5").BoundSource!.Trim());
    }

    [Fact]
    public void OutputIsIdenticalAcrossRunsWhenADocumentTriesToAssign()
    {
        var b = PolicySetBuilder.Valid("cp", "cps", "cps2")
            .Body("cp", "6.1.5", "{{ cas.root.name = \"X\" }}")
            .Body("cps", "6.1.5", "Root: {{ cas.root.name }}.")
            .Body("cps2", "6.1.5", "Root: {{ cas.root.name }}.");
        using var tree = b.Write();
        string Snapshot()
        {
            var c = Run.Compile(tree.Root);
            return string.Join("\n", c.Published!.Set.Documents.SelectMany(doc => doc.AllSections.Select(s => s.BoundSource))) + string.Join("\n", c.Diagnostics);
        }
        var first = Snapshot();
        Assert.Contains("Root: Test Root CA.", first, StringComparison.Ordinal);
        for (var i = 0; i < 20; i++) Assert.Equal(first, Snapshot());
    }

    [Theory]
    [InlineData("{{ math.random 1 100 }}")]
    [InlineData("{{ math.uuid }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ date.parse \"10:00\" }}")]
    public void RandomAndClockFunctionsAreTemplateErrors(string expression)
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "One.\n\nValue " + expression + ".");
        var d = Assert.Single(Run.Compile(b).Diagnostics);
        Assert.Contains(d.Code, (string[])["PD0032", "PD0011"]);
        Assert.Equal(b.LineOf("documents/cp/06.md", "Value "), d.Span.Line);
    }

    [Fact]
    public void AnIsoDateStillParses()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "6.1.5", "{{ \"2026-01-31\" | date.parse | date.to_string \"%d %B %Y\" }}"));
        Assert.True(c.ErrorCount == 0, c.Dump());
        Assert.Equal("31 January 2026", Bound(c, "cp", "6.1.5").BoundSource!.Trim());
    }

    [Fact]
    public void CatastrophicRegexStopsWithADiagnosticAtItsLine()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "One.\n\nX {{ regex.match \"" + new string('a', 40) + "b\" \"^(a+)+$\" }}.");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var d = Assert.Single(Run.Compile(b).Diagnostics);
        Assert.Equal("PD0030", d.Code);
        Assert.Equal(b.LineOf("documents/cp/06.md", "regex.match"), d.Span.Line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void RecursionLimitIsAnErrorAtItsLine()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "One.\n\n{{ func f; ret f; end }}{{ f }}");
        var d = Assert.Single(Run.Compile(b).Diagnostics);
        Assert.Equal("PD0030", d.Code);
    }

    [Fact]
    public void AFiveThousandTermGlossaryBuildsEveryDefinition()
    {
        var terms = string.Concat(Enumerable.Range(0, 5000).Select(i => $"- term: Term {i:0000}\n  definition: Definition number {i} of the long glossary, with some words to make it longer than a few bytes.\n"));
        var c = Run.Compile(PolicySetBuilder.Valid().WithData("glossary", terms));
        Assert.True(c.ErrorCount == 0, c.Dump());
        var text = Bound(c, "cp", "1.6").BoundSource!;
        for (var i = 0; i < 5000; i++)
            Assert.Contains($"Definition number {i} of the long glossary", text, StringComparison.Ordinal);
        Assert.EndsWith("Definition number 4999 of the long glossary, with some words to make it longer than a few bytes. |", text.TrimEnd(), StringComparison.Ordinal);
    }
}
