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

    private T Stamp<T>(T element) where T : OpenXmlElement
    {
        element.SetAttribute(new OpenXmlAttribute("w", "id", Ns, "0"));
        element.SetAttribute(new OpenXmlAttribute("w", "author", Ns, author));
        if (date is { } d) element.SetAttribute(new OpenXmlAttribute("w", "date", Ns, d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        return element;
    }

    private const string Ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>True for the revision elements this class creates.</summary>
    public static bool IsRevision(OpenXmlElement e) => e is InsertedRun or DeletedRun or Inserted or Deleted or CellInsertion or CellDeletion;

    /// <summary>Gives every revision element under <paramref name="root"/> the next id, in document order.</summary>
    public static void Renumber(OpenXmlElement root, ref int next)
    {
        foreach (var e in root.Descendants())
            if (IsRevision(e))
                e.SetAttribute(new OpenXmlAttribute("w", "id", Ns, (next++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
