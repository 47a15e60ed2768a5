using PolicyDocs.Model;
using PolicyDocs.Publication;
using PolicyDocs.Templates;

namespace PolicyDocs.Compiling;

/// <summary>Options of a compile.</summary>
/// <param name="Strict">Report title variants as errors.</param>
/// <param name="DocumentId">For a single Markdown file: the document's id, in place of the one its file name or front
/// matter gives. Two versions of one document under different file names compare as one document this way, and the
/// old version's references resolve to the id the new version publishes under.</param>
internal sealed record CompileOptions(bool Strict = false, string? DocumentId = null);

/// <summary>
/// What a compile found: every diagnostic, and — unless the input could not be read at all — the publication every
/// output renders from. The publication exists even when there are errors (so <c>check</c> can report and fix); an
/// output is only written from a compilation without errors.
/// </summary>
/// <param name="Published">The resolved set and its documents as every output shows them; null only when <see cref="Fatal"/> is set.</param>
/// <param name="Templates">Where templates come from for this set.</param>
/// <param name="Diagnostics">Findings, sorted by place.</param>
/// <param name="Fatal">Why the input could not be read at all, if so.</param>
internal sealed record Compilation(PublishedSet? Published, TemplateStore Templates, IReadOnlyList<Diagnostic> Diagnostics, string? Fatal)
{
    /// <summary>Errors in the diagnostics.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>Warnings in the diagnostics.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
