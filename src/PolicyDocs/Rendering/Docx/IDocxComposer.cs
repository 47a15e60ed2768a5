using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Publication;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// A variant of the Word document that shares <see cref="DocxRenderer"/>'s package (cover, history, contents, parts)
/// but writes the sections itself and adjusts the finished parts, e.g. the redline with tracked changes.
/// </summary>
internal interface IDocxComposer
{
    /// <summary>Appends the headings and bodies of <paramref name="sections"/> (in document order) to <paramref name="body"/>.</summary>
    void Sections(Body body, IReadOnlyList<PublishedSection> sections, DocxContext context);

    /// <summary>True when the package needs a footnotes part even if the document written has no notes.</summary>
    bool NeedsFootnotes => false;

    /// <summary>Called once every part exists and the body is complete, before the package is saved.</summary>
    void Finish(Body body, Header header, Settings settings, DocxContext context);
}
