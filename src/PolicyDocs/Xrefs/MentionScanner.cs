using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;
using PolicyDocs.Model;

using SourceSpan = PolicyDocs.Model.SourceSpan;

namespace PolicyDocs.Xrefs;

/// <summary>
/// Checks plain-prose mentions such as "see Section 6.1.1" or "Sections 4.9.1 and 4.9.2" against the document.
/// A mention that names another document ("Section 3.2.2.4 of the Baseline Requirements", "RFC 5280 Section 4.2")
/// is left alone.
/// </summary>
internal static partial class MentionScanner
{
    /// <summary>Reports numbers in <paramref name="literal"/> that the document does not have.</summary>
    public static void Check(PolicyDocument doc, Section section, LiteralInline literal, DiagnosticBag diagnostics)
    {
        for (var parent = literal.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline) return;
        var text = literal.Content.ToString();
        if (!text.Contains("ection", StringComparison.OrdinalIgnoreCase) && !text.Contains('§')) return;
        foreach (Match m in Mention().Matches(text))
        {
            var before = text[..m.Index];
            if (ExternalBefore().IsMatch(before)) continue;
            var after = text[(m.Index + m.Length)..];
            if (ExternalAfter().IsMatch(after)) continue;
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

    [GeneratedRegex(@"(?:\b[Ss]ections?|§§?)\s*(?<num>\d{1,2}(?:\.\d{1,3})+|\d)(?:(?:\s*,\s*|\s*,?\s+(?:and|or|to|through)\s+)(?:(?:[Ss]ections?|§§?)\s*)?(?<num>\d{1,2}(?:\.\d{1,3})+))*")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?:RFC\s*\d+|Requirements|Guidelines|BRs?|Policy|Statement|Standard|Act|Regulation|ETSI\s+[\w .-]+|WebTrust[\w ]*|ISO[\w /-]*|FIPS[\w -]*)[\s,]*(?:\(?)\s*$")]
    private static partial Regex ExternalBefore();

    [GeneratedRegex(@"^\s*(?:of|in|from)\s+(?:the\s+|this\s+CP\b|\[)?(?:RFC|ETSI|ISO|FIPS|[A-Z])")]
    private static partial Regex ExternalAfter();
}
