using System.Globalization;
using System.Net;
using System.Text;
using PolicyDocs.Versions;
using PolicyDocs.Model;
using PolicyDocs.Model.Data;
using PolicyDocs.Output;
using PolicyDocs.Publication;
using PolicyDocs.Rendering.Markdown;
using Scriban;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Renders the website relying parties read, with the Scriban layouts and partials of templates/site/: the home
/// page, one page per document, its version archive and print view, the search index, 404, sitemap, feed and
/// robots.txt. Assets are published under fingerprinted names. Render it after every other output, so the pages
/// link only downloads that exist. Documents render in parallel; the output is deterministic.
/// </summary>
internal sealed class SiteRenderer
{
    private static readonly string[] PageTemplates = ["index", "document", "versions", "print", "404"];

    private readonly PublishedSet _published;
    private readonly PolicySet _set;
    private readonly Template? _layout;
    private readonly System.Collections.Concurrent.ConcurrentBag<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, Template> _pages = new(StringComparer.Ordinal);
    private readonly SiteTemplateLoader _loader;
    private IReadOnlyList<(string Label, string Path)> _nav = [];
    private RenderedDocument[]? _rendered;

    /// <summary>Prepares to render <paramref name="published"/>, parsing its site templates once.</summary>
    public SiteRenderer(PublishedSet published)
    {
        _published = published;
        _set = published.Set;
        _loader = new SiteTemplateLoader(published.Templates);
        _layout = Load("site/layout.sbn");
        foreach (var name in PageTemplates)
            if (Load($"site/{name}.sbn") is { } t) _pages[name] = t;
    }

