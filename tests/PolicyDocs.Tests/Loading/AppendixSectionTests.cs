using System.Collections.Immutable;
using PolicyDocs.Loading;
using PolicyDocs.Model;

namespace PolicyDocs.Tests.Loading;

/// <summary>Numbered headings inside an appendix ("A.1.1.", "C-1.") are sections of that appendix.</summary>
public sealed class AppendixSectionTests
{
    private const string Text =
        "# 9. OTHER\n\nLast chapter.\n\n" +
        "# Appendix A – Contact Methods\n\nIntro of A.\n\n" +
        "## A.1. Mail Methods\n\nAbout mail.\n\n" +
        "### A.1.1. Email Property\n\nThe email property.\n\n" +
        "## 1. Counted List Heading\n\nStays in A.1.1.\n\n" +
        "# Appendix C: Country Rules\n\n### Country Procedures\n\n#### C-1. Japan\n\nJapanese rules.\n\n" +
        "## A.2 Not of this appendix\n\nStays in C-1.\n";

    private static (ImmutableArray<Section> Appendices, DiagnosticBag Bag) Load()
    {
        var inAppendix = false;
        var split = SectionSplitter.Split("x.md", Text, 1, ref inAppendix);
        var bag = new DiagnosticBag();
        var (_, appendices) = SectionTree.Build(split.Segments, bag);
        return (appendices, bag);
    }

    [Fact]
    public void Numbered_headings_after_the_appendix_letter_nest_under_it()
    {
        var (appendices, bag) = Load();
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(["A", "C"], appendices.Select(a => a.Number));
        var a1 = Assert.Single(appendices[0].Children);
        Assert.Equal(("A.1", "Mail Methods", 2, true), (a1.Number, a1.Title, a1.Depth, a1.IsAppendix));
        var a11 = Assert.Single(a1.Children);
        Assert.Equal(("A.1.1", 3, "appendix-a.1.1"), (a11.Number, a11.Depth, a11.Anchor));
        Assert.Contains("## 1. Counted List Heading", a11.Source, StringComparison.Ordinal);
        var c1 = Assert.Single(appendices[1].Children);
        Assert.Equal(("C-1", "Japan", 2), (c1.Number, c1.Title, c1.Depth));
        Assert.Contains("### Country Procedures", appendices[1].Source, StringComparison.Ordinal);
        Assert.Contains("## A.2 Not of this appendix", c1.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Appendix_headings_keep_their_punctuation()
    {
        var (appendices, _) = Load();
        Assert.Equal("Appendix A – Contact Methods", appendices[0].DisplayTitle);
        Assert.Equal("Appendix A –", appendices[0].Label);
        Assert.Equal("Appendix C: Country Rules", appendices[1].DisplayTitle);
        Assert.Equal("A.1.1. Email Property", appendices[0].Children[0].Children[0].DisplayTitle);
        Assert.Equal("C-1. Japan", appendices[1].Children[0].DisplayTitle);
    }

    [Fact]
    public void An_appendix_section_without_its_parent_is_reported_and_kept()
    {
        var inAppendix = false;
        var split = SectionSplitter.Split("x.md", "# Appendix B – Other\n\n### B.2.1. Deep\n\nText.\n", 1, ref inAppendix);
        var bag = new DiagnosticBag();
        var (_, appendices) = SectionTree.Build(split.Segments, bag);
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal(Rules.OrphanSection.Code, d.Code);
        Assert.Contains("B.2", d.Message, StringComparison.Ordinal);
        Assert.Equal("B.2.1", Assert.Single(appendices[0].Children).Number);
    }
}
