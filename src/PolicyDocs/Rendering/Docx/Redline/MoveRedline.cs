using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Docx.Redline;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Moves as Word marks them: the text where it was in w:moveFrom, where it is now in w:moveTo, each inside a
/// w:moveFromRangeStart/End and w:moveToRangeStart/End pair of one name. A moved paragraph may have changed a little:
/// its new words are inserted inside the move; the words it lost show only where it came from. Accepting gives the
/// text where it is now, rejecting where it was.
/// </summary>
internal sealed class MoveRedline(RevisionMarks marks, ParagraphRedline paragraphs)
{
    /// <summary>How alike a deleted and an inserted paragraph must be to be shown as one moved paragraph.</summary>
    public const double Alike = 0.8;

    /// <summary>The shortest paragraph text shown as moved; shorter ones ("No stipulation.") read better deleted and inserted.</summary>
    public const int MinLength = 30;

    private int _moves;

    /// <summary>A new name for a move's two ranges.</summary>
    public string NextName() => "move" + (++_moves).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Pairs the wholly deleted with the wholly inserted paragraphs of <paramref name="body"/> (not in tables) that
    /// have the same or nearly the same text, and marks each pair as a move.</summary>
    public void Paragraphs(OpenXmlElement body)
    {
        var deleted = body.Elements<Paragraph>().Where(p => Whole(p, inserted: false)).ToList();
        var inserted = body.Elements<Paragraph>().Where(p => Whole(p, inserted: true)).ToList();
        if (deleted.Count == 0 || inserted.Count == 0) return;
        var used = new HashSet<Paragraph>(ReferenceEqualityComparer.Instance);
        var pairs = new List<(Paragraph From, Paragraph To)>();
        foreach (var exact in new[] { true, false })
            foreach (var to in inserted)
            {
                if (used.Contains(to)) continue;
                var text = ParagraphRedline.Text(to);
                var from = deleted.FirstOrDefault(d => !used.Contains(d) && (exact
                    ? ParagraphRedline.Text(d) == text
                    : TextDiff.Similarity(TextDiff.Words(ParagraphRedline.Text(d), text)) >= Alike));
                if (from is null) continue;
                used.Add(from);
                used.Add(to);
                pairs.Add((from, to));
            }
        foreach (var (from, to) in pairs)
        {
            var name = NextName();
            var old = Restore(from);
            From([from], name);
            var composed = Restore(to);
            paragraphs.Compose(composed, old, TextDiff.Words(ParagraphRedline.Text(old), ParagraphRedline.Text(composed)));
            foreach (var child in to.ChildElements.ToList()) child.Remove();
            foreach (var child in composed.ChildElements.ToList())
            {
                child.Remove();
                to.Append(child);
            }
            To([to], name);
        }
    }

    /// <summary>True when every run of the paragraph and its mark are inserted (or deleted), it holds no note reference,
    /// and its text is long enough to be worth showing as a move.</summary>
    private static bool Whole(Paragraph p, bool inserted)
    {
        if (inserted ? ParagraphRedline.MarkOf(p) is not Inserted : ParagraphRedline.MarkOf(p) is not Deleted) return false;
        var runs = p.Descendants<Run>().ToList();
        if (runs.Count == 0 || runs.Any(r => r.GetFirstChild<FootnoteReference>() is not null)) return false;
        if (!runs.All(r => inserted ? r.Ancestors<InsertedRun>().Any() : r.Ancestors<DeletedRun>().Any())) return false;
        return ParagraphRedline.Text(p).Trim().Length >= MinLength;
    }

    /// <summary>The paragraph as it was before it was marked wholly inserted or deleted.</summary>
    private static Paragraph Restore(Paragraph p)
    {
        var copy = (Paragraph)p.CloneNode(true);
        foreach (var wrap in copy.Descendants().Where(e => e is InsertedRun or DeletedRun).ToList())
        {
            foreach (var child in wrap.ChildElements.ToList())
            {
                child.Remove();
                wrap.InsertBeforeSelf(child);
            }
            wrap.Remove();
        }
        foreach (var d in copy.Descendants<DeletedText>().ToList()) d.InsertAfterSelf(Plain(d)).Parent!.RemoveChild(d);
        copy.ParagraphProperties?.ParagraphMarkRunProperties?.Remove();
        return copy;
    }

