using System.Collections.Immutable;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using PolicyDocs.Diff;
using PolicyDocs.Model;
using PolicyDocs.Publication;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Writes the sections of a redline: the new version's sections with the changes of the <see cref="DocumentChange"/>
/// as tracked changes, removed sections back in place as deletions, changed headings as word changes. Then marks
/// the cover, the document history and the page header, switches on change tracking and numbers the revisions.
/// </summary>
internal sealed class RedlineComposer : IDocxComposer
{
    private readonly PublishedDocument _old;
    private readonly DocumentChange _change;
    private readonly ReferenceDocument _reference;
    private readonly ParagraphRedline _paragraphs;
    private readonly RowRedline _rows;
    private readonly LayoutMerger _merger;
    private readonly RedlineAttribution _attribution;
    private readonly FootnoteRedline _notes;
    private readonly MoveRedline _moves;
    private readonly Dictionary<PublishedSection, string> _moveNames = new(ReferenceEqualityComparer.Instance);

    public RedlineComposer(PublishedDocument old, DocumentChange change, ReferenceDocument reference, RedlineAttribution attribution)
    {
        var marks = new RevisionMarks(attribution.Author, attribution.ToDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        _attribution = attribution;
        _old = old;
        _change = change;
        _reference = reference;
        _paragraphs = new ParagraphRedline(marks);
        _rows = new RowRedline(marks, _paragraphs);
        _merger = new LayoutMerger(_paragraphs, _rows);
        _notes = new FootnoteRedline(_paragraphs);
        _paragraphs.Notes = _notes;
        _moves = new MoveRedline(marks, _paragraphs);
    }

    /// <summary>The redline needs a footnotes part when either version has notes (a removed note is kept, deleted).</summary>
    public bool NeedsFootnotes => _old.ReadingOrder.Any(s => s.Body?.Descendants<Markdig.Extensions.Footnotes.FootnoteLink>().Any() == true);

    public void Sections(Body body, IReadOnlyList<PublishedSection> sections, DocxContext context)
    {
        var oldContext = new DocxContext(_old, _reference, context.Main, sharing: context);
        oldContext.FootnotesPart = context.FootnotesPart;
        _paragraphs.Numbering = context.Numbering;
        // Notes of the old version put back deleted are numbered above every note of the new version.
        var notes = sections.Sum(s => Notes(s.Body).Count()) + Notes(context.Document.Preamble?.Body).Count();
        _notes.Begin(context, oldContext, notes + 1, _old.ReadingOrder.SelectMany(s => Notes(s.Body)).Concat(Notes(_old.Preamble?.Body)));

        // Each change sits on the published sections it compares: the new one it marks, the old one it compares with.
        var changed = new Dictionary<PublishedSection, SectionChange>(ReferenceEqualityComparer.Instance);
        var removed = new HashSet<PublishedSection>(ReferenceEqualityComparer.Instance);
        var counterpart = new Dictionary<PublishedSection, PublishedSection>(ReferenceEqualityComparer.Instance);
        foreach (var s in _change.Sections)
        {
            if (s.Kind == ChangeKind.Removed) removed.Add(s.OldSection!);
            else changed[s.NewSection!] = s;
            if (s is { OldSection: { } from, NewSection: { } to }) counterpart[from] = to;
        }
        var newByNumber = sections.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Sections that moved (paired, but out of the old order): their old text stays where it was, the source of a move.
        foreach (var (from, to) in Moved(_old.ReadingOrder, sections, o => counterpart.GetValueOrDefault(o) ?? newByNumber.GetValueOrDefault(o.Label)))
            _moveNames[from] = _moveNames[to] = _moves.NextName();

        // Removed sections go after the new counterpart of the last old section before them (an unchanged section's
        // counterpart has its label).
        var removedAfter = new Dictionary<PublishedSection, List<PublishedSection>>(ReferenceEqualityComparer.Instance);
        var before = new List<PublishedSection>();
        PublishedSection? anchor = null;
        foreach (var o in _old.ReadingOrder)
        {
            if (removed.Contains(o) || _moveNames.ContainsKey(o))
            {
                var list = anchor is null ? before : removedAfter.TryGetValue(anchor, out var l) ? l : removedAfter[anchor] = [];
                list.Add(o);
            }
            else anchor = counterpart.GetValueOrDefault(o) ?? newByNumber.GetValueOrDefault(o.Label) ?? anchor;
        }

        WriteRemoved(body, before, oldContext);
        // A footnote is written where it is first referred to, maybe in another section than the one that defines it
        // (and whose diff holds its changes): the blocks written are known across the document.
        var newMap = new Dictionary<Block, OpenXmlElement>(ReferenceEqualityComparer.Instance);
        var oldMap = new Dictionary<Block, OpenXmlElement>(ReferenceEqualityComparer.Instance);
        foreach (var section in sections)
        {
            var writer = new DocxBodyWriter(context) { Emitted = (b, e) => newMap[b] = e };
            var heading = DocxRenderer.Heading(section, context);
            var blocks = new List<OpenXmlElement>();
            if (section.Body is not null) writer.WriteBody(section.Body, DocxRenderer.HeadingLevel(section), section.IsNoStipulation, blocks);
            var change = changed.GetValueOrDefault(section);
            if (change is null) { }
            else if (change.Kind == ChangeKind.Added)
            {
                _paragraphs.Insert(heading);
                foreach (var e in blocks) InsertAll(e);
            }
            else if (change.OldSection is { } o)
            {
                var oldHeading = DocxRenderer.Heading(o, oldContext);
                // The headings as written (an appendix's label may be written differently while its title reads the same).
                var (was, now) = (ParagraphRedline.Text(oldHeading), ParagraphRedline.Text(heading));
                if (was != now) _paragraphs.Compose(heading, oldHeading, TextDiff.Words(was, now));
                var oldWriter = new DocxBodyWriter(oldContext) { Emitted = (b, e) => oldMap[b] = e };
                var oldBlocks = new List<OpenXmlElement>();
                if (o.Body is not null) oldWriter.WriteBody(o.Body, DocxRenderer.HeadingLevel(o), o.IsNoStipulation, oldBlocks);
                // The notes the section defines, so that a change to one is marked in the footnote.
                foreach (var note in Notes(section.Body)) context.Footnote(note, writer);
                foreach (var note in Notes(o.Body)) oldContext.Footnote(note, oldWriter);
                // The notes' own text is compared note by note once every note is written (FootnoteRedline).
                // A body block paired with a note's block (text moved out of a note or into one) is inserted or deleted whole.
                var layout = change.Layout.Select(x => x.Change is { Op: null, Old: { } was } c && InNote(was.Node) != InNote(x.Block.Node)
                        ? InNote(was.Node) ? (Block: x.Block, Change: (BlockChange?)(c with { Op = DiffOp.Inserted, Old = null })) : (Block: was, Change: c with { Op = DiffOp.Deleted, New = null })
                        : x)
                    .Where(x => !InNote(x.Block.Node)).ToList();
                blocks = _merger.Merge(blocks, layout, b => Find(newMap, b), b => Find(oldMap, b));
            }
            body.Append(heading);
            body.Append(blocks);
            if (_moveNames.TryGetValue(section, out var move)) _moves.To([heading, .. blocks], move);
            WriteRemoved(body, removedAfter.GetValueOrDefault(section), oldContext);
        }
        _notes.Finish(_merger);
        _moves.Paragraphs(body);
    }

    /// <summary>
    /// The sections that moved: of the old sections that have a counterpart in the new version, those outside the
    /// longest run that keeps its order (the first such run of that length), each with its counterpart.
    /// </summary>
    internal static List<(PublishedSection From, PublishedSection To)> Moved(IEnumerable<PublishedSection> old, IReadOnlyList<PublishedSection> sections,
        Func<PublishedSection, PublishedSection?> counterpartOf)
    {
        var index = new Dictionary<PublishedSection, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < sections.Count; i++) index[sections[i]] = i;
        var pairs = old.Select(o => (From: o, To: counterpartOf(o))).Where(p => p.To is not null && index.ContainsKey(p.To))
            .Select(p => (p.From, To: p.To!)).ToList();
        // Longest increasing run of new positions, O(n log n) with back links.
        var tails = new List<int>();
        var back = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            var at = index[pairs[k].To];
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (index[pairs[tails[mid]].To] < at) lo = mid + 1;
                else hi = mid;
            }
            back[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(k);
            else tails[lo] = k;
        }
        var kept = new HashSet<int>();
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = back[k]) kept.Add(k);
        return [.. pairs.Where((_, k) => !kept.Contains(k))];
    }

    private static bool InNote(Block? node)
    {
        for (var b = node; b is not null; b = b.Parent)
            if (b is Markdig.Extensions.Footnotes.Footnote) return true;
        return false;
    }

    private static IEnumerable<Markdig.Extensions.Footnotes.Footnote> Notes(MarkdownDocument? body) =>
        body?.OfType<Markdig.Extensions.Footnotes.FootnoteGroup>().SelectMany(g => g.OfType<Markdig.Extensions.Footnotes.Footnote>()) ?? [];

    private static OpenXmlElement? Find(Dictionary<Block, OpenXmlElement> map, TextBlock block) =>
        block.Node is { } node && map.TryGetValue(node, out var e) ? e : null;

    private void WriteRemoved(Body body, List<PublishedSection>? removed, DocxContext oldContext)
    {
        if (removed is null) return;
        var writer = new DocxBodyWriter(oldContext);
        foreach (var o in removed)
        {
            var heading = DocxRenderer.Heading(o, oldContext);
            _paragraphs.Delete(heading);
            body.Append(heading);
            var blocks = new List<OpenXmlElement>();
            if (o.Body is not null) writer.WriteBody(o.Body, DocxRenderer.HeadingLevel(o), o.IsNoStipulation, blocks);
            foreach (var e in blocks) DeleteAll(e);
            body.Append(blocks);
            if (_moveNames.TryGetValue(o, out var move)) _moves.From([heading, .. blocks], move);
        }
    }

    private void InsertAll(OpenXmlElement e)
    {
        if (e is Paragraph p) _paragraphs.Insert(p);
        else if (e is Table t) foreach (var row in t.Elements<TableRow>()) _rows.Insert(row);
    }

    private void DeleteAll(OpenXmlElement e)
    {
        if (e is Paragraph p) _paragraphs.Delete(p);
        else if (e is Table t) foreach (var row in t.Elements<TableRow>()) _rows.Delete(row);
    }

    public void Finish(Body body, Header header, Settings settings, DocxContext context)
    {
        // Cover and document history: the old version's tables, compared row by row with the same block diff.
        var front = new Body();
        DocxRenderer.Cover(front, _old.Cover);
        DocxRenderer.History(front, _old, _reference);
        // Either table is left out when the document states nothing for it: the cover's has two columns, the history's more.
        static bool IsCover(Table t) => t.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() == 2;
        var newFront = body.Elements<Table>().Take(2).ToList();
        foreach (var cover in new[] { true, false })
            if (front.Elements<Table>().FirstOrDefault(t => IsCover(t) == cover) is { } oldTable && newFront.FirstOrDefault(t => IsCover(t) == cover) is { } newTable)
                CompareTable(oldTable, newTable);

        var oldHeader = DocxHeaderFooter.Header(_old.Document.Info).Elements<Paragraph>().First();
        if (header.Elements<Paragraph>().FirstOrDefault() is { } headerParagraph)
        {
            var (a, b) = (ParagraphRedline.Text(oldHeader), ParagraphRedline.Text(headerParagraph));
            if (a != b) _paragraphs.Compose(headerParagraph, oldHeader, TextDiff.Words(a, b));
        }

        KeepFinalMark(body);
        var track = new TrackRevisions();
        if (settings.GetFirstChild<Zoom>() is { } zoom) zoom.InsertAfterSelf(track);
        else settings.PrependChild(track);
        RedlineContents.Freeze(body, settings);

        // The front page goes before the cover: the redline's own summary, not a tracked change.
        var summary = RedlineFrontPage.Build(_change, context.Document.Info.Title, _attribution, body.Elements<SectionProperties>().LastOrDefault(), context.NextBookmarkId());
        for (var i = summary.Count - 1; i >= 0; i--) body.PrependChild(summary[i]);

        var next = context.NextBookmarkId();
        RevisionMarks.Renumber(body, ref next);
        RevisionMarks.Renumber(header, ref next);
        foreach (var note in context.FootnoteBodies) RevisionMarks.Renumber(note, ref next);
    }

    private void CompareTable(Table old, Table table)
    {
        static TextBlock Row(TableRow r)
        {
            var cells = r.Elements<TableCell>().Select(ParagraphRedline.Text).ToImmutableArray();
            return new TextBlock(BlockKind.TableRow, string.Join(" | ", cells), cells);
        }
        var oldRows = old.Elements<TableRow>().Select(r => (Block: Row(r), Row: r)).ToList();
        var newRows = table.Elements<TableRow>().Select(r => (Block: Row(r), Row: r)).ToList();
        var (layout, changes) = BlockDiffer.CompareRows([.. oldRows.Select(r => r.Block)], [.. newRows.Select(r => r.Block)]);
        if (changes.Count == 0) return;
        var oldOf = new Dictionary<TextBlock, OpenXmlElement>(ReferenceEqualityComparer.Instance);
        foreach (var (block, row) in oldRows) oldOf[block] = row;
        var newOf = new Dictionary<TextBlock, OpenXmlElement>(ReferenceEqualityComparer.Instance);
        foreach (var (block, row) in newRows) newOf[block] = row;
        _merger.Merge([table], layout, b => newOf.GetValueOrDefault(b), b => oldOf.GetValueOrDefault(b));
    }

    /// <summary>
    /// A container's last paragraph mark is never deleted: the deletion moves to the last paragraph before it whose
    /// mark is unchanged, which then merges into the last one on acceptance, as Word does.
    /// </summary>
    internal static void KeepFinalMark(OpenXmlElement container)
    {
        var paragraphs = container.Elements<Paragraph>().ToList();
        if (paragraphs.Count == 0 || ParagraphRedline.MarkOf(paragraphs[^1]) is not Deleted mark) return;
        var last = paragraphs[^1];
        for (var prev = last.PreviousSibling(); prev is Paragraph p; prev = p.PreviousSibling())
        {
            if (ParagraphRedline.MarkOf(p) is Deleted) continue;
            if (ParagraphRedline.MarkOf(p) is not null) break;
            mark.Remove();
            ParagraphRedline.MarkParagraph(p, mark);
            break;
        }
        if (last.ParagraphProperties?.ParagraphMarkRunProperties is { } rPr && !rPr.HasChildren) rPr.Remove();
        if (ParagraphRedline.MarkOf(last) is Deleted still) still.Parent!.Remove();
    }
}
