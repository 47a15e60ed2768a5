using PolicyDocs.Matrix;
using PolicyDocs.Model;
using PolicyDocs.Publication;
using PolicyDocs.Templates;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Compiling;

/// <summary>Options of a compile.</summary>
/// <param name="Strict">Report title variants as errors.</param>
/// <param name="DocumentId">For a single Markdown file: the document's id, in place of the one its file name or front
/// matter gives. Two versions of one document under different file names compare as one document this way, and the
/// old version's references resolve to the id the new version publishes under.</param>
public sealed record CompileOptions(bool Strict = false, string? DocumentId = null);

/// <summary>
/// The resolved policy set: the bound, aligned model, its cross-reference index, the templates to render it
/// with, and every diagnostic found. What all renderers consume.
/// </summary>
/// <param name="Set">The model; null only when <see cref="Fatal"/> is set.</param>
/// <param name="Xrefs">Resolved references and backlinks.</param>
/// <param name="Templates">Where templates come from for this set.</param>
/// <param name="Diagnostics">Findings, sorted by place.</param>
/// <param name="Fatal">Why the input could not be read at all, if so.</param>
public sealed record Compilation(PolicySet? Set, XrefIndex? Xrefs, TemplateStore Templates, IReadOnlyList<Diagnostic> Diagnostics, string? Fatal)
{
    /// <summary>Recommendations × levels × CAs; empty when the set has no recommendations.</summary>
    public RecommendationMatrix? Matrix { get; init; }

    /// <summary>Which recommendations each section addresses.</summary>
    public RecommendationIndex Recommendations { get; init; } = RecommendationIndex.Empty;

    /// <summary>What every output renders from: the set with one <see cref="PublishedDocument"/> per document;
    /// null only when <see cref="Fatal"/> is set.</summary>
    public PublishedSet? Published { get; init; }

    /// <summary>Errors in the diagnostics.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>Warnings in the diagnostics.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
