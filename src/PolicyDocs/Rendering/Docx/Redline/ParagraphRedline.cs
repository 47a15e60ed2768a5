using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Docx.Redline;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Places word-level changes on rendered paragraphs: the new paragraph keeps its runs, links and bookmarks; deleted
/// words come from the old paragraph's runs (formatting and links kept, text as w:delText); inserted words are wrapped in w:ins.
/// Text offsets count w:t characters, and one for each w:tab and w:br, the same text <see cref="Text"/> returns.
/// </summary>
internal sealed class ParagraphRedline(RevisionMarks marks)
{
    private enum Mark { None, Inserted, Deleted }

    private sealed record Leaf(Hyperlink? Container, OpenXmlElement Element, int Start, int Length);

    private sealed record Item(Hyperlink? Container, OpenXmlElement Element, Mark Mark);

    /// <summary>The text of a paragraph (or any element): w:t and w:delText, w:tab as a tab, w:br as a line feed.</summary>
    public static string Text(OpenXmlElement element)
    {
        var sb = new StringBuilder();
        foreach (var run in element.Descendants<Run>())
            foreach (var c in run.ChildElements)
                sb.Append(c switch { Text t => t.Text, DeletedText d => d.Text, TabChar => "\t", Break => "\n", _ => "" });
        return sb.ToString();
    }

