namespace PolicyDocs.Outline;

/// <summary>A known non-RFC spelling of an outline title, and who uses it.</summary>
/// <param name="Id">The RFC section number the variant belongs to.</param>
/// <param name="Title">The variant title.</param>
/// <param name="Source">Who uses it, e.g. "TLS Baseline Requirements".</param>
/// <param name="Number">The number the variant source gives the section, when it renumbers it (S/MIME BRs §3.2).</param>
internal sealed record TitleVariant(string Id, string Title, string Source, string? Number = null)
{
    /// <summary>The normalised title used for matching.</summary>
    public string Key { get; } = TitleKey.Normalize(Title);
}
