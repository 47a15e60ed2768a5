using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Formatting changes as tracked changes: a paragraph whose style, list level or list type changed keeps the new
/// properties with the old ones in w:pPrChange; a run whose emphasis, code or link style changed keeps the new
/// properties with the old ones in w:rPrChange. Rejecting either gives back the old formatting.
/// </summary>
internal sealed class FormatChanges(RevisionMarks marks, DocxNumbering? numbering)
{
    /// <summary>Records on <paramref name="target"/> the paragraph properties of <paramref name="old"/> when they differ.
    /// Two lists of the same kind are the same formatting, though each list has its own numbering instance.</summary>
    public void Paragraph(Paragraph target, Paragraph old)
    {
        var before = Base(old.ParagraphProperties);
        var after = Base(target.ParagraphProperties);
        if (Same(before, after)) return;
        var pPr = target.ParagraphProperties ??= new ParagraphProperties();
        var change = marks.ChangeParagraph();
        var previous = new ParagraphPropertiesExtended();
        foreach (var e in before) previous.Append(e.CloneNode(true));
        change.Append(previous);
        pPr.ParagraphPropertiesChange = change;
    }

    /// <summary>Records on <paramref name="run"/> (new text) the properties of the old run <paramref name="old"/> when they differ.</summary>
    public void Run(Run run, Run old)
    {
        var before = Base(old.RunProperties);
        var after = Base(run.RunProperties);
        if (Xml(before) == Xml(after)) return;
        var rPr = run.RunProperties ??= new RunProperties();
        var change = marks.ChangeRun();
        var previous = new PreviousRunProperties();
        foreach (var e in before) previous.Append(e.CloneNode(true));
        change.Append(previous);
        rPr.Append(change);
    }

    /// <summary>The properties that describe formatting: not the paragraph mark's revision, section or earlier changes.</summary>
    private static List<OpenXmlElement> Base(OpenXmlCompositeElement? props) =>
        props?.ChildElements.Where(e => e is not (ParagraphMarkRunProperties or SectionProperties or ParagraphPropertiesChange or RunPropertiesChange))
            .ToList() ?? [];

    private static string Xml(IEnumerable<OpenXmlElement> elements) => string.Concat(elements.Select(e => e.OuterXml));

    private bool Same(List<OpenXmlElement> a, List<OpenXmlElement> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] is NumberingProperties x && b[i] is NumberingProperties y)
            {
                if (x.NumberingLevelReference?.Val?.Value != y.NumberingLevelReference?.Val?.Value) return false;
                var (m, n) = (x.NumberingId?.Val?.Value, y.NumberingId?.Val?.Value);
                if (m != n && (numbering is null || m is null || n is null || numbering.KindOf(m.Value) != numbering.KindOf(n.Value))) return false;
            }
            else if (a[i].OuterXml != b[i].OuterXml) return false;
        }
        return true;
    }
}
