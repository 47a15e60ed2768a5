using PolicyDocs.Model;
using PolicyDocs.Templates;
using Scriban;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Renders a page body template and wraps it in the shared <c>templates/site/layout.sbn</c>, with the same
/// <c>site</c> and <c>page</c> variables the document pages get, so every page of the site looks alike.
/// </summary>
public sealed class SitePageLayout
{
    private readonly PolicySet _set;
    private readonly Template _layout;

    /// <summary>Parses the shared layout from <paramref name="templates"/>.</summary>
    public SitePageLayout(PolicySet set, TemplateStore templates)
    {
        _set = set;
        _layout = Parse(templates, "site/layout.sbn");
    }

    /// <summary>Parses a site template; a broken built-in or override template is a bug or a setup error, not a content mistake.</summary>
    public static Template Parse(TemplateStore templates, string path)
    {
        var text = templates.ReadText(path) ?? throw new InvalidOperationException($"template {path} missing");
        var t = Template.Parse(text, path);
        if (t.HasErrors) throw new InvalidOperationException($"{path}: {string.Join("; ", t.Messages)}");
        return t;
    }

    /// <summary>Renders <paramref name="body"/> with <paramref name="model"/> inside the layout, for a page <paramref name="depth"/> folders deep.</summary>
    public string Render(Template body, string title, int depth, ScriptObject model)
    {
        var site = new ScriptObject
        {
            ["name"] = _set.Info.Name,
            ["publisher"] = _set.Info.Publisher.Name,
            ["licence"] = _set.Info.Licence,
            ["base_url"] = _set.Info.BaseUrl,
        };
        var page = new ScriptObject { ["title"] = $"{title} · {_set.Info.Name}", ["root"] = SiteLinks.Root(depth) };
        var scope = new ScriptObject { ["site"] = site, ["page"] = page };
        foreach (var (k, v) in model) scope[k] = v;
        scope["content"] = body.Render(Context(scope));
        return _layout.Render(Context(scope));
    }

    private static TemplateContext Context(ScriptObject scope)
    {
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 100_000, EnableRelaxedMemberAccess = false };
        context.PushGlobal(scope);
        return context;
    }
}
