using PolicyDocs.Binding;
using PolicyDocs.Checks;
using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Templates;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Pipeline;

/// <summary>Runs Load → Bind → Resolve → Check on a content folder or a single Markdown file.</summary>
public static class PolicyCompiler
{
    /// <summary>Compiles the policy set at <paramref name="contentPath"/>.</summary>
    public static Compilation Compile(string contentPath, CompileOptions? options = null)
    {
        options ??= new CompileOptions();
        var diagnostics = new DiagnosticBag();
        var loaded = ContentLoader.Load(contentPath, diagnostics);
        var isFolder = Directory.Exists(contentPath);
        var templates = TemplateStore.ForContent(isFolder ? contentPath : Path.GetDirectoryName(Path.GetFullPath(contentPath))!, isFolder);
        if (loaded.Set is null)
            return new Compilation(null, null, templates, diagnostics.ToSortedList(), loaded.Fatal);

        var set = Binder.Bind(loaded.Set, templates, diagnostics);
        set = set.MapDocuments(doc => OutlineAlignment.Align(doc, diagnostics, options.Strict));
        foreach (var doc in set.Documents) SectionContentCheck.Check(doc, diagnostics);
        foreach (var doc in set.Documents) MarkdownContentCheck.Check(doc, diagnostics);
        DataConsistencyCheck.Check(set, diagnostics);
        var xrefs = XrefResolver.Resolve(set, diagnostics);
        return new Compilation(set, xrefs, templates, diagnostics.ToSortedList(), null);
    }
}
