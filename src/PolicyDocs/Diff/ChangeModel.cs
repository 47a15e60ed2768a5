using System.Collections.Immutable;
using PolicyDocs.Model;
using PolicyDocs.Publication;

namespace PolicyDocs.Diff;

/// <summary>What happened to a section or document between two versions.</summary>
internal enum ChangeKind
{
    /// <summary>Only in the new version.</summary>
    Added,
    /// <summary>Only in the old version.</summary>
    Removed,
    /// <summary>In both, with different text.</summary>
    Modified,
    /// <summary>In both under a different number (renumbered or shifted), possibly also modified.</summary>
    Moved,
}

/// <summary>Whether a change alters what the document requires or only how it reads.</summary>
internal enum ChangeClass
{
    /// <summary>Whitespace, punctuation, casing, markup (link targets, list and emphasis markers), spelling fixes, dates
    /// written another way, paragraphs split or joined, numbering, the revision table, metadata
    /// (<see cref="ChangeClassifier"/> has the rules).</summary>
    Editorial,
    /// <summary>Anything that changes the words: a keyword, a number, a word for another, added or removed text.</summary>
    Normative,
}

/// <summary>The kind of a diffable block of section text.</summary>
internal enum BlockKind
{
    /// <summary>A paragraph.</summary>
    Paragraph,
    /// <summary>A heading inside a section.</summary>
    Heading,
    /// <summary>A paragraph inside a list item.</summary>
    ListItem,
    /// <summary>A table row (cells kept separately).</summary>
    TableRow,
    /// <summary>A code block.</summary>
    Code,
    /// <summary>A paragraph inside a block quote.</summary>
    Quote,
}

/// <summary>A unit of section text compared as a whole first, then word by word.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its plain text (references as their generated text).</param>
/// <param name="Cells">For table rows, the text of each cell.</param>
internal sealed record TextBlock(BlockKind Kind, string Text, ImmutableArray<string> Cells)
{
    /// <summary>
    /// The Markdig block this text comes from (a leaf block, or the table row), so renderers can place each change on
    /// the element they emit for that node. Not part of equality: two blocks with the same text are the same block.
    /// </summary>
    public Markdig.Syntax.Block? Node { get; init; }

    /// <summary>For a table row, what identifies its table: the rows of one table share it (consecutive rows with none
    /// are one table). Not part of equality.</summary>
    public object? Table { get; init; }

    /// <summary>True for a table's header row. Not part of equality.</summary>
    public bool Header { get; init; }

    private string? _markup;

    /// <summary>Makes <see cref="Markup"/> when it is first asked for (only a comparison needs it, not the search index).</summary>
    public Func<string>? MarkupOf { private get; init; }

    /// <summary>The text with its markup, as Markdown would write it: link targets, emphasis, code and list markers,
    /// white space collapsed. Two blocks that read alike but differ here differ in markup alone. Null: as <see cref="Text"/>.</summary>
    public string? Markup => _markup ??= MarkupOf?.Invoke();

    /// <summary><see cref="Markup"/>, or the text when the block has none.</summary>
    public string Written => Markup ?? Text;

    /// <inheritdoc />
    public bool Equals(TextBlock? other) =>
        other is not null && Kind == other.Kind && Text == other.Text && Written == other.Written && Cells.SequenceEqual(other.Cells);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Text);
}

/// <summary>A block inserted, deleted, or modified (Op null) with its word-level spans.</summary>
/// <param name="Op">Inserted or Deleted for whole blocks; null for a modified block.</param>
/// <param name="Kind">The block kind (of the new block when modified).</param>
/// <param name="Old">The old block, if any.</param>
/// <param name="New">The new block, if any.</param>
/// <param name="Spans">Word-level diff of the block text.</param>
/// <param name="CellSpans">For a modified table row with the same number of cells: word diff per cell.</param>
/// <param name="Class">Editorial or normative.</param>
/// <remarks>For a table whose columns changed, <see cref="CellSpans"/> has one entry per column of <see cref="Columns"/>.</remarks>
internal sealed record BlockChange(DiffOp? Op, BlockKind Kind, TextBlock? Old, TextBlock? New, IReadOnlyList<DiffSpan> Spans,
    ImmutableArray<IReadOnlyList<DiffSpan>> CellSpans, ChangeClass Class)
{
    /// <summary>
    /// For a row of a table compared row by row with a table whose columns differ: the columns of both in order, each as
    /// its index in the old and in the new table (-1 where the column is only in the other one). Empty when the columns
    /// are the same.
    /// </summary>
    public ImmutableArray<(int Old, int New)> Columns { get; init; } = [];

    /// <summary>For an inserted or deleted row: true when its whole table is inserted or deleted (a new or removed table,
    /// or one restructured so much that it is shown as the old table deleted and the new one inserted); false when the
    /// row is inserted into, or deleted from, a table compared row by row.</summary>
    public bool WholeTable { get; init; }
}

