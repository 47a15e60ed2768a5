using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>A page that a feature contributes to the site: which body template renders it, where, and with what model.
/// <see cref="SiteRenderer"/> renders every page in the shared layout, with the same site, page and asset variables.</summary>
/// <param name="Template">Body template name under templates/site/ ("roles" for roles.sbn).</param>
/// <param name="Path">Where the page is written, from the site root.</param>
/// <param name="Title">Page title.</param>
/// <param name="Depth">Folders below the site root, for relative links.</param>
/// <param name="Model">Variables for the body template.</param>
/// <param name="Nav">Label of the page in the site header navigation; null to leave it out.</param>
internal sealed record SitePage(string Template, string Path, string Title, int Depth, ScriptObject Model, string? Nav = null);
