using CsCheck;
using PolicyDocs.Diff;
using PolicyDocs.Markdown;

namespace PolicyDocs.Tests.Diff;

/// <summary>Which changes are editorial and which normative, on text and on Markdown blocks.</summary>
public sealed class ChangeClassifierTests
{
    private static IReadOnlyList<BlockChange> Changes(string oldMarkdown, string newMarkdown) =>
        BlockDiffer.Compare(BlockExtractor.Extract(PolicyMarkdown.Parse(oldMarkdown), null), BlockExtractor.Extract(PolicyMarkdown.Parse(newMarkdown), null)).Changes;

    [Theory]
    [InlineData("The CA will recieve the request.", "The CA will receive the request.")] // two letters swapped
    [InlineData("Keys are kept seperate from logs.", "Keys are kept separate from logs.")]
    [InlineData("The organisation is audited.", "The organization is audited.")]
    [InlineData("An ocurrence is logged and an adress kept.", "An occurrence is logged and an address kept.")] // two fixes
    [InlineData("Effective 1 July 2024 the CA revokes.", "Effective 2024-07-01 the CA revokes.")]
    [InlineData("Effective July 1, 2024 the CA revokes.", "Effective 1st Jul. 2024 the CA revokes.")]
    [InlineData("Effective 2024-07-01.", "Effective July 1 2024.")]
    [InlineData("| 1.0 | 22-Nov-11 | 01-Jul-2012 |", "| 1.0 | 2011-11-22 | 2012-07-01 |")]
    [InlineData("| 1.1 | 4\u2010Oct\u20102017 |", "| 1.1 | 2017-10-04 |")]
    [InlineData("The  CA\trevokes.", "The CA revokes.")]
    [InlineData("The CA revokes, promptly.", "The CA Revokes promptly.")]
    public void EditorialChanges(string oldText, string newText) =>
        Assert.Equal(ChangeClass.Editorial, ChangeClassifier.Classify(oldText, newText));

    [Theory]
    [InlineData("The CA MUST revoke.", "The CA SHOULD revoke.")]
    [InlineData("The CA may revoke.", "The CA must revoke.")]
    [InlineData("The CA shall not revoke.", "The CA shall revoke.")]
    [InlineData("Revoke within 24 hours.", "Revoke within 12 hours.")]
    [InlineData("Keys of 1.5 kB.", "Keys of 15 kB.")] // the same digits, another number
    [InlineData("Names include the domain.", "Names exclude the domain.")] // close, but another first letter
    [InlineData("A valid request.", "An invalid request.")]
    [InlineData("Check all names.", "Check any names.")] // words shorter than four letters are never spelling fixes
    [InlineData("The CA revokes the key.", "The CA revoked the key.")] // another last letter
    [InlineData("Effective 1 July 2024.", "Effective 2 July 2024.")]
    [InlineData("Effective 1 July 2024.", "Effective 2024-07-02.")]
    [InlineData("The CA keeps logs.", "The CA keeps audit logs.")]
    public void NormativeChanges(string oldText, string newText) =>
        Assert.Equal(ChangeClass.Normative, ChangeClassifier.Classify(oldText, newText));

    [Fact]
    public void DatesThatAreNoDatesStayAsWritten()
    {
        Assert.Equal("on 31 February 2024", ChangeClassifier.NormalizeDates("on 31 February 2024"));
        Assert.Equal("on 2024-02-29 and 2024-03-01", ChangeClassifier.NormalizeDates("on February 29, 2024 and 1 March 2024"));
    }

    [Theory]
    [InlineData("See [the CPS](https://example.org/a).", "See [the CPS](https://example.org/b).")] // link target only
    [InlineData("See the CPS.", "See [the CPS](https://example.org/cps).")] // link added
    [InlineData("* first\n* second\n", "- first\n- second\n")] // list marker
    [InlineData("Keys are __never__ exported.", "Keys are **never** exported.")] // emphasis marker
    [InlineData("Keys are *never* exported.", "Keys are **never** exported.")] // emphasis to strong
    [InlineData("1. first\n2. second\n", "1) first\n2) second\n")]
    public void MarkupOnlyChangesAreReportedAsEditorial(string oldMarkdown, string newMarkdown)
    {
        var changes = Changes(oldMarkdown, newMarkdown);
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal(ChangeClass.Editorial, c.Class));
        Assert.All(changes, c => Assert.Null(c.Op));
    }

    [Fact]
    public void AReflowedParagraphIsNoChange() =>
        Assert.Empty(Changes("Keys are kept\nin the vault.", "Keys are kept in\nthe vault."));

    [Theory]
    [InlineData("Keys are kept in the vault. Logs are read weekly.", "Keys are kept in the vault.\n\nLogs are read weekly.")]
    [InlineData("Keys are kept in the vault.\n\nLogs are read weekly.", "Keys are kept in the vault. Logs are read weekly.")]
    [InlineData("Intro.\n\nA. B. C.\n\nEnd.", "Intro.\n\nA.\n\nB.\n\nC.\n\nEnd.")]
    public void SplitAndJoinedParagraphsAreEditorial(string oldMarkdown, string newMarkdown)
    {
        var changes = Changes(oldMarkdown, newMarkdown);
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal(ChangeClass.Editorial, c.Class));
    }

    [Fact]
    public void ASplitThatAlsoChangesWordsIsNormative()
    {
        var changes = Changes("Keys are kept in the vault. Logs are read weekly.", "Keys are kept in the vault.\n\nLogs are read daily.");
        Assert.Contains(changes, c => c.Class == ChangeClass.Normative);
    }

    private static readonly Gen<string> Word = Gen.OneOfConst("keys", "MUST", "the", "vault", "24", "hours", "logs", "revoke", "CA");

    [Fact]
    public void AChangeOfMarkupAloneIsNeverNormative()
    {
        var gen = Gen.Select(Word.Array[3, 10], Gen.Int[0, 9], Gen.OneOfConst("*", "_", "**", "__"), Gen.OneOfConst("*", "_", "**", "__"), Gen.Int[0, 2]);
        gen.Sample((words, at, a, b, link) =>
        {
            var i = at % words.Length;
            string Write(string delimiter, string url)
            {
                var w = (string[])words.Clone();
                w[i] = link == 0 ? $"{delimiter}{w[i]}{delimiter}" : $"[{w[i]}]({url})";
                return string.Join(" ", w) + ".";
            }
            var changes = Changes(Write(a, "https://example.org/a"), Write(b, link == 2 ? "https://example.org/a" : "https://example.org/b"));
            Assert.All(changes, c => Assert.Equal(ChangeClass.Editorial, c.Class));
        }, iter: 300);
    }

    [Fact]
    public void ADocumentComparedWithItselfHasNoChanges()
    {
        var block = Gen.OneOf(
            Word.Array[1, 8].Select(w => string.Join(" ", w) + "."),
            Word.Array[1, 4].Select(w => string.Join("\n", w.Select(x => "- " + x))),
            Word.Array[3, 3].Select(w => $"| {w[0]} | {w[1]} |\n|---|---|\n| {w[2]} | x |"));
        block.Array[0, 8].Sample(blocks =>
        {
            var text = string.Join("\n\n", blocks);
            Assert.Empty(Changes(text, text));
            Assert.Equal(ChangeClass.Editorial, ChangeClassifier.Classify(text, text));
        }, iter: 200);
    }
}
