using System.Globalization;
using System.Net;
using System.Text;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Pipeline;
using Scriban;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Renders the website: the home page, one page per document with every section anchored by number, and the
/// assets, using the Scriban layouts of templates/site/. Documents render in parallel.
/// </summary>
public sealed class SiteRenderer
{
    private readonly Compilation _compilation;
    private readonly PolicySet _set;
    private readonly Template _layout;
    private readonly Dictionary<string, Template> _pages = new(StringComparer.Ordinal);

    /// <summary>Prepares to render <paramref name="compilation"/>, parsing its site templates once.</summary>
    public SiteRenderer(Compilation compilation)
    {
        _compilation = compilation;
        _set = compilation.Set ?? throw new ArgumentException("compilation has no policy set", nameof(compilation));
        _layout = Load("site/layout.sbn");
        foreach (var name in (ReadOnlySpan<string>)["index", "document", "matrix"]) _pages[name] = Load($"site/{name}.sbn");
    }

    private Template Load(string path)
    {
        var text = _compilation.Templates.ReadText(path) ?? throw new InvalidOperationException($"template {path} missing");
        var t = Template.Parse(text, path);
        if (t.HasErrors) throw new InvalidOperationException($"{path}: {string.Join("; ", t.Messages)}");
        return t;
    }

    /// <summary>Renders every page into <paramref name="output"/>.</summary>
    public void Render(OutputSet output)
    {
        foreach (var asset in _compilation.Templates.List("site/assets/"))
            output.Add(asset["site/".Length..], _compilation.Templates.ReadBytes(asset)!);
        output.AddText("index.html", Page("index", _set.Info.Name, 0, new ScriptObject { ["documents"] = DocumentList() }));
        Parallel.ForEach(_set.Documents, doc =>
            output.AddText(SiteLinks.DocumentPage(doc.Id), Page("document", doc.Info.Title, 1, new ScriptObject { ["doc"] = DocumentModel(doc, 1) })));
        if (_compilation.Matrix is { } matrix && !_set.Data.Recommendations.IsEmpty)
            output.AddText(Matrix.MatrixPageModel.PagePath, Page("matrix", "Recommendations by impact level", 1, Matrix.MatrixPageModel.Build(_set, matrix)));
    }

    private ScriptArray DocumentList() => new(_set.Documents.Select(d => new ScriptObject
    {
        ["id"] = d.Id,
        ["title"] = d.Info.Title,
        ["short_title"] = d.Info.ShortTitle,
        ["kind"] = d.Info.KindLabel,
        ["version"] = d.Info.Version,
        ["effective_date"] = Date(d.Info.EffectiveDate),
        ["status"] = d.Info.Status.ToString().ToLowerInvariant(),
        ["oid"] = d.Info.Oid,
        ["cas"] = new ScriptArray(d.Info.Cas.Select(id => _set.Data.Cas.FirstOrDefault(c => c.Id == id)?.Name ?? id)),
        ["url"] = SiteLinks.DocumentPage(d.Id),
    }));

    private string Page(string name, string title, int depth, ScriptObject model)
    {
        var site = new ScriptObject
        {
            ["name"] = _set.Info.Name,
            ["publisher"] = _set.Info.Publisher.Name,
            ["licence"] = _set.Info.Licence,
            ["base_url"] = _set.Info.BaseUrl,
        };
        var page = new ScriptObject { ["title"] = title == _set.Info.Name ? title : $"{title} · {_set.Info.Name}", ["root"] = SiteLinks.Root(depth) };
        var scope = new ScriptObject { ["site"] = site, ["page"] = page };
        foreach (var (k, v) in model) scope[k] = v;
        var context = NewContext(scope);
        scope["content"] = _pages[name].Render(context);
        return _layout.Render(NewContext(scope));
    }

