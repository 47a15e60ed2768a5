using CsCheck;
using PolicyDocs.Checks;
using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Outline;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Outline;

/// <summary>Invariants over generated documents.</summary>
public sealed class PropertyTests
{
    private static readonly OutlineEntry[] Leaves =
        [.. Rfc3647Outline.Instance.Entries.Where(e => !Rfc3647Outline.Instance.Entries.Any(c => c.ParentId == e.Id))];

    private static (PolicyDocument Doc, DiagnosticBag Bag) Load(string markdown)
    {
        var bag = new DiagnosticBag();
        var inAppendix = false;
        var split = SectionSplitter.Split("gen.md", markdown, 1, ref inAppendix);
        var (sections, appendices) = SectionTree.Build(split.Segments, bag);
        var info = new DocumentInfo { Id = "gen", Kind = DocumentKind.Cp, Title = "Gen", ShortTitle = "Gen", Version = "1", Span = SourceSpan.File("gen.md") };
        return (new PolicyDocument(info, sections, appendices), bag);
    }

    [Fact]
    public void RemovingAnySetOfLeafSectionsReportsExactlyThoseAsMissing()
    {
        Gen.Int[0, Leaves.Length - 1].HashSet[0, 12].Sample(removed =>
        {
            var ids = removed.Select(i => Leaves[i].Id).ToHashSet(StringComparer.Ordinal);
            var (doc, bag) = Load(PolicySetBuilder.Document(include: e => !ids.Contains(e.Id)));
            OutlineAlignment.Align(doc, bag, strict: false);
            var diagnostics = bag.ToSortedList();
            Assert.All(diagnostics, d => Assert.Equal("PD0101", d.Code));
            var reported = diagnostics.Select(d => d.Message.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(ids.Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
        }, iter: 60);
    }

    [Fact]
    public void SplittingRecoversEveryNumberAndTitleWhateverTheHeadingStyle()
    {
        var entries = Rfc3647Outline.Instance.Entries;
        var style = Gen.Select(Gen.Int[1, 6], Gen.Bool, Gen.Int[1, 3], Gen.Bool);
        style.Array[entries.Count].Sample(styles =>
        {
            var text = string.Concat(entries.Select((e, i) =>
            {
                var (hashes, dot, spaces, closing) = styles[i];
                return $"{new string('#', hashes)} {e.Id}{(dot ? "." : "")}{new string(' ', spaces)}{e.Title}{(closing ? " ##" : "")}\n\nBody {i}.\n\n";
            }));
            var inAppendix = false;
            var split = SectionSplitter.Split("gen.md", text, 1, ref inAppendix);
            Assert.Equal(entries.Select(e => (e.Id, e.Title)), split.Segments.Select(s => (s.Number, s.Title)));
            Assert.All(split.Segments.Select((s, i) => (s, i)), x => Assert.Equal($"\nBody {x.i}.\n\n", x.s.Body));
            var (doc, bag) = Load(text);
            Assert.Empty(bag.ToSortedList());
            OutlineAlignment.Align(doc, bag, strict: true);
            Assert.Empty(bag.ToSortedList());
        }, iter: 40);
    }
}
