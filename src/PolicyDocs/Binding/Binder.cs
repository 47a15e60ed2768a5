using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Templates;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PolicyDocs.Binding;

/// <summary>
/// Bind stage: evaluates each section body as a Scriban template over a read-only view of the data
/// (<see cref="MarkdownTemplateContext"/>: strict variables, loop, recursion and regex-time limits, no output cap,
/// no random or clock functions, every value escaped to literal Markdown text, includes only from
/// templates/markdown/), then parses the result with the policy Markdown pipeline. Template errors are reported at
/// the Markdown file's own line.
/// </summary>
internal static class Binder
{
    private const int LoopLimit = 10_000;
    private const int RecursiveLimit = 50;

    /// <summary>Binds every document of <paramref name="set"/>; documents are processed in parallel.</summary>
    public static PolicySet Bind(PolicySet set, TemplateStore store, DiagnosticBag diagnostics)
    {
        var globals = ScriptData.Globals(set);
        var docs = new PolicyDocument[set.Documents.Length];
        Parallel.For(0, docs.Length, i => docs[i] = BindDocument(set.Documents[i], globals, store, diagnostics));
        return new PolicySet(set.Info, set.Data, [.. docs], set.Root);
    }

    private static PolicyDocument BindDocument(PolicyDocument doc, ScriptObject globals, TemplateStore store, DiagnosticBag diagnostics)
    {
        var context = new MarkdownTemplateContext(new SafeTemplateLoader(store), LoopLimit, RecursiveLimit);
        context.PushGlobal(globals);
        var docScope = ScriptData.Freeze(new ScriptObject { ["document"] = ScriptData.Document(doc.Info) });
        context.PushGlobal(docScope);
        // Templates render in document order on the one context; the sections' Markdown then parses in parallel.
        var bound = new List<string>();
        var owners = new List<Section>();
        void Collect(Section s)
        {
            foreach (var c in s.Children) Collect(c);
            bound.Add(Render(s.Source, s.Span.Path, s.SourceLine, s.Span, context, diagnostics));
            owners.Add(s);
        }
        foreach (var s in doc.Sections) Collect(s);
        foreach (var s in doc.Appendices) Collect(s);
        if (doc.Preamble is { } p)
        {
            bound.Add(Render(p.Source, p.Span.Path, p.SourceLine, p.Span, context, diagnostics));
            owners.Add(p);
        }
        var bodies = new Markdig.Syntax.MarkdownDocument[bound.Count];
        var limits = new MarkdownLimit?[bound.Count];
        Parallel.For(0, bodies.Length, i => bodies[i] = PolicyMarkdown.Parse(bound[i], out limits[i]));
        var undefinedFootnotes = DocumentFootnotes.Link(bound, bodies, DocumentOrder(doc, owners), [.. limits.Select(l => l is null)]);
        // MapSections visits sections in the same order as Collect: children first, then their parent.
        var next = 0;
        var sanitizer = new ProseSanitizer();
        Section Finish(Section section)
        {
            var i = next++;
            var bodied = section with { BoundSource = bound[i], Body = bodies[i] };
            if (limits[i] is { } limit)
                diagnostics.Add(Rules.MarkdownBeyondLimit, new Model.SourceSpan(section.Span.Path, section.SourceLine + limit.Line, 1),
                    $"Markdown in {(section.Number.Length > 0 ? "section " + section.Number : "the text before section 1")} has {limit.What}, more than the parser can take; it is published empty.");
            foreach (var note in undefinedFootnotes[i])
                diagnostics.Add(Rules.UndefinedFootnote, new Model.SourceSpan(section.Span.Path, section.SourceLine + note.Line, note.Column + 1),
                    $"Footnote [^{note.Label}] has no definition ([^{note.Label}]: ...) anywhere in the document; it prints as written.");
            return sanitizer.Sanitize(bodied, diagnostics);
        }
        var mapped = doc.MapSections(Finish);
        if (doc.Preamble is { } preamble) mapped = mapped.WithPreamble(Finish(preamble));
        sanitizer.Finish(diagnostics);
        return mapped;
    }