/// <summary>The change of one section.</summary>
internal sealed record SectionChange
{
    /// <summary>Added, removed, modified or moved.</summary>
    public required ChangeKind Kind { get; init; }
    /// <summary>Number in the old version.</summary>
    public string? OldNumber { get; init; }
    /// <summary>Number in the new version.</summary>
    public string? NewNumber { get; init; }
    /// <summary>Title in the old version.</summary>
    public string? OldTitle { get; init; }
    /// <summary>Title in the new version.</summary>
    public string? NewTitle { get; init; }
    /// <summary>Editorial or normative.</summary>
    public required ChangeClass Class { get; init; }
    /// <summary>Block-level changes in document order; unchanged blocks are omitted.</summary>
    public required IReadOnlyList<BlockChange> Blocks { get; init; }
    /// <summary>Every block of the section in the new order with its change (null for unchanged), for redlines.</summary>
    public required IReadOnlyList<(TextBlock Block, BlockChange? Change)> Layout { get; init; }
    /// <summary>True when the section's written source is unchanged and only data rendered into it changed.</summary>
    public bool DataDriven { get; init; }
    /// <summary>Where the section is in the new version (or the old, when removed).</summary>
    public required SourceSpan Span { get; init; }
    /// <summary>The old version's section as its outputs show it; null when added.</summary>
    public PublishedSection? OldSection { get; init; }
    /// <summary>The new version's section as its outputs show it; null when removed.</summary>
    public PublishedSection? NewSection { get; init; }

    /// <summary>The number to show: the new one, else the old.</summary>
    public string Number => NewNumber ?? OldNumber!;
    /// <summary>The title to show.</summary>
    public string Title => NewTitle ?? OldTitle!;
}

/// <summary>A changed document metadata field (title, version, dates, status, revisions).</summary>
internal sealed record MetadataChange(string Field, string? Old, string? New);

/// <summary>A changed value in the data files, with the sections it renders into.</summary>
/// <param name="File">Data file name ("cas").</param>
/// <param name="Path">Where in the file: "issuing.key.size".</param>
/// <param name="Old">Old value (null when added).</param>
/// <param name="New">New value (null when removed).</param>
/// <param name="Sections">"cps 1.3.1"-style references to the sections whose rendered text changed because of it.</param>
internal sealed record DataChange(string File, string Path, string? Old, string? New, IReadOnlyList<string> Sections);

/// <summary>The changes of one document.</summary>
internal sealed record DocumentChange
{
    /// <summary>The document id.</summary>
    public required string DocumentId { get; init; }
    /// <summary>The title (new version's when present).</summary>
    public required string Title { get; init; }
    /// <summary>Old version label.</summary>
    public string? FromVersion { get; init; }
    /// <summary>New version label.</summary>
    public string? ToVersion { get; init; }
    /// <summary>Added, removed or modified; null when unchanged.</summary>
    public ChangeKind? Kind { get; init; }
    /// <summary>Metadata changes (editorial).</summary>
    public required IReadOnlyList<MetadataChange> Metadata { get; init; }
    /// <summary>Section changes in new-document order (removed sections where they were).</summary>
    public required IReadOnlyList<SectionChange> Sections { get; init; }

    /// <summary>True when any section change is normative.</summary>
    public bool IsNormative => Sections.Any(s => s.Class == ChangeClass.Normative);
}

/// <summary>Everything that differs between two versions of a policy set.</summary>
/// <param name="From">Label of the old version (a git ref or a path).</param>
/// <param name="To">Label of the new version.</param>
/// <param name="Documents">Per document, in the new version's order (removed documents last).</param>
/// <param name="Data">Data changes.</param>
internal sealed record ChangeSet(string From, string To, IReadOnlyList<DocumentChange> Documents, IReadOnlyList<DataChange> Data)
{
    /// <summary>True when nothing differs.</summary>
    public bool IsEmpty => Data.Count == 0 && Documents.All(d => d.Kind is null);
}
