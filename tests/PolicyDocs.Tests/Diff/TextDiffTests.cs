using CsCheck;
using PolicyDocs.Diff;

namespace PolicyDocs.Tests.Diff;

public sealed class TextDiffTests
{
    private static readonly string[] Sentences =
    [
        "The Issuing CA revokes a certificate within 24 hours after confirming a key compromise.",
        "CRLs are issued at least every 12 hours and are valid for 7 days.",
        "Key generation requires three persons in trusted roles, one of whom is a Security Officer.",
        "Section 4.9.1 lists the reasons; see also RFC 5280, Section 5.3.1.",
    ];

    private static readonly Gen<string> Words = Gen.OneOfConst("CA", "shall", "must", "24", "hours", "days", "4.9.1", ",", ".", " ", "  ", "revoke", "the", "(", ")", "—", "Relying Party's");

    [Fact]
    public void Tokens_concatenate_back_to_the_text()
    {
        Gen.String.Sample(s => Assert.Equal(s, string.Concat(WordTokenizer.Instance.Chunk(s))), iter: 500);
    }

    [Fact]
    public void Numbers_and_section_numbers_are_single_tokens_with_their_following_space()
    {
        Assert.Equal([" ", "see ", "4.9.1 ", "within ", "1,000 ", "hours", "."], WordTokenizer.Instance.Chunk(" see 4.9.1 within 1,000 hours."));
    }

    [Fact]
    public void Dates_are_single_tokens_so_a_reformatted_date_is_one_date_for_another()
    {
        Assert.Equal(["Effective ", "22 Nov 2011 ", "and ", "2011-11-22", "."], WordTokenizer.Instance.Chunk("Effective 22 Nov 2011 and 2011-11-22."));
        Assert.Equal(["on ", "November 22, 2011 ", "or ", "22nd of November 2011 ", "or ", "March 2024", "."],
            WordTokenizer.Instance.Chunk("on November 22, 2011 or 22nd of November 2011 or March 2024."));
        // A month name without a year stays a word: "3 may" is a number and a verb.
        Assert.Equal(["3 ", "may ", "apply"], WordTokenizer.Instance.Chunk("3 may apply"));
        Assert.Equal(["version ", "1.2.3 ", "of ", "2,048 ", "bits"], WordTokenizer.Instance.Chunk("version 1.2.3 of 2,048 bits"));
        Assert.Equal([new DiffSpan(DiffOp.Equal, "Published "), new DiffSpan(DiffOp.Deleted, "22 Nov 2011"), new DiffSpan(DiffOp.Inserted, "2011-11-22"), new DiffSpan(DiffOp.Equal, " by the CA.")],
            TextDiff.Words("Published 22 Nov 2011 by the CA.", "Published 2011-11-22 by the CA."));
    }

    [Fact]
    public void A_reworded_phrase_keeps_the_words_it_shares()
    {
        var spans = TextDiff.Words("requires an appropriate level of training and legal obligation.",
            "requires documented annual training and an appropriate legal obligation.");
        // Before tokens carried their spaces, the diff matched spaces and kept only "requires" and "legal obligation.".
        var equal = string.Concat(spans.Where(s => s.Op == DiffOp.Equal).Select(s => s.Text));
        Assert.Equal(6, WordTokenizer.Instance.Chunk(equal).Count);
        Assert.Equal("Top-Level Domain Name", TextDiff.New(TextDiff.Words("Top Level Domain", "Top-Level Domain Name")));
        Assert.Equal([new DiffSpan(DiffOp.Deleted, "Top Level"), new DiffSpan(DiffOp.Inserted, "Top-Level"), new DiffSpan(DiffOp.Equal, " Domain Name")],
            TextDiff.Words("Top Level Domain Name", "Top-Level Domain Name"));
    }

    [Fact]
    public void Old_and_new_text_are_reproduced_for_any_edit_script()
    {
        // An edit script over a real sentence: insert, delete or replace tokens at random positions.
        var edits = Gen.Select(Gen.Int[0, Sentences.Length - 1], Gen.Select(Gen.Int[0, 2], Gen.Int[0, 40], Words).Array[0, 8]);
        edits.Sample(t =>
        {
            var (which, script) = t;
            var tokens = WordTokenizer.Instance.Chunk(Sentences[which]).ToList();
            foreach (var (op, pos, word) in script)
            {
                var at = Math.Min(pos, tokens.Count);
                if (op == 0) tokens.Insert(at, word);
                else if (tokens.Count > 0 && op == 1) tokens.RemoveAt(Math.Min(at, tokens.Count - 1));
                else if (tokens.Count > 0) tokens[Math.Min(at, tokens.Count - 1)] = word;
            }
            var old = Sentences[which];
            var @new = string.Concat(tokens);
            var spans = TextDiff.Words(old, @new);
            Assert.Equal(old, TextDiff.Old(spans));
            Assert.Equal(@new, TextDiff.New(spans));
            Assert.Equal(old == @new, spans.All(s => s.Op == DiffOp.Equal));
        }, iter: 300);
    }

    [Fact]
    public void A_changed_number_is_a_word_level_replacement()
    {
        var spans = TextDiff.Words("revoke within 24 hours.", "revoke within 12 hours.");
        Assert.Equal(
            [new DiffSpan(DiffOp.Equal, "revoke within "), new DiffSpan(DiffOp.Deleted, "24"), new DiffSpan(DiffOp.Inserted, "12"), new DiffSpan(DiffOp.Equal, " hours.")],
            spans);
    }

    [Theory]
    [InlineData("The CA shall revoke.", "The CA shall revoke!", nameof(ChangeClass.Editorial))]
    [InlineData("The CA shall revoke.", "The  CA  SHALL revoke.", nameof(ChangeClass.Editorial))]
    [InlineData("The CA shall revoke.", "The CA may revoke.", nameof(ChangeClass.Normative))]
    [InlineData("within 24 hours", "within 12 hours", nameof(ChangeClass.Normative))]
    public void Whitespace_punctuation_and_casing_are_editorial(string a, string b, string expected) =>
        Assert.Equal(Enum.Parse<ChangeClass>(expected), BlockDiffer.Classify(a, b));
}
