using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Model;

using SourceSpan = PolicyDocs.Model.SourceSpan;

namespace PolicyDocs.Xrefs;

/// <summary>
/// Checks plain-prose mentions such as "see Section 6.1.1" or "Sections 4.9.1 and 4.9.2" against the document.
/// A mention that names another document is left alone: one that follows a document's name or designation
/// ("RFC 5280 Section 4.2", "NIST SP 800-56A Section 5.6.2", "the Baseline Requirements, Section 3.2.2.4") or a link
/// out of the document ("Per [the standard](https://…) Section 5.6"), and one followed by "of", "in" or "from" and a
/// name ("Section 3.2.2.4 of the Baseline Requirements"), possibly after a parenthesised item and "respectively"
/// ("Section 5.4.1 (3) of the …", "Section 7.1.2 d, e and f of the …", "Sections 5.1 and 5.2, respectively, of RFC 6960"). The text around a mention
/// reaches across links and emphasis in the same paragraph.
/// </summary>
internal static partial class MentionScanner
{
    /// <summary>How much text either side of a mention is read for the name of another document.</summary>
    private const int Context = 160;

    /// <summary>Reports numbers in <paramref name="literal"/> that the document does not have.</summary>
    public static void Check(PolicyDocument doc, Section section, LiteralInline literal, DiagnosticBag diagnostics)
    {
        for (var parent = literal.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline) return;
        var text = literal.Content.ToString();
        if (!text.Contains("ection", StringComparison.OrdinalIgnoreCase) && !text.Contains('§')) return;
        foreach (Match m in Mention().Matches(text))
        {
            if (NamesAnotherDocument(literal, text[..m.Index], text[(m.Index + m.Length)..])) continue;
            foreach (Capture c in m.Groups["num"].Captures)
            {
                var number = c.Value.TrimEnd('.');
                if (doc.Find(number) is not null) continue;
                var span = SourceLocator.Locate(section, literal, m.Value);
                if (span == new SourceSpan(section.Span.Path, section.SourceLine + literal.Line, literal.Column + 1))
                    span = span with { Column = span.Column + m.Index };
                diagnostics.Add(Rules.DanglingMention, span, $"'{m.Value.Trim()}' mentions section {number}, which this document does not have.");
            }
        }
    }

    /// <summary>True when the text just before or just after a mention says it is a section of another document.</summary>
    internal static bool NamesAnotherDocument(LiteralInline literal, string textBefore, string textAfter)
    {
        if (string.IsNullOrWhiteSpace(textBefore) && literal.PreviousSibling is { } previous && LeadsOut(previous)) return true;
        var before = new StringBuilder(textBefore);
        for (var s = literal.PreviousSibling; s is not null && before.Length < Context; s = s.PreviousSibling)
            before.Insert(0, InlineText.OfOne(s, null));
        if (ExternalBefore().IsMatch(Tail(before.ToString()))) return true;
        var after = new StringBuilder(textAfter);
        for (var s = literal.NextSibling; s is not null && after.Length < Context; s = s.NextSibling)
            after.Append(InlineText.OfOne(s, null));
        return ExternalAfter().IsMatch(after.ToString());
    }

    private static string Tail(string s) => s.Length <= Context ? s : s[^Context..];

    /// <summary>A link to anything but a place in this document (a #fragment): a URL, another file, another document of the set.</summary>
    private static bool LeadsOut(Inline inline) => inline switch
    {
        LinkInline { IsImage: false, Url: { } url } => !url.StartsWith('#') && !url.StartsWith("xref:#", StringComparison.Ordinal)
                                                         && !url.Equals("xref:", StringComparison.Ordinal),
        AutolinkInline => true,
        XrefInline { Kind: XrefKind.Document } => true,
        _ => false,
    };

    [GeneratedRegex(@"(?:\b[Ss]ections?|§§?)\s*(?<num>\d{1,2}(?:\.\d{1,3})+|\d)(?:(?:\s*,\s*|\s*,?\s+(?:and|or|to|through)\s+)(?:(?:[Ss]ections?|§§?)\s*)?(?<num>\d{1,2}(?:\.\d{1,3})+))*")]
    private static partial Regex Mention();

    // Before a mention: a document's name ("… Requirements", "ETSI EN 319 411-1") or a designation, a capitalised
    // abbreviation with a number ("RFC 5280", "SP 800-56A", "X.509", "ISO/IEC 27001"), maybe with a parenthesised note
    // ("(Revision 2)"), a possessive or a comma.
    [GeneratedRegex(@"(?:RFC\s*\d+|Requirements|Guidelines|BRs?|Policy|Statement|Standard|Act|Regulation|ETSI\s+[\w .-]+|WebTrust[\w ]*|ISO[\w /-]*|FIPS[\w -]*|\b(?!SECTIONS?\b)\p{Lu}(?:\p{Lu}|\.)[\p{L}\p{Nd}/.-]*\s*\d[\w.:/-]*)(?:\s*\([^()]{0,40}\))?(?:['’]s)?[\s,]*(?:\(?)\s*$")]
    private static partial Regex ExternalBefore();

    // After a mention: "of", "in" or "from" and a name, a designation or a link's text, maybe after a determiner ("of a
    // CA's CPS", "of each Subscriber Agreement"), possibly after items of the section ("(3)", "(b)(ii)", "d, e and f",
    // "iv") and "respectively".
    [GeneratedRegex(@"^(?:\s*,?\s*(?:(?:and|or)\s+)?(?:\([\w.]{1,8}\)|\b[a-z]\b|\b[ivx]{1,4}\b))*\s*,?\s*(?:respectively\s*,?\s*)?(?:of|in|from)\s+(?:(?:the|a|an|each|every|any|its|their)\s+|this\s+CP\b|\[)?(?:RFC|ETSI|ISO|FIPS|[A-Z])")]
    private static partial Regex ExternalAfter();
}
