using System.Text;
using Markdig.Syntax;
using CsCheck;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Support;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>
/// Whatever characters a section's text holds, the Word document is well-formed XML and carries that text: markup
/// characters are escaped, line ends normalised, and characters XML 1.0 cannot carry are dropped, not fatal.
/// </summary>
public sealed class DocxTextEscapingTests
{
    private const string Alphabet = "ab Zé中&<>\"'\t\u00a0\u2014;=/";

    [Fact]
    public void Any_text_survives_the_round_trip_through_document_xml()
    {
        var word = Gen.Select(Gen.Int[0, Alphabet.Length - 1].Array[1, 8], Gen.Int[0, 3], (ix, extra) =>
        {
            var s = new StringBuilder();
            foreach (var i in ix) s.Append(Alphabet[i]);
            // Now and then a surrogate pair or a control character XML cannot carry.
            if (extra == 1) s.Append("\U0001F510");
            if (extra == 2) s.Append('\u0001');
            return s.ToString();
        });
        word.Array[1, 12].Sample(words =>
        {
            var text = "Lead " + string.Join(" ", words).Replace("<", "&lt;", StringComparison.Ordinal) + " end.";
            using var kit = new DocxTestKit();
            var c = Compile(kit, text);
            var docx = DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Find("cps")!));
            var xml = DocxTestKit.DocumentXml(docx); // throws if the XML is not well-formed
            var paragraph = xml.Descendants(DocxTestKit.W + "p")
                .Select(p => string.Concat(p.Descendants(DocxTestKit.W + "t").Select(t => t.Value)))
                .Single(p => p.StartsWith("Lead ", StringComparison.Ordinal));
            var expected = c.Published!.Set.Find("cps")!.Sections[0].Children[0].Body!.Descendants<Markdig.Syntax.ParagraphBlock>()
                .Select(p => string.Concat(p.Inline!.Descendants<Markdig.Syntax.Inlines.Inline>().Select(i => i switch
                {
                    Markdig.Syntax.Inlines.LiteralInline l => l.Content.ToString(),
                    Markdig.Syntax.Inlines.HtmlEntityInline e => e.Transcoded.ToString(),
                    _ => "",
                })))
                .Single(p => p.StartsWith("Lead ", StringComparison.Ordinal));
            Assert.Equal(expected.Replace("\u0001", "", StringComparison.Ordinal), paragraph);
        }, iter: 25, threads: 1);
    }

    private static PolicyDocs.Compiling.Compilation Compile(DocxTestKit kit, string paragraph)
    {
        new PolicySetBuilder()
            .WithSet(new SetMeta("Example PKI", "Example Policy Authority"))
            .WithDocument("cps", new DocumentMeta("cps", "Example CPS") { EffectiveDate = "2024-01-01", Status = "approved" })
            .WithText("cps", "# 1. Introduction\n\n## 1.1 Overview\n\n" + paragraph + "\n", "01.md")
            .WriteTo(kit.Root);
        return PolicyDocs.Compiling.PolicyCompiler.Compile(kit.Root);
    }
}
