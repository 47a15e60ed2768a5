using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Binding;

/// <summary>kramdown attribute lists ({: ...}), which only kramdown reads: removed, one warning per document, at their own place.</summary>
public sealed class KramdownAttributeTests
{
    private static int LineOf(string text, string start) => text.Split('\n').ToList().FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void ABlockAttributeLineAfterAParagraphIsRemovedWithOneWarningAtItsLine()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Body("cp", "4.9.3", "Requests are made in writing.\n{:.box data-ref=\"7.1\"}\n\nMore text.\n\n{: .box}\n")
            .Body("cp", "4.9.4", "Grace period text.\n{:.other}\n"));
        Assert.Empty(c.Of("PD0307"));
        var warning = Assert.Single(c.Of("PD0311"));
        var section = c.Published!.Set.Find("cp")!.Find("4.9.3")!;
        // The attribute line itself, not the end of the paragraph line before it.
        Assert.Equal(section.SourceLine + LineOf(section.Source, "{:.box"), warning.Span.Line);
        Assert.Equal(1, warning.Span.Column);
        Assert.Contains("3 kramdown attribute lists", warning.Message, StringComparison.Ordinal);
        Assert.Contains("{:.box data-ref=", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{:", section.BoundSource, StringComparison.Ordinal);
        var paragraph = section.Body!.OfType<ParagraphBlock>().First();
        Assert.Equal("Requests are made in writing.", paragraph.Inline!.FirstChild!.ToString());
        Assert.Null(paragraph.Inline.FirstChild!.TryGetAttributes());
        Assert.Equal(2, section.Body!.OfType<ParagraphBlock>().Count());
    }

    [Fact]
    public void AnInlineAttributeListKeepsItsClassesAndDropsTheRest()
    {
        var c = Run.Compile(PolicySetBuilder.Valid().Body("cp", "4.9.3", "Keys are *escrowed*{:.term data-x=\"1\"} by the CA."));
        Assert.Empty(c.Of("PD0307"));
        var warning = Assert.Single(c.Of("PD0311"));
        var section = c.Published!.Set.Find("cp")!.Find("4.9.3")!;
        Assert.Equal(section.SourceLine + LineOf(section.Source, "Keys are"), warning.Span.Line);
        Assert.Equal("Keys are *escrowed*".Length + 1, warning.Span.Column);
        var emphasis = section.Body!.Descendants<EmphasisInline>().Single();
        var attributes = emphasis.GetAttributes();
        Assert.Equal(["term"], attributes.Classes);
        Assert.True(attributes.Properties is null || attributes.Properties.Count == 0);
    }
}
