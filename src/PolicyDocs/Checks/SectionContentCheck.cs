using System.Text.RegularExpressions;
using PolicyDocs.Model;

namespace PolicyDocs.Checks;

/// <summary>Blank sections (PD0105) and "No stipulation" mixed with other text (PD0106).</summary>
internal static partial class SectionContentCheck
{
    /// <summary>Checks every section of <paramref name="doc"/>.</summary>
    public static void Check(PolicyDocument doc, DiagnosticBag diagnostics)
    {
        foreach (var s in doc.AllSections.Concat(doc.AllAppendices))
        {
            if (IsBlank(s))
            {
                diagnostics.Add(Rules.BlankSection, s.Span,
                    $"Section {s.Number} \"{s.Title}\" is blank: it has no text and no subsections.");
                continue;
            }
            var text = SectionText.Substance(s.BoundSource ?? s.Source);
            if (NoStipulation.Mentions(text) && !NoStipulation.IsExactly(text) && !Quoted().IsMatch(text))
                diagnostics.Add(Rules.MixedNoStipulation, s.Span,
                    $"Section {s.Number} says \"No stipulation\" and also has other text; \"No stipulation\" must mean the document imposes no requirement.");
        }
    }

    /// <summary>True when the section has neither text (ignoring HTML comments and bare anchors) nor subsections.</summary>
    public static bool IsBlank(Section s) =>
        s.Children.IsEmpty && string.IsNullOrWhiteSpace(SectionText.Substance(s.Source));

    // "No stipulation" written in quotes talks about the convention (e.g. in 1.2) rather than using it.
    [GeneratedRegex(@"[""“'‘]no\s+stipulation\.?[""”'’]", RegexOptions.IgnoreCase)]
    private static partial Regex Quoted();
}
