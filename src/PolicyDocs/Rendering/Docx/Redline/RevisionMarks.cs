using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Creates the tracked-change elements of one redline, all with the same author and fixed date. Ids are assigned
/// afterwards by <see cref="Renumber"/> from one counter, in document order, above every bookmark id.
/// </summary>
internal sealed class RevisionMarks(string author, DateTime? date)
{
    /// <summary>A w:ins around runs.</summary>
    public InsertedRun InsertRun() => Stamp(new InsertedRun());

    /// <summary>A w:del around runs (their text in w:delText).</summary>
    public DeletedRun DeleteRun() => Stamp(new DeletedRun());

    /// <summary>A w:ins for a paragraph mark or a table row.</summary>
    public Inserted InsertMark() => Stamp(new Inserted());

    /// <summary>A w:del for a paragraph mark or a table row.</summary>
    public Deleted DeleteMark() => Stamp(new Deleted());

    /// <summary>A w:cellIns for a table cell (in w:tcPr).</summary>
    public CellInsertion InsertCell() => Stamp(new CellInsertion());

    /// <summary>A w:cellDel for a table cell (in w:tcPr).</summary>
    public CellDeletion DeleteCell() => Stamp(new CellDeletion());

    /// <summary>A w:pPrChange (the old paragraph properties go inside it).</summary>
    public ParagraphPropertiesChange ChangeParagraph() => Stamp(new ParagraphPropertiesChange());

    /// <summary>A w:rPrChange (the old run properties go inside it).</summary>
    public RunPropertiesChange ChangeRun() => Stamp(new RunPropertiesChange());

    /// <summary>A w:moveFrom around runs (their text in w:delText).</summary>
    public MoveFromRun MoveFromRun() => Stamp(new MoveFromRun());

    /// <summary>A w:moveTo around runs.</summary>
    public MoveToRun MoveToRun() => Stamp(new MoveToRun());

    /// <summary>A w:moveFrom for a paragraph mark.</summary>
    public MoveFrom MoveFromMark() => Stamp(new MoveFrom());

    /// <summary>A w:moveTo for a paragraph mark.</summary>
    public MoveTo MoveToMark() => Stamp(new MoveTo());

    /// <summary>The start and end of the range a move comes from, named <paramref name="name"/>; the end points at
    /// the start by id (renumbered together).</summary>
    public (MoveFromRangeStart Start, MoveFromRangeEnd End) MoveFromRange(string name)
    {
        var id = NextRangeId();
        var start = Stamp(new MoveFromRangeStart { Name = name });
        start.Id = id;
        return (start, new MoveFromRangeEnd { Id = id });
    }

    /// <summary>The start and end of the range a move goes to, named as its source range.</summary>
    public (MoveToRangeStart Start, MoveToRangeEnd End) MoveToRange(string name)
    {
        var id = NextRangeId();
        var start = Stamp(new MoveToRangeStart { Name = name });
        start.Id = id;
        return (start, new MoveToRangeEnd { Id = id });
    }

    private int _ranges;

    // Range starts and ends are paired by a provisional id until Renumber gives both the same final one.
    private string NextRangeId() => "r" + (_ranges++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private T Stamp<T>(T element) where T : OpenXmlElement
    {
        element.SetAttribute(new OpenXmlAttribute("w", "id", Ns, "0"));
        element.SetAttribute(new OpenXmlAttribute("w", "author", Ns, author));
        if (date is { } d) element.SetAttribute(new OpenXmlAttribute("w", "date", Ns, d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        return element;
    }

    private const string Ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>True for the revision elements this class creates.</summary>
    public static bool IsRevision(OpenXmlElement e) => e is InsertedRun or DeletedRun or Inserted or Deleted or ParagraphPropertiesChange
        or RunPropertiesChange or DocumentFormat.OpenXml.Wordprocessing.MoveFromRun or DocumentFormat.OpenXml.Wordprocessing.MoveToRun or MoveFrom or MoveTo or MoveFromRangeStart or MoveToRangeStart
        or CellInsertion or CellDeletion;

    /// <summary>Gives every revision element under <paramref name="root"/> the next id, in document order; the end of a
    /// move range gets the id of its start.</summary>
    public static void Renumber(OpenXmlElement root, ref int next)
    {
        var ranges = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in root.Descendants())
        {
            if (e is MoveFromRangeEnd or MoveToRangeEnd)
            {
                var old = e.GetAttribute("id", Ns).Value ?? "";
                if (ranges.TryGetValue((e is MoveFromRangeEnd ? "f" : "t") + old, out var id)) e.SetAttribute(new OpenXmlAttribute("w", "id", Ns, id));
                continue;
            }
            if (!IsRevision(e)) continue;
            var value = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (e is MoveFromRangeStart or MoveToRangeStart) ranges[(e is MoveFromRangeStart ? "f" : "t") + e.GetAttribute("id", Ns).Value] = value;
            e.SetAttribute(new OpenXmlAttribute("w", "id", Ns, value));
        }
    }
}