    /// <summary>The indexes of <paramref name="owners"/> (the sections whose bodies were bound, in any order) in document
    /// order: the text before section 1, then each section before its subsections, then the appendices.</summary>
    private static int[] DocumentOrder(PolicyDocument doc, List<Section> owners)
    {
        var index = new Dictionary<Section, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < owners.Count; i++) index[owners[i]] = i;
        var order = new List<int>(owners.Count);
        if (doc.Preamble is { } p) order.Add(index[p]);
        void Visit(Section s)
        {
            order.Add(index[s]);
            foreach (var c in s.Children) Visit(c);
        }
        foreach (var s in doc.Sections) Visit(s);
        foreach (var s in doc.Appendices) Visit(s);
        return [.. order];
    }

    /// <summary>Renders one template body; on error reports it and returns the source unchanged.</summary>
    public static string Render(string source, string path, int firstLine, Model.SourceSpan fallback, TemplateContext context, DiagnosticBag diagnostics)
    {
        if (!source.Contains("{{", StringComparison.Ordinal)) return source;
        // Scriban lets the last code block run to the end of the text; in prose that is a typo, not a template.
        if (UnclosedCode(source, path) is { } open)
        {
            diagnostics.Add(Rules.TemplateError, Map(open, path, firstLine, fallback), "Template error: '{{' is never closed with '}}'.");
            return source;
        }
        var template = Template.Parse(source, path);
        if (template.HasErrors)
        {
            foreach (var m in template.Messages)
                diagnostics.Add(Rules.TemplateError, Map(m.Span, path, firstLine, fallback), $"Template error: {m.Message}");
            return source;
        }
        context.PushGlobal(new ScriptObject());
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            DiscardOutput(context);
            var where = ex.Span.FileName == path || string.IsNullOrEmpty(ex.Span.FileName) ? "" : $" (in {TemplateStore.Display(ex.Span.FileName)}:{ex.Span.Start.Line + 1})";
            var at = where.Length == 0 ? Map(ex.Span, path, firstLine, fallback) : fallback;
            var (kind, message) = TemplateFailure.Of(ex);
            var rule = kind switch
            {
                TemplateFailureKind.Limit => Rules.TemplateLimit,
                TemplateFailureKind.ReadOnly => Rules.ReadOnlyData,
                TemplateFailureKind.NonReproducible => Rules.NonReproducible,
                TemplateFailureKind.UnsafeUrl => Rules.UnsafeDataUrl,
                _ => Rules.TemplateError,
            };
            diagnostics.Add(rule, at, $"Template error: {message}{where}");
            return source;
        }
        finally
        {
            context.PopGlobal();
        }
    }

    /// <summary>
    /// A template that fails leaves what it wrote so far in the shared context's output; it is dropped, or the next
    /// section would start with it.
    /// </summary>
    private static void DiscardOutput(TemplateContext context)
    {
        while (context.OutputCount > 1) context.PopOutput();
        if (context.Output is StringBuilderOutput text) text.Builder.Clear();
    }

    private static Scriban.Parsing.SourceSpan? UnclosedCode(string source, string path)
    {
        Scriban.Parsing.SourceSpan? open = null;
        foreach (var token in new Scriban.Parsing.Lexer(source, path))
        {
            if (token.Type == Scriban.Parsing.TokenType.CodeEnter) open = new Scriban.Parsing.SourceSpan(path, token.Start, token.End);
            else if (token.Type == Scriban.Parsing.TokenType.CodeExit) open = null;
        }
        return open;
    }

    private static Model.SourceSpan Map(Scriban.Parsing.SourceSpan span, string path, int firstLine, Model.SourceSpan fallback) =>
        span.FileName == path || string.IsNullOrEmpty(span.FileName)
            ? new Model.SourceSpan(path, firstLine + span.Start.Line, span.Start.Column + 1)
            : fallback;
}