    private static TemplateContext NewContext(ScriptObject scope)
    {
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 100_000, EnableRelaxedMemberAccess = false };
        context.PushGlobal(scope);
        return context;
    }

    private ScriptObject DocumentModel(PolicyDocument doc, int depth)
    {
        var renderer = new HtmlBodyRenderer(_compilation.Xrefs!, doc.Id, depth);
        var body = new StringBuilder();
        foreach (var s in doc.Sections) RenderSection(s, doc, renderer, body);
        foreach (var a in doc.Appendices) RenderSection(a, doc, renderer, body);
        var toc = new StringBuilder();
        Toc(doc.Sections.Concat(doc.Appendices), toc);
        return new ScriptObject
        {
            ["id"] = doc.Id,
            ["title"] = doc.Info.Title,
            ["short_title"] = doc.Info.ShortTitle,
            ["kind"] = doc.Info.KindLabel,
            ["version"] = doc.Info.Version,
            ["effective_date"] = Date(doc.Info.EffectiveDate),
            ["status"] = doc.Info.Status.ToString().ToLowerInvariant(),
            ["oid"] = doc.Info.Oid,
            ["revisions"] = new ScriptArray(doc.Info.Revisions.Select(r =>
            {
                var approval = _set.Data.Approvals.FirstOrDefault(a => a.Id == r.Approval);
                return new ScriptObject
                {
                    ["version"] = r.Version, ["date"] = Date(r.Date), ["summary"] = r.Summary, ["approval"] = r.Approval,
                    ["approval_meeting"] = approval?.Meeting, ["approval_date"] = Date(approval?.Date),
                    ["approval_members"] = new ScriptArray(approval?.Members ?? []),
                };
            })),
            ["preamble"] = doc.Preamble is null ? "" : renderer.Render(Markdown.PolicyMarkdown.Parse(doc.Preamble), 1, "preamble"),
            ["body"] = body.ToString(),
            ["toc"] = toc.ToString(),
        };
    }

    private void RenderSection(Section s, PolicyDocument doc, HtmlBodyRenderer renderer, StringBuilder html)
    {
        var level = Math.Min(6, s.Depth + 1);
        var cls = s.IsNoStipulation ? " no-stipulation" : "";
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{s.Anchor}\" class=\"section depth-{s.Depth}{cls}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h{level}><span class=\"section-number\">{Esc(s.IsAppendix ? "Appendix " + s.Number : s.Number)}</span> {Esc(s.Title)}<a class=\"permalink\" href=\"#{s.Anchor}\" aria-label=\"Link to section {Esc(s.Number)}\">#</a></h{level}>\n");
        if (s.Body is not null) html.Append(renderer.Render(s.Body, level, s.Anchor));
        var recs = _compilation.Recommendations.For(doc.Id, s.Number);
        if (!recs.IsEmpty)
            html.Append("<p class=\"addresses-recommendations\">Addresses recommendations: ")
                .AppendJoin(", ", recs.Select(r => $"<a href=\"../{Matrix.MatrixPageModel.PagePath}#rec-{Esc(r.Id)}\" title=\"{Esc(r.Text)}\">{Esc(r.Id)}</a>"))
                .Append("</p>\n");
        var backlinks = _compilation.Xrefs!.BacklinksOf(doc.Id, s.Number);
        if (backlinks.Count > 0 && !s.IsAppendix)
        {
            html.Append("<p class=\"backlinks\">Referenced by: ");
            for (var i = 0; i < backlinks.Count; i++)
            {
                var b = backlinks[i];
                if (i > 0) html.Append(", ");
                var href = b.DocumentId == doc.Id ? "#" : "../" + SiteLinks.DocumentPage(b.DocumentId) + "#";
                var label = b.DocumentId == doc.Id ? b.SectionNumber : $"{_set.Find(b.DocumentId)?.Info.KindLabel} {b.SectionNumber}";
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{href}{Markdown.SectionAnchor.Of(b.SectionNumber)}\" title=\"{Esc(b.Title)}\">{Esc(label)}</a>");
            }
            html.Append("</p>\n");
        }
        foreach (var c in s.Children) RenderSection(c, doc, renderer, html);
        html.Append("</section>\n");
    }

    private static void Toc(IEnumerable<Section> sections, StringBuilder html)
    {
        html.Append("<ul>");
        foreach (var s in sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{s.Anchor}\">{Esc(s.DisplayTitle)}</a>");
            if (!s.Children.IsEmpty) Toc(s.Children, html);
            html.Append("</li>");
        }
        html.Append("</ul>\n");
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
