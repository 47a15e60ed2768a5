using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>Every model element keeps the place it was written.</summary>
public sealed class SourceSpanTests
{
    private static void AssertHeadingSpans(PolicyDocument doc)
    {
        foreach (var s in doc.AllSections.Concat(doc.Appendices))
        {
            var lines = File.ReadAllLines(s.Span.Path);
            var heading = lines[s.Span.Line - 1];
            Assert.Equal(1, s.Span.Column);
            Assert.StartsWith("#", heading, StringComparison.Ordinal);
            Assert.Contains(s.IsAppendix ? s.Title : s.Number, heading, StringComparison.Ordinal);
            Assert.EndsWith(s.Title, heading, StringComparison.Ordinal);
            Assert.Equal(s.Span.Line + 1, s.SourceLine);
            // The body text starts right after the heading line.
            var body = string.Join("\n", lines.Skip(s.SourceLine - 1).Take(SectionSplitterLines(s.Source)));
            Assert.Equal(s.Source.TrimEnd('\n'), body.TrimEnd('\n'));
        }
    }

    private static int SectionSplitterLines(string source) => source.Count(c => c == '\n');

    [Fact]
    public void FolderLayoutSectionsPointAtTheirHeadingLines()
    {
        using var tree = PolicySetBuilder.Valid("cp", "cps").Write();
        var c = Run.Compile(tree.Root);
        foreach (var doc in c.Published!.Set.Documents) AssertHeadingSpans(doc);
    }

    [Fact]
    public void SingleFileSectionsAndAppendicesPointAtTheirHeadingLines()
    {
        using var tree = new TempTree();
        var c = Run.Compile(PolicySetBuilder.SingleFile("cps.md", SingleFileLayoutTests.CaStyleDocument()).WriteTo(tree.Root));
        var doc = c.Published!.Set.Documents[0];
        Assert.Equal(2, doc.Appendices.Length);
        AssertHeadingSpans(doc);
    }

    [Fact]
    public void DataRecordsAndMetadataPointAtTheirFiles()
    {
        var b = PolicySetBuilder.Valid();
        b.Replace("documents/cp/document.yaml", "status: approved\n",
            "status: approved\nrevisions:\n  - version: \"0.9\"\n    date: 2025-06-01\n    summary: Draft.\n  - version: \"1.0\"\n    date: 2026-01-01\n    summary: First.\n");
        using var tree = b.Write();
        var c = Run.Compile(tree.Root);
        Assert.True(c.ErrorCount == 0, c.Dump());
        var set = c.Published!.Set;
        var doc = set.Documents[0];
        Assert.EndsWith("documents/cp/document.yaml", doc.Info.Span.Path, StringComparison.Ordinal);
        var revLines = doc.Info.Revisions.Select(r => r.Span.Line).ToArray();
        var first = b.LineOf("documents/cp/document.yaml", "- version: \"0.9\"");
        Assert.Equal([first, first + 3], revLines);

        void AtLine(SourceSpan span, string file, string text)
        {
            Assert.EndsWith(file, span.Path, StringComparison.Ordinal);
            Assert.Equal(b.LineOf(file, text), span.Line);
        }
        AtLine(set.Data.Cas[1].Span, "data/cas.yaml", "id: issuing");
        AtLine(set.Data.Roles[1].Span, "data/roles.yaml", "id: internal-auditor");
        AtLine(set.Data.Tasks[0].Span, "data/tasks.yaml", "id: key-generation");
        AtLine(set.Data.Glossary[1].Span, "data/glossary.yaml", "term: Relying Party");
    }
}