    /// <summary>Rewrites <paramref name="target"/> (the new paragraph) to show <paramref name="spans"/> against <paramref name="old"/>.</summary>
    public void Compose(Paragraph target, Paragraph? old, IReadOnlyList<DiffSpan> spans)
    {
        var news = Leaves(target);
        var olds = old is null ? [] : Leaves(old);
        var done = new bool[news.Count];
        var items = new List<Item>();
        var formats = new FormatChanges(marks, Numbering);
        // Note references the old paragraph had and the new one has not: put back deleted where they were.
        var kept = news.Select(l => l.Element is Run r ? Notes?.NewLabel(r) : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var gone = olds.Where(l => l.Element is Run r && Notes?.OldLabel(r) is { } label && !kept.Contains(label)).ToHashSet();
        int n = 0, o = 0;
        foreach (var span in spans)
        {
            var length = span.Text.Length;
            switch (span.Op)
            {
                case DiffOp.Deleted:
                    foreach (var leaf in olds)
                        if (leaf.Element is Run run && Overlap(leaf, o, o + length) is var (a, b) && b > a)
                            items.Add(new Item(leaf.Container, ToDeleted(Slice(run, a - leaf.Start, b - leaf.Start)), Mark.Deleted));
                        else if (gone.Contains(leaf) && leaf.Start >= o && leaf.Start < o + length) TakeGoneNote(leaf, gone, items);
                    o += length;
                    break;
                case DiffOp.Inserted:
                    TakeNew(news, done, n, n + length, Mark.Inserted, items);
                    n += length;
                    break;
                default:
                    TakeEqual(news, olds, done, n, o, length, items, formats, gone);
                    n += length;
                    o += length;
                    break;
            }
        }
        foreach (var leaf in olds.Where(gone.Contains).ToList()) TakeGoneNote(leaf, gone, items);
        TakeNew(news, done, n, int.MaxValue, Mark.None, items);
        MarkNewNotes(items, old is null ? null : olds);
        Rebuild(target, items);
        if (old is not null) formats.Paragraph(target, old);
    }

    /// <summary>The footnotes of the two versions, so that note references are tracked too; null leaves them as they are.</summary>
    public FootnoteRedline? Notes { get; set; }

    private void TakeGoneNote(Leaf leaf, HashSet<Leaf> gone, List<Item> items)
    {
        gone.Remove(leaf);
        if (Notes?.Deleted((Run)leaf.Element) is { } run) items.Add(new Item(leaf.Container, run, Mark.Deleted));
    }

    /// <summary>A note reference that is new (the old paragraph had no reference to a note of its label) is inserted.</summary>
    private void MarkNewNotes(List<Item> items, List<Leaf>? olds)
    {
        if (Notes is null) return;
        var before = olds?.Select(l => l.Element is Run r ? Notes.OldLabel(r) : null).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        for (var i = 0; i < items.Count; i++)
            if (items[i].Mark == Mark.None && items[i].Element is Run r && Notes.NewLabel(r) is { } label && !before.Contains(label))
                items[i] = items[i] with { Mark = Mark.Inserted };
    }

    /// <summary>The list numbering both versions' paragraphs use, so that two lists of one kind count as the same formatting.</summary>
    public DocxNumbering? Numbering { get; set; }

    /// <summary>
    /// Unchanged text [<paramref name="n"/>, +<paramref name="length"/>) of the new paragraph, which is
    /// [<paramref name="o"/>, +<paramref name="length"/>) of the old one, taken piece by piece along the old runs: a
    /// piece whose run properties differ from the old run's records the old ones (w:rPrChange).
    /// </summary>
    private void TakeEqual(List<Leaf> news, List<Leaf> olds, bool[] done, int n, int o, int length, List<Item> items, FormatChanges formats, HashSet<Leaf> gone)
    {
        var at = 0;
        foreach (var leaf in olds)
        {
            if (gone.Contains(leaf) && leaf.Start >= o + at && leaf.Start < o + length)
            {
                if (leaf.Start > o + at) TakeNew(news, done, n + at, n + (leaf.Start - o), Mark.None, items);
                at = leaf.Start - o;
                TakeGoneNote(leaf, gone, items);
                continue;
            }
            if (leaf.Element is not Run oldRun) continue;
            var (a, b) = Overlap(leaf, o + at, o + length);
            if (b <= a) continue;
            if (a > o + at) TakeNew(news, done, n + at, n + (a - o), Mark.None, items);
            var first = items.Count;
            TakeNew(news, done, n + (a - o), n + (b - o), Mark.None, items);
            for (var i = first; i < items.Count; i++)
                if (items[i].Element is Run run && RunLength(run) > 0) formats.Run(run, oldRun);
            at = b - o;
        }
        if (at < length) TakeNew(news, done, n + at, n + length, Mark.None, items);
    }

    /// <summary>Marks a wholly inserted paragraph: its runs and, unless <paramref name="keepMark"/>, its paragraph mark.</summary>
    public void Insert(Paragraph p, bool keepMark = false)
    {
        var text = Text(p);
        Compose(p, null, text.Length == 0 ? [] : [new DiffSpan(DiffOp.Inserted, text)]);
        if (!keepMark) MarkParagraph(p, marks.InsertMark());
    }

    /// <summary>
    /// Turns a paragraph of the old version into a wholly deleted one: its runs as deleted text (links kept around
    /// them), and unless <paramref name="keepMark"/> its paragraph mark. Note references are deleted too (pointing at a
    /// deleted copy of their note); bookmarks of the old version are dropped.
    /// </summary>
    public void Delete(Paragraph p, bool keepMark = false)
    {
        var content = new List<OpenXmlElement>();
        OpenXmlElement? open = null;
        foreach (var child in p.ChildElements.Where(c => c is not ParagraphProperties).ToList())
        {
            child.Remove();
            if (child is Hyperlink h)
            {
                var runs = h.Elements<Run>().Where(r => RunLength(r) > 0).Select(r => ToDeleted((Run)r.CloneNode(true))).ToList();
                open = null;
                if (runs.Count == 0) continue;
                var link = (Hyperlink)h.CloneNode(false);
                var del = marks.DeleteRun();
                del.Append(runs);
                link.Append(del);
                content.Add(link);
            }
            else if (child is Run run && (RunLength(run) > 0 || run.GetFirstChild<FootnoteReferenceMark>() is not null || Notes?.OldLabel(run) is not null))
            {
                var deleted = run.GetFirstChild<FootnoteReference>() is null ? ToDeleted((Run)run.CloneNode(true)) : Notes?.Deleted(run);
                if (deleted is null) continue;
                if (open is null) content.Add(open = marks.DeleteRun());
                open.Append(deleted);
            }
        }
        p.Append(content);
        if (!keepMark) MarkParagraph(p, marks.DeleteMark());
    }

    /// <summary>Puts a paragraph-mark revision (w:pPr/w:rPr/w:ins|w:del) on <paramref name="p"/>.</summary>
    public static void MarkParagraph(Paragraph p, OpenXmlElement revision)
    {
        p.ParagraphProperties ??= new ParagraphProperties();
        p.ParagraphProperties.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(revision);
    }

    /// <summary>The paragraph-mark revision of <paramref name="p"/>, if any.</summary>
    public static OpenXmlElement? MarkOf(Paragraph p) =>
        p.ParagraphProperties?.ParagraphMarkRunProperties?.ChildElements.FirstOrDefault(e => e is Inserted or Deleted);

    private static (int, int) Overlap(Leaf leaf, int from, int to) => (Math.Max(from, leaf.Start), Math.Min(to, leaf.Start + leaf.Length));

    private static void TakeNew(List<Leaf> leaves, bool[] done, int from, int to, Mark mark, List<Item> items)
    {
        for (var i = 0; i < leaves.Count; i++)
        {
            if (done[i]) continue;
            var leaf = leaves[i];
            if (leaf.Length == 0)
            {
                if (leaf.Start < from || leaf.Start >= to) continue;
                done[i] = true;
                // Note references follow the words around them; bookmarks and other markers are never wrapped.
                items.Add(new Item(leaf.Container, leaf.Element.CloneNode(true), leaf.Element is Run ? mark : Mark.None));
                continue;
            }
            var (a, b) = Overlap(leaf, from, to);
            if (b <= a) continue;
            if (leaf.Element is Run run)
                items.Add(new Item(leaf.Container, Slice(run, a - leaf.Start, b - leaf.Start), mark));
            else if (a == leaf.Start)
                items.Add(new Item(leaf.Container, leaf.Element.CloneNode(true), mark));
            if (b == leaf.Start + leaf.Length) done[i] = true;
        }
    }

    private void Rebuild(Paragraph target, List<Item> items)
    {
        foreach (var child in target.ChildElements.Where(c => c is not ParagraphProperties).ToList()) child.Remove();
        Hyperlink? source = null;
        OpenXmlElement? group = null;
        OpenXmlElement? wrap = null;
        var wrapMark = Mark.None;
        foreach (var item in items)
        {
            if (!ReferenceEquals(item.Container, source) || (group is null && item.Container is not null))
            {
                source = item.Container;
                group = source?.CloneNode(false);
                if (group is not null) target.Append(group);
                wrap = null;
            }
            var parent = group ?? target;
            if (item.Mark == Mark.None)
            {
                parent.Append(item.Element);
                wrap = null;
                continue;
            }
            if (wrap is null || wrapMark != item.Mark)
            {
                wrap = item.Mark == Mark.Inserted ? marks.InsertRun() : marks.DeleteRun();
                wrapMark = item.Mark;
                parent.Append(wrap);
            }
            wrap.Append(item.Element);
        }
    }

    private static List<Leaf> Leaves(Paragraph p)
    {
        var result = new List<Leaf>();
        var pos = 0;
        void Add(Hyperlink? container, OpenXmlElement e)
        {
            var length = e is Run r ? RunLength(r) : e is ParagraphProperties ? -1 : Text(e).Length;
            if (length < 0) return;
            result.Add(new Leaf(container, e, pos, length));
            pos += length;
        }
        foreach (var child in p.ChildElements)
        {
            if (child is Hyperlink h)
                foreach (var c in h.ChildElements) Add(h, c);
            else Add(null, child);
        }
        return result;
    }

    private static int Length(OpenXmlElement e) => e switch { Text t => t.Text.Length, DeletedText d => d.Text.Length, TabChar or Break => 1, _ => 0 };

    private static int RunLength(Run run)
    {
        var n = 0;
        foreach (var c in run.ChildElements) n += Length(c);
        return n;
    }

    /// <summary>The part [from, to) of a run's text, with the run's properties.</summary>
    private static Run Slice(Run run, int from, int to)
    {
        var result = new Run();
        if (run.RunProperties is { } rPr) result.Append(rPr.CloneNode(true));
        var pos = 0;
        foreach (var c in run.ChildElements)
        {
            if (c is RunProperties) continue;
            var length = Length(c);
            if (length == 0)
            {
                if (from == 0) result.Append(c.CloneNode(true));
                continue;
            }
            var a = Math.Max(from, pos);
            var b = Math.Min(to, pos + length);
            if (b > a)
            {
                if (c is Text t) result.Append(DocxBodyWriter.Text(t.Text.Substring(a - pos, b - a)));
                else if (c is DeletedText d) result.Append(DocxBodyWriter.Text(d.Text.Substring(a - pos, b - a)));
                else result.Append(c.CloneNode(true));
            }
            pos += length;
        }
        return result;
    }

    /// <summary>The run with its w:t turned into w:delText.</summary>
    private static Run ToDeleted(Run run)
    {
        foreach (var t in run.Elements<Text>().ToList())
        {
            var d = new DeletedText(t.Text);
            if (t.Space is not null) d.Space = t.Space;
            t.InsertAfterSelf(d);
            t.Remove();
        }
        return run;
    }
}