    private static Text Plain(DeletedText d)
    {
        var t = new Text(d.Text);
        if (d.Space is not null) t.Space = d.Space;
        return t;
    }

    /// <summary>
    /// Turns elements of the old version already marked deleted (paragraphs, tables) into the source of move
    /// <paramref name="name"/>: deleted runs become moved-from runs, deleted paragraph marks moved-from marks; table rows
    /// stay deleted rows.
    /// </summary>
    public void From(IReadOnlyList<OpenXmlElement> elements, string name)
    {
        foreach (var element in elements)
        {
            foreach (var del in element.Descendants<DeletedRun>().ToList())
            {
                var move = marks.MoveFromRun();
                foreach (var child in del.ChildElements.ToList())
                {
                    child.Remove();
                    foreach (var d in child.Descendants<DeletedText>().ToList()) d.InsertAfterSelf(Plain(d)).Parent!.RemoveChild(d);
                    move.Append(child);
                }
                del.InsertAfterSelf(move);
                del.Remove();
            }
            foreach (var p in ParagraphsOf(element))
                if (ParagraphRedline.MarkOf(p) is Deleted mark)
                {
                    mark.Remove();
                    ParagraphRedline.MarkParagraph(p, marks.MoveFromMark());
                }
        }
        var (start, end) = marks.MoveFromRange(name);
        Range(elements, start, end);
    }

    /// <summary>
    /// Turns composed elements of the new version (unchanged text unmarked, changes marked) into the destination of move
    /// <paramref name="name"/>: deleted text and wholly deleted paragraphs and rows go (they show where the text came
    /// from), unchanged runs become moved-to runs, unchanged paragraph marks moved-to marks, unchanged rows inserted rows.
    /// </summary>
    public void To(IReadOnlyList<OpenXmlElement> elements, string name)
    {
        foreach (var element in elements)
        {
            foreach (var row in element.Descendants<TableRow>().ToList())
            {
                if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null) row.Remove();
                else if (!RowRedline.IsInserted(row))
                {
                    row.TableRowProperties ??= new TableRowProperties();
                    row.TableRowProperties.Append(marks.InsertMark());
                }
            }
            foreach (var del in element.Descendants<DeletedRun>().ToList()) del.Remove();
            foreach (var p in ParagraphsOf(element).ToList())
            {
                if (ParagraphRedline.MarkOf(p) is Deleted && !p.Descendants<Run>().Any())
                {
                    p.Remove();
                    continue;
                }
                Wrap(p);
                foreach (var link in p.Elements<Hyperlink>()) Wrap(link);
                var lastInCell = p.Parent is TableCell cell && ReferenceEquals(cell.Elements<Paragraph>().LastOrDefault(), p);
                if (ParagraphRedline.MarkOf(p) is Inserted || lastInCell) continue;
                ParagraphRedline.MarkOf(p)?.Remove();
                ParagraphRedline.MarkParagraph(p, marks.MoveToMark());
            }
        }
        var (start, end) = marks.MoveToRange(name);
        Range(elements, start, end);
    }

    /// <summary>Wraps each run of unmarked runs directly in <paramref name="parent"/> in a w:moveTo.</summary>
    private void Wrap(OpenXmlElement parent)
    {
        OpenXmlElement? open = null;
        foreach (var child in parent.ChildElements.ToList())
        {
            if (child is Run run)
            {
                if (open is null)
                {
                    open = marks.MoveToRun();
                    run.InsertBeforeSelf(open);
                }
                run.Remove();
                open.Append(run);
            }
            else if (child is not (BookmarkStart or BookmarkEnd)) open = null;
        }
    }

    private static IEnumerable<Paragraph> ParagraphsOf(OpenXmlElement element) =>
        element is Paragraph p ? [p] : element.Descendants<Paragraph>();

    /// <summary>Puts the range's start at the beginning of the first paragraph and its end at the end of the last one
    /// (of the elements still in the document).</summary>
    private static void Range(IReadOnlyList<OpenXmlElement> elements, OpenXmlElement start, OpenXmlElement end)
    {
        var all = elements.Where(e => e.Parent is not null).SelectMany(ParagraphsOf).ToList();
        if (all.Count == 0) return;
        if (all[0].ParagraphProperties is { } pPr) pPr.InsertAfterSelf(start);
        else all[0].PrependChild(start);
        all[^1].Append(end);
    }
}
