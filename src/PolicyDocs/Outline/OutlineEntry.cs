namespace PolicyDocs.Outline;

/// <summary>One entry of the RFC 3647 §6 outline.</summary>
/// <param name="Id">Section number without trailing dot, e.g. "4.9.1".</param>
/// <param name="Title">The §6 title, exact wording and casing.</param>
/// <param name="Index">Position in outline order (0-based); defines the required order of sections.</param>
internal sealed record OutlineEntry(string Id, string Title, int Index)
{
    /// <summary>1 for components, 2 and 3 below.</summary>
    public int Depth => SectionNumber.Depth(Id);

    /// <summary>The parent's id, or null for a component.</summary>
    public string? ParentId => SectionNumber.Parent(Id);

    /// <summary>The normalised title used for matching.</summary>
    public string Key { get; } = TitleKey.Normalize(Title);
}
