namespace PolicyDocs.Rendering.Html;

/// <summary>HTML that PolicyDocs rendered itself (section bodies, the contents, the CA tree, a page inside its
/// layout): site templates write it as is, while every other value is HTML-escaped.</summary>
internal sealed record TrustedHtml(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}
