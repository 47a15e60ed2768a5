using PolicyDocs.Matrix;
using PolicyDocs.Output;
using PolicyDocs.Pipeline;
using PolicyDocs.Rendering.Html;

namespace PolicyDocs.Rendering;

/// <summary>Renders everything a build publishes from a compilation into one <see cref="OutputSet"/>.</summary>
public static class SiteBuilder
{
    /// <summary>Renders the site of <paramref name="compilation"/>.</summary>
    public static OutputSet Build(Compilation compilation)
    {
        var output = new OutputSet();
        new SiteRenderer(compilation).Render(output);
        new RolesPageRenderer(compilation).Render(output);
        new CeremonyPageRenderer(compilation).Render(output);
        if (compilation.Matrix is { } matrix && compilation.Set is { Data.Recommendations.IsEmpty: false })
        {
            output.AddText("matrix/recommendations.csv", MatrixCsv.Write(MatrixTable.From(matrix)));
            output.Add("matrix/recommendations.xlsx", MatrixXlsx.Write(matrix));
        }
        return output;
    }
}
