using PolicyDocs.Binding;
using PolicyDocs.Checks;
using PolicyDocs.Loading;
using PolicyDocs.Matrix;
using PolicyDocs.Model;
using PolicyDocs.Publication;
using PolicyDocs.Templates;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Compiling;

/// <summary>Runs Load → Bind → Resolve → Check on a content folder or a single Markdown file.</summary>
internal static class PolicyCompiler
{
    /// <summary>Compiles the policy set at <paramref name="contentPath"/>.</summary>
    /// <param name="contentPath">A content folder or a single Markdown file.</param>
    /// <param name="options">Compile options.</param>
    /// <param name="displayPath">How to name the content in diagnostics, when not as given (e.g. "v1.0:content").</param>
    public static Compilation Compile(string contentPath, CompileOptions? options = null, string? displayPath = null)
    {
        options ??= new CompileOptions();
        var diagnostics = new DiagnosticBag();
        var loaded = ContentLoader.Load(contentPath, diagnostics, displayPath);
        var isFolder = Directory.Exists(contentPath);
        var templates = TemplateStore.ForContent(isFolder ? contentPath : Path.GetDirectoryName(Path.GetFullPath(contentPath))!, isFolder);
        foreach (var (path, problem) in templates.Problems)
        {
            var display = TemplateStore.Display(path);
            diagnostics.Add(Rules.ForFile(problem.Fault), new SourceSpan(display, problem.Line, problem.Column), $"{display} {problem.Message}");
        }
        if (loaded.Set is null)
            return new Compilation(null, templates, diagnostics.ToSortedList(), loaded.Fatal);

        var loadedSet = loaded.Set;
        if (options.DocumentId is { } id && !isFolder && loadedSet.Documents.Length == 1)
            loadedSet = loadedSet.MapDocuments(d => d.WithInfo(d.Info with { Id = id }));
        var set = Binder.Bind(loadedSet, templates, diagnostics);
        set = set.MapDocuments(doc => OutlineAlignment.Align(doc, diagnostics, options.Strict));
        foreach (var doc in set.Documents) SectionContentCheck.Check(doc, diagnostics);
        foreach (var doc in set.Documents) MarkdownContentCheck.Check(doc, diagnostics);
        var root = set.Root;
        set = set.MapDocuments(doc => ImageAssets.Resolve(root, doc, diagnostics));
        DataConsistencyCheck.Check(set, diagnostics);
        ChangelogCheck.Check(set, diagnostics);
        TrustedRoleCheck.Check(set, diagnostics);
        CeremonyCheck.Check(set, diagnostics);
        var matrix = RecommendationMatrix.Build(set);
        CoverageCheck.Check(set, matrix, diagnostics);
        GovernanceCheck.Check(set, diagnostics);
        var xrefs = XrefResolver.Resolve(set, diagnostics);
        var recommendations = RecommendationIndex.Build(set);
        return new Compilation(DocumentPublisher.Publish(set, xrefs, templates, matrix, recommendations), templates, diagnostics.ToSortedList(), null);
    }
}
