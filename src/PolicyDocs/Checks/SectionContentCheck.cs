using System.Text.RegularExpressions;
using PolicyDocs.Model;

namespace PolicyDocs.Checks;

/// <summary>Blank sections (PD0105) and the "No stipulation" statement mixed with other text (PD0106); prose that
/// merely speaks of a stipulation ("There is no stipulation regarding …") is not the statement.</summary>
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
            if (NoStipulation.States(text) && !NoStipulation.IsExactly(Notes().Replace(text, "")) && !Quoted().IsMatch(text))
                diagnostics.Add(Rules.MixedNoStipulation, s.Span,
                    $"Section {s.Number} says \"No stipulation\" and also has other text; \"No stipulation\" must mean the document imposes no requirement.");
        }
    }

    /// <summary>True when the section has neither text (ignoring HTML comments and bare anchors) nor subsections.</summary>
    public static bool IsBlank(Section s) =>
        s.Children.IsEmpty && string.IsNullOrWhiteSpace(SectionText.Substance(s.Source));

    // An informative note ("Note: …", "**Note**: …") beside the statement imposes nothing either: a paragraph of its own.
    [GeneratedRegex(@"^[ \t>]*[*_]{0,2}Notes?[*_]{0,2}\s*:.*?(?:\n[ \t]*\n|\z)", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Notes();

    // "No stipulation" written in quotes talks about the convention (e.g. in 1.2) rather than using it.
    [GeneratedRegex(@"[""“'‘]no\s+stipulation\.?[""”'’]", RegexOptions.IgnoreCase)]
    private static partial Regex Quoted();
}