    /// <summary>Template problems found while parsing and rendering (PD0402), in a stable order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
        [.. _diagnostics.OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Message, StringComparer.Ordinal)];

    private Template? Load(string path)
    {
        var text = _published.Templates.ReadText(path);
        if (text is null)
        {
            _diagnostics.Add(Rules.SiteTemplateError.At(SourceSpan.File(Templates.TemplateStore.Display(path)), $"The site template {path} is missing."));
            return null;
        }
        var t = Template.Parse(text, path);
        if (!t.HasErrors) return t;
        foreach (var m in t.Messages)
            _diagnostics.Add(Rules.SiteTemplateError.At(Where(m.Span, path), m.Message));
        return null;
    }

    private static SourceSpan Where(Scriban.Parsing.SourceSpan span, string fallback) =>
        new(Templates.TemplateStore.Display(string.IsNullOrEmpty(span.FileName) ? fallback : span.FileName), span.Start.Line + 1, span.Start.Column + 1);

    private sealed record RenderedDocument(PolicyDocument Doc, string Body, string Toc, string Preamble, string PrintBody, int SectionCount);

    /// <summary>Renders the document bodies the pages embed; it needs no other output, so it can run beside the downloads.</summary>
    public void Prepare()
    {
        if (_rendered is not null || _layout is null || _pages.Count < PageTemplates.Length) return;
        var rendered = new RenderedDocument[_set.Documents.Length];
        Parallel.For(0, rendered.Length, i => rendered[i] = RenderDocument(_published, _published.Documents[i], 1));
        _rendered = rendered;
    }

    /// <summary>Renders only <paramref name="pages"/> and the assets they use, without the site's header and footer:
    /// pages published away from the site, such as the redlines <c>diff --html</c> writes.</summary>
    public void RenderStandalone(OutputSet output, IReadOnlyList<SitePage> pages)
    {
        if (_layout is null) return;
        var assets = SiteAssets.Publish(_published.Templates, output);
        var assetPaths = new ScriptObject();
        foreach (var (name, path) in assets.All) assetPaths[AssetKey(name)] = path;
        foreach (var page in pages)
        {
            if (!_pages.ContainsKey(page.Template) && Load($"site/{page.Template}.sbn") is { } t) _pages[page.Template] = t;
            if (_pages.ContainsKey(page.Template))
                output.AddText(page.Path, Page(page.Template, page.Path, page.Title, page.Depth, assetPaths, page.Model, chrome: false, standalone: true));
        }
    }

    /// <summary>Renders every page into <paramref name="output"/>, including the <paramref name="extraPages"/> other features
    /// contribute and the superseded versions and changes of <paramref name="history"/>.</summary>
    public void Render(OutputSet output, IReadOnlyList<SitePage>? extraPages = null, SiteHistory? history = null) =>
        Render(output, extraPages, history, PendingDownloads.None);

    /// <summary>Renders every page, linking the <paramref name="pending"/> downloads too; only the pages that show their
    /// size or hash (the home page) wait for them, and those render last.</summary>
    internal void Render(OutputSet output, IReadOnlyList<SitePage>? extraPages, SiteHistory? history, PendingDownloads pending)
    {
        if (_layout is null || _pages.Count < PageTemplates.Length) return;
        history ??= SiteHistory.Empty;
        _nav = [.. (extraPages ?? []).Where(p => p.Nav is not null).Select(p => (p.Nav!, p.Path))];
        var assets = SiteAssets.Publish(_published.Templates, output);
        Prepare();
        var rendered = _rendered!;

        var index = SearchIndex.Of(_published);
        var indexBytes = new UTF8Encoding(false).GetBytes(index.ToScript());
        var indexPath = "assets/" + SiteAssets.Fingerprint("search-index.js", indexBytes);
        output.Add(indexPath, indexBytes);

        var assetPaths = new ScriptObject();
        foreach (var (name, path) in assets.All) assetPaths[AssetKey(name)] = path;
        assetPaths["search_index"] = indexPath;

        // Superseded versions first, so the version archive links only the pages that exist.
        Parallel.ForEach(history.Archived, a =>
        {
            var doc = a.Document;
            var release = a.Publication;
            var r = RenderDocument(release.Set, release, 2);
            PublishImages(doc, output);
            var model = DocumentModel(release.Set.Set, r, 2, output, history, pending);
            model["archived"] = true;
            model["current_url"] = SiteLinks.Root(2) + SitePaths.DocumentPage(doc.Id);
            model["current_version"] = _set.Find(doc.Id)?.Info.Version;
            output.AddText(a.PagePath, Page("document", a.PagePath, $"{doc.Info.Title}, version {doc.Info.Version}", 2, assetPaths, new ScriptObject { ["doc"] = model }));
        });
        Parallel.ForEach(rendered, r =>
        {
            var doc = r.Doc;
            PublishImages(doc, output);
            var page = SitePaths.DocumentPage(doc.Id);
            output.AddText(page, Page("document", page, doc.Info.Title, 1, assetPaths, new ScriptObject { ["doc"] = DocumentModel(_set, r, 1, output, history, pending) }));
            var versions = SitePaths.VersionsPage(doc.Id);
            output.AddText(versions, Page("versions", versions, $"{doc.Info.ShortTitle} versions", 2, assetPaths, new ScriptObject { ["doc"] = DocumentModel(_set, r, 2, output, history, pending) }));
            var print = SitePaths.PrintPage(doc.Id);
            output.AddText(print, Page("print", print, doc.Info.Title, 2, assetPaths, new ScriptObject { ["doc"] = DocumentModel(_set, r, 2, output, history, pending) }, chrome: false));
        });
        output.AddText("404.html", Page("404", "404.html", "Page not found", 0, assetPaths, [], absoluteRoot: true));
        foreach (var extra in extraPages ?? [])
        {
            if (!_pages.ContainsKey(extra.Template) && Load($"site/{extra.Template}.sbn") is { } t) _pages[extra.Template] = t;
            if (_pages.ContainsKey(extra.Template))
                output.AddText(extra.Path, Page(extra.Template, extra.Path, extra.Title, extra.Depth, assetPaths, extra.Model));
        }
        // The home page shows the downloads' sizes and hashes, so it renders last, when they are most likely done.
        output.AddText("index.html", Page("index", "index.html", _set.Info.Name, 0, assetPaths, HomeModel(output, pending)));

        output.AddText("feed.xml", SiteFeeds.Atom(_set, history));
        output.AddText("robots.txt", SiteFeeds.Robots(_set.Info.BaseUrl));
        if (_set.Info.BaseUrl is { } baseUrl)
        {
            var pages = new List<(string, DateOnly?)> { ("index.html", _set.Documents.Select(d => d.Info.EffectiveDate).Max()) };
            foreach (var d in _set.Documents)
            {
                pages.Add((SitePaths.DocumentPage(d.Id), d.Info.EffectiveDate));
                pages.Add((SitePaths.VersionsPage(d.Id), d.Info.Revisions.Select(r => (DateOnly?)r.Date).Max() ?? d.Info.EffectiveDate));
            }
            output.AddText("sitemap.xml", SiteFeeds.Sitemap(baseUrl, pages));
        }
    }

    // Each image beside the document's pages under its fingerprinted name; versions showing the same bytes share the file.
    private static void PublishImages(PolicyDocument doc, OutputSet output)
    {
        foreach (var image in doc.Images.Values) output.Add(SitePaths.DocumentImage(doc.Id, image.PublishedName), image.Bytes);
    }

    private static string AssetKey(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    private static RenderedDocument RenderDocument(PublishedSet set, PublishedDocument doc, int depth)
    {
        // Each body is rendered once for the page and the print view, which need not be at the same depth (cps/print/).
        var bodies = new DocumentBodies(set, doc);
        var html = new DocumentHtml(doc, bodies, depth, print: false);
        var printHtml = new DocumentHtml(doc, bodies, 2, print: true);
        return new RenderedDocument(doc.Document, html.Body(), html.Toc(), html.Preamble(), printHtml.Body(), doc.ReadingOrder.Length);
    }

    /// <summary>
    /// What the documents are, in the plural, when every one states its kind ("Certificate Policies and Certification
    /// Practice Statements"); null when any leaves it unstated, so the home page claims no kind the content does not.
    /// </summary>
    private static string? KindsNamed(IEnumerable<PolicyDocument> documents)
    {
        var docs = documents.ToList();
        if (docs.Count == 0 || docs.Any(d => !d.Info.KindStated || d.Info.Kind == DocumentKind.Other)) return null;
        var cp = docs.Any(d => d.Info.Kind is DocumentKind.Cp or DocumentKind.CpCps);
        var cps = docs.Any(d => d.Info.Kind is DocumentKind.Cps or DocumentKind.CpCps);
        return cp && cps ? "Certificate Policies and Certification Practice Statements" : cp ? "Certificate Policies" : "Certification Practice Statements";
    }

    private string Page(string name, string path, string title, int depth, ScriptObject assets, ScriptObject model, bool chrome = true, bool absoluteRoot = false, bool standalone = false)
    {
        var info = _set.Info;
        var publisher = new ScriptObject
        {
            ["name"] = info.Publisher.Name,
            ["email"] = info.Publisher.Email,
            ["url"] = LinkOrNull(info.Publisher.Url),
            ["address"] = info.Publisher.Address,
            ["problem_reports"] = LinkOrNull(info.Publisher.ProblemReports),
            ["problem_reports_href"] = LinkOrNull(ProblemReportsHref(info.Publisher.ProblemReports)),
        };
        var site = new ScriptObject
        {
            ["name"] = info.Name,
            ["publisher"] = publisher,
            ["licence"] = info.Licence,
            ["base_url"] = info.BaseUrl,
            ["kinds"] = KindsNamed(_set.Documents),
            ["rfc3647"] = _set.Documents.All(d => d.Info.FollowsRfc3647),
            ["documents"] = new ScriptArray(_set.Documents.Select(d => new ScriptObject
            {
                ["id"] = d.Id, ["short_title"] = d.Info.ShortTitle, ["kind"] = d.Info.KindStated ? d.Info.KindLabel : d.Info.ShortTitle, ["url"] = SitePaths.DocumentPage(d.Id),
            })),
            ["nav"] = new ScriptArray(_nav.Select(n => new ScriptObject { ["label"] = n.Label, ["url"] = n.Path })),
        };
        var root = absoluteRoot ? SiteLinks.AbsoluteRoot(info.BaseUrl) : SiteLinks.Root(depth);
        var page = new ScriptObject
        {
            ["title"] = title == info.Name ? title : $"{title} · {info.Name}",
            ["heading"] = title,
            ["root"] = root,
            ["path"] = path,
            ["kind"] = name,
            ["chrome"] = chrome,
            // The language the documents state (all the same one; policyset.yaml's for those that state none), else
            // policyset.yaml's, else English.
            ["lang"] = _set.Documents.Select(d => d.Info.Language ?? _set.Info.Language).Distinct().ToList() is [{ } lang] ? lang : _set.Info.Language ?? "en",
            // The print view is the document again: search engines should index the document page.
            ["canonical"] = info.BaseUrl is null || name == "404" || standalone ? null
                : SiteFeeds.Url(info.BaseUrl, name == "print" ? path.Replace("print/index.html", "index.html", StringComparison.Ordinal) : path),
            ["description"] = info.Publisher.Name is { } by ? $"{title}: published by {by}." : title,
        };
        var scope = new ScriptObject { ["site"] = site, ["page"] = page, ["assets"] = assets, ["security"] = Security };
        foreach (var (k, v) in model) scope[k] = v;
        Binding.ScriptData.Freeze(scope);
        try
        {
            var content = new TrustedHtml(_pages[name].Render(NewContext(scope)));
            var layout = NewContext(scope);
            layout.PushGlobal(Binding.ScriptData.Freeze(new ScriptObject { ["content"] = content }));
            layout.PushGlobal(new ScriptObject());
            return _layout!.Render(layout);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            var (_, message) = Templates.TemplateFailure.Of(ex);
            _diagnostics.Add(Rules.SiteTemplateError.At(Where(ex.Span, $"site/{name}.sbn"), $"{message} (rendering {path})"));
            return "";
        }
    }

    // The policy is PolicyDocs' own text with no character an attribute needs escaped, so it is written as is.
    private static readonly ScriptObject Security = Binding.ScriptData.Freeze(new ScriptObject
    {
        ["csp"] = new TrustedHtml(SecurityHeaders.MetaContentSecurityPolicy),
    });

    private static string? ProblemReportsHref(string? value) =>
        value is null ? null
        : value.Contains('@', StringComparison.Ordinal) && !value.Contains("://", StringComparison.Ordinal) ? "mailto:" + value
        : value;

    private HtmlTemplateContext NewContext(ScriptObject scope)
    {
        var context = new HtmlTemplateContext(_loader, 100_000, 64);
        context.PushGlobal(scope);
        // Variables a template assigns live here; the model below is read-only.
        context.PushGlobal(new ScriptObject());
        return context;
    }

    private ScriptObject HomeModel(OutputSet output, PendingDownloads pending)
    {
        var changes = _set.Documents
            .SelectMany(d => d.Info.Revisions.Select(r => (Doc: d, Rev: r)))
            .OrderByDescending(e => e.Rev.Date).ThenBy(e => e.Doc.Id, StringComparer.Ordinal)
            .Take(10)
            .Select(e => new ScriptObject
            {
                ["date"] = Date(e.Rev.Date), ["document"] = e.Doc.Info.ShortTitle, ["kind"] = e.Doc.Info.KindLabel,
                ["version"] = e.Rev.Version, ["summary"] = e.Rev.Summary, ["url"] = SitePaths.VersionsPage(e.Doc.Id),
            });
        return new ScriptObject
        {
            ["documents"] = new ScriptArray(_set.Documents.Select(d => DocumentSummary(_set, d, 0, output, pending))),
            ["ca_tree"] = new TrustedHtml(CaTree()),
            ["changes"] = new ScriptArray(changes),
        };
    }

    private static ScriptObject DocumentSummary(PolicySet set, PolicyDocument d, int depth, OutputSet output, PendingDownloads pending)
    {
        var root = SiteLinks.Root(depth);
        var downloads = new ScriptArray();
        foreach (var (label, path) in new[] { ("Word (DOCX)", SitePaths.DocxDownload(d.Info.Id, d.Info.VersionKey)), ("PDF", SitePaths.PdfDownload(d.Info.Id, d.Info.VersionKey)), ("Markdown", SitePaths.MarkdownDownload(d.Info.Id, d.Info.VersionKey)) })
            if (pending.Bytes(output, path) is { } bytes)
                downloads.Add(new DownloadFile(label, root + path, path["downloads/".Length..], bytes));
        return new ScriptObject
        {
            ["id"] = d.Id,
            ["title"] = d.Info.Title,
            ["short_title"] = d.Info.ShortTitle,
            ["kind"] = d.Info.KindStated ? d.Info.KindLabel : null,
            ["subtitle"] = d.Info.Subtitle,
            ["authors"] = new ScriptArray(d.Info.Authors),
            ["date"] = Date(d.Info.Date),
            ["copyright"] = new ScriptArray((d.Info.Copyright ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)),
            ["version"] = d.Info.Version,
            ["effective_date"] = Date(d.Info.EffectiveDate),
            ["status"] = d.Info.Status?.ToString().ToLowerInvariant(),
            ["oid"] = d.Info.Oid,
            ["cas"] = new ScriptArray(d.Info.Cas.Select(id => new ScriptObject
            {
                ["id"] = id, ["name"] = set.Data.Cas.FirstOrDefault(c => c.Id == id)?.Name ?? id, ["url"] = root + "index.html#ca-" + id,
            })),
            ["implements"] = new ScriptArray(d.Info.Implements.Select(id => new ScriptObject
            {
                ["id"] = id, ["title"] = set.Find(id)?.Info.ShortTitle ?? id, ["url"] = root + SitePaths.DocumentPage(id),
            })),
            ["url"] = root + SitePaths.DocumentPage(d.Id),
            ["versions_url"] = root + SitePaths.VersionsPage(d.Id),
            ["print_url"] = root + SitePaths.PrintPage(d.Id),
            ["downloads"] = downloads,
        };
    }

    private string CaTree()
    {
        var cas = _set.Data.Cas;
        if (cas.IsEmpty) return "";
        var ids = cas.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var byParent = cas.Where(c => c.Parent is not null && ids.Contains(c.Parent) && c.Parent != c.Id)
            .GroupBy(c => c.Parent!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var html = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Level(IEnumerable<CaRecord> level)
        {
            html.Append("<ul class=\"ca-tree\">");
            foreach (var c in level)
            {
                if (!seen.Add(c.Id)) continue;
                html.Append(CultureInfo.InvariantCulture, $"<li id=\"ca-{Esc(c.Id)}\"><div class=\"ca-node\"><strong>{Esc(c.Name)}</strong> <span class=\"badge\">{Esc(c.Type)}</span> <span class=\"badge badge-muted\">{Esc(c.Operation)}</span>");
                if (c.Subject is not null) html.Append(CultureInfo.InvariantCulture, $"<div class=\"ca-subject\"><code>{Esc(c.Subject)}</code></div>");
                var key = string.Join(" ", new[] { c.KeyAlgorithm, c.KeySize, c.Hash is null ? null : "with " + c.Hash }.Where(x => x is not null));
                if (key.Length > 0) html.Append(CultureInfo.InvariantCulture, $"<div class=\"ca-key\">{Esc(key)}{(c.ValidityYears is { } y ? $", valid {y} years" : "")}</div>");
                html.Append("</div>");
                if (byParent.TryGetValue(c.Id, out var children)) Level(children);
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        Level(cas.Where(c => c.Parent is null || !ids.Contains(c.Parent) || c.Parent == c.Id));
        var orphans = cas.Where(c => !seen.Contains(c.Id)).ToList();
        if (orphans.Count > 0) Level(orphans);
        return html.ToString();
    }

    private static ScriptObject DocumentModel(PolicySet set, RenderedDocument r, int depth, OutputSet output, SiteHistory history, PendingDownloads pending)
    {
        var doc = r.Doc;
        var model = DocumentSummary(set, doc, depth, output, pending);
        var approvals = set.Data.Approvals.ToDictionary(a => a.Id, StringComparer.Ordinal);
        model["revisions"] = new ScriptArray(doc.Info.Revisions.Select(rev => new ScriptObject
        {
            ["version"] = rev.Version, ["date"] = Date(rev.Date), ["summary"] = rev.Summary, ["approval"] = rev.Approval,
            ["approval_text"] = rev.Approval is not null && approvals.TryGetValue(rev.Approval, out var a)
                ? $"{a.Meeting} ({Date(a.Date)})" + (a.Members.IsEmpty ? "" : "; members: " + string.Join(", ", a.Members))
                : rev.Approval,
            ["current"] = rev.Version == doc.Info.Version,
        }));
        model["versions"] = new ScriptArray(VersionHistory.Of(doc.Info).Select(v => new ScriptObject
        {
            ["version"] = v.Version, ["from"] = Date(v.From), ["until"] = Date(v.Until),
            ["until_inclusive"] = Date(v.Until?.AddDays(-1)),
            ["summary"] = v.Summary, ["current"] = v.IsCurrent, ["in_effect"] = v.InEffect,
            ["url"] = v.IsCurrent ? SiteLinks.Root(depth) + SitePaths.DocumentPage(doc.Id)
                : output.Contains(SitePaths.ArchivedPage(doc.Id, v.Version)) ? SiteLinks.Root(depth) + SitePaths.ArchivedPage(doc.Id, v.Version) : null,
        }));
        model["changes"] = new ScriptArray(history.Changes.Where(c => c.DocumentId == doc.Id).Select(c => new ScriptObject
        {
            ["from"] = c.FromVersion, ["to"] = c.ToVersion, ["date"] = Date(c.Date),
            ["sections"] = c.Change.Sections.Count, ["normative"] = c.Change.Sections.Count(x => x.Class == Diff.ChangeClass.Normative),
            ["url"] = SiteLinks.Root(depth) + c.HtmlPath,
            ["docx_url"] = output.Contains(c.DocxPath) ? SiteLinks.Root(depth) + c.DocxPath : null,
            ["pdf_url"] = output.Contains(c.PdfPath) ? SiteLinks.Root(depth) + c.PdfPath : null,
        }));
        model["archived"] = false;
        model["current_url"] = null;
        model["current_version"] = null;
        model["preamble"] = new TrustedHtml(r.Preamble);
        model["body"] = new TrustedHtml(r.Body);
        model["print_body"] = new TrustedHtml(r.PrintBody);
        model["toc"] = new TrustedHtml(r.Toc);
        model["section_count"] = r.SectionCount;
        return model;
    }

    // A URL from the data goes into an href only when the link policy allows it (the loader reports it otherwise).
    private static string? LinkOrNull(string? url) => url is not null && Text.UrlPolicy.IsAllowed(url) ? url : null;

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
