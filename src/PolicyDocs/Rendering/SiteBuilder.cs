using PolicyDocs.Output;
using PolicyDocs.Pipeline;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Html;

namespace PolicyDocs.Rendering;

/// <summary>Renders everything a build publishes from a compilation into one <see cref="OutputSet"/>.</summary>
public static class SiteBuilder
{
    /// <summary>Renders the site and the Word downloads of <paramref name="compilation"/>.</summary>
    public static OutputSet Build(Compilation compilation)
    {
        var output = new OutputSet();
        new SiteRenderer(compilation).Render(output);
        DocxRenderer.RenderAll(compilation, output);
        return output;
    }
}
