using System.Collections.Immutable;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Diff;
using MdFootnote = Markdig.Extensions.Footnotes.Footnote;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Footnotes in a redline. A note is the same note in both versions when it has the same label. A reference only
/// the new paragraph has is inserted; a reference only the old paragraph had is put back deleted, pointing at a copy
/// of the old note whose text is deleted (so Reject All gives the old note back); a note in both versions shows
/// its text changes inside the note. A note only the new version has is inserted whole.
/// </summary>
internal sealed class FootnoteRedline(ParagraphRedline paragraphs)
{
    private DocxContext? _new;
    private DocxContext? _old;
    private readonly Dictionary<int, string> _newLabels = [];
    private readonly Dictionary<int, string> _oldLabels = [];
    private readonly Dictionary<int, Footnote> _copies = [];
    private int _nextId;

    /// <summary>Starts a redline: notes of <paramref name="old"/> deleted in it get ids from <paramref name="firstFreeId"/> on,
    /// above every id <paramref name="context"/> can give its own notes.</summary>
    public void Begin(DocxContext context, DocxContext old, int firstFreeId, IEnumerable<MdFootnote> oldNotes)
    {
        _new = context;
        _old = old;
        _nextId = firstFreeId;
        foreach (var note in oldNotes) _oldNotes.TryAdd(note.Label ?? "", note);
    }

    // Every note of the old version by label: one a new note is compared with may not have been written yet.
    private readonly Dictionary<string, MdFootnote> _oldNotes = new(StringComparer.Ordinal);

    /// <summary>The label of the note a new reference run points at; null when the run is no note reference.</summary>
    public string? NewLabel(Run run) => Label(run, _new, _newLabels);

    /// <summary>The label of the note an old reference run points at.</summary>
    public string? OldLabel(Run run) => Label(run, _old, _oldLabels);

    private static string? Label(Run run, DocxContext? context, Dictionary<int, string> cache)
    {
        if (context is null || run.GetFirstChild<FootnoteReference>()?.Id?.Value is not { } id) return null;
        if (cache.TryGetValue((int)id, out var label)) return label;
        foreach (var (note, n) in context.FootnoteIds) cache[n] = note.Label ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return cache.GetValueOrDefault((int)id);
    }

    /// <summary>
    /// A copy of an old reference run that points at a copy of its note, in the new document's notes, with the note's
    /// text deleted; null when the run is no note reference of the old version.
    /// </summary>
    public Run? Deleted(Run oldRun)
    {
        if (_new is null || _old is null || oldRun.GetFirstChild<FootnoteReference>()?.Id?.Value is not { } id) return null;
        if (!_copies.TryGetValue((int)id, out var copy))
        {
            var source = _old.FootnoteBodies.OfType<Footnote>().FirstOrDefault(f => f.Id?.Value == id);
            if (source is null) return null;
            copy = (Footnote)source.CloneNode(true);
            copy.Id = _nextId++;
            var ps = copy.Elements<Paragraph>().ToList();
            for (var i = 0; i < ps.Count; i++) paragraphs.Delete(ps[i], keepMark: i == ps.Count - 1);
            _copies[(int)id] = copy;
            _new.FootnoteBodies.Add(copy);
        }
        var run = (Run)oldRun.CloneNode(true);
        run.GetFirstChild<FootnoteReference>()!.Id = copy.Id!.Value;
        return run;
    }

    /// <summary>Once every section is written: the text changes of each note in both versions, inside the note; notes only
    /// the new version has, inserted whole.</summary>
    public void Finish(LayoutMerger merger)
    {
        if (_new is null || _old is null) return;
        var olds = new Dictionary<string, Footnote>(StringComparer.Ordinal);
        foreach (var (note, id) in _old.FootnoteIds)
            if (_old.FootnoteBodies.OfType<Footnote>().FirstOrDefault(f => f.Id?.Value == id) is { } body) olds.TryAdd(Key(note, id), body);
        var copies = new HashSet<Footnote>(_copies.Values, ReferenceEqualityComparer.Instance);
        foreach (var (note, id) in _new.FootnoteIds.OrderBy(p => p.Value).ToList())
        {
            if (_new.FootnoteBodies.OfType<Footnote>().FirstOrDefault(f => f.Id?.Value == id && !copies.Contains(f)) is not { } body) continue;
            if (!olds.ContainsKey(Key(note, id)) && _oldNotes.GetValueOrDefault(Key(note, id)) is { } written)
            {
                var oldId = _old.Footnote(written, new DocxBodyWriter(_old));
                if (_old.FootnoteBodies.OfType<Footnote>().FirstOrDefault(f => f.Id?.Value == oldId) is { } b) olds[Key(note, id)] = b;
            }
            if (olds.TryGetValue(Key(note, id), out var old)) Compare(merger, (Footnote)old.CloneNode(true), body);
            else
            {
                var ps = body.Elements<Paragraph>().ToList();
                for (var i = 0; i < ps.Count; i++) paragraphs.Insert(ps[i], keepMark: i == ps.Count - 1);
            }
        }
    }

    private static string Key(MdFootnote note, int id) => note.Label ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Compare(LayoutMerger merger, Footnote old, Footnote note)
    {
        static TextBlock Block(Paragraph p) => new(BlockKind.Paragraph, ParagraphRedline.Text(p), ImmutableArray<string>.Empty)
        {
            MarkupOf = () => string.Concat(p.Descendants<Run>().Select(r => (r.RunProperties?.OuterXml ?? "") + ParagraphRedline.Text(r))) + p.ParagraphProperties?.OuterXml,
        };
        var oldParagraphs = old.Elements<Paragraph>().Select(p => (Block: Block(p), P: p)).ToList();
        var newParagraphs = note.Elements<Paragraph>().Select(p => (Block: Block(p), P: p)).ToList();
        var (layout, changes) = BlockDiffer.Compare([.. oldParagraphs.Select(x => x.Block)], [.. newParagraphs.Select(x => x.Block)]);
        if (changes.Count == 0) return;
        var oldOf = new Dictionary<TextBlock, OpenXmlElement>(ReferenceEqualityComparer.Instance);
        foreach (var (block, p) in oldParagraphs) oldOf[block] = p;
        var newOf = new Dictionary<TextBlock, OpenXmlElement>(ReferenceEqualityComparer.Instance);
        foreach (var (block, p) in newParagraphs) newOf[block] = p;
        var children = note.ChildElements.ToList();
        var merged = merger.Merge(children, layout, b => newOf.GetValueOrDefault(b), b => oldOf.GetValueOrDefault(b));
        foreach (var c in children) c.Remove();
        foreach (var e in merged)
        {
            if (e.Parent is not null) e.Remove();
            note.Append(e);
        }
        RedlineComposer.KeepFinalMark(note);
    }
}
