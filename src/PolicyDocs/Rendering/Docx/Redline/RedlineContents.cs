using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// The contents of a redline are never refreshed when the file opens. A redline records changes as tracked changes
/// and switches tracking on for the reviewer's own edits; Word refreshing the contents field on open (the settings'
/// <c>w:updateFields</c>, or a field marked dirty) would then record the whole rebuilt contents as a tracked change
/// by the reviewer, which Accept All and Reject All would act on and which reads as if the reviewer changed it.
/// So the redline drops <c>w:updateFields</c> and every field's dirty flag, and, as no page number it could cache
/// would be right (the redline holds both versions' text, so its pages are neither version's), its contents entries
/// keep their titles and links and lose their page numbers. A reviewer who updates the contents does so knowingly.
/// </summary>
internal static class RedlineContents
{
    /// <summary>Makes the settings and the contents of <paramref name="body"/> as described above.</summary>
    public static void Freeze(Body body, Settings settings)
    {
        foreach (var update in settings.Elements<UpdateFieldsOnOpen>().ToList()) update.Remove();
        foreach (var c in body.Descendants<FieldChar>()) c.Dirty = null;
        foreach (var sdt in body.Elements<SdtBlock>())
            if (sdt.SdtProperties?.Descendants<DocPartGallery>().Any(g => g.Val?.Value == "Table of Contents") == true)
                foreach (var p in sdt.Descendants<Paragraph>().ToList()) DropPageNumbers(p);
    }

    // Removes each PAGEREF field (its begin, code, result and end runs) and the tab run before it.
    private static void DropPageNumbers(Paragraph paragraph)
    {
        var runs = paragraph.Descendants<Run>().ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].GetFirstChild<FieldChar>()?.FieldCharType?.Value != FieldCharValues.Begin) continue;
            if (i + 1 >= runs.Count || runs[i + 1].GetFirstChild<FieldCode>()?.Text.TrimStart().StartsWith("PAGEREF", StringComparison.Ordinal) != true) continue;
            var end = i + 1;
            var depth = 1;
            while (++end < runs.Count && depth > 0)
            {
                var type = runs[end].GetFirstChild<FieldChar>()?.FieldCharType?.Value;
                if (type == FieldCharValues.Begin) depth++;
                else if (type == FieldCharValues.End) depth--;
            }
            if (depth > 0) continue;
            var first = i > 0 && runs[i - 1].ChildElements.All(c => c is TabChar or RunProperties) ? i - 1 : i;
            for (var k = first; k < end; k++) runs[k].Remove();
            i = end - 1;
        }
        // The right tab with its dot leader led to the page number, which is gone.
        paragraph.ParagraphProperties?.Tabs?.Remove();
    }
}
