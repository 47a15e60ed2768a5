using PolicyDocs.Versions;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>Who a redline's tracked changes are attributed to, and the dates of the two versions it compares.</summary>
/// <param name="Author">The author of every tracked change.</param>
/// <param name="FromDate">The older version's date (shown on the front page).</param>
/// <param name="ToDate">The newer version's date: the date of every tracked change.</param>
internal sealed record RedlineAttribution(string Author, DateOnly? FromDate, DateOnly? ToDate)
{
    /// <summary>
    /// The attribution of <paramref name="version"/>: the author is the policy set's <c>redline.author</c>, else the
    /// publisher (the Policy Authority), else the authors the document names, else the policy set's name (which is the
    /// document's title when nothing else names it) — always a name the content states. The dates are
    /// <see cref="VersionChange.DateOf"/> each version.
    /// </summary>
    public static RedlineAttribution Of(VersionChange version)
    {
        var set = version.NewSet.Set;
        static string? Named(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        var author = Named(set.Info.Redline.Author) ?? Named(set.Info.Publisher.Name)
            ?? (version.New?.Document.Info.Authors.Select(Named).OfType<string>().ToList() is { Count: > 0 } names ? string.Join(", ", names) : null)
            ?? Named(set.Info.Name) ?? version.Change.Title;
        return new RedlineAttribution(author, version.OldDate, version.Date);
    }
}
