using System.Collections.Immutable;
using PolicyDocs.Model;
using PolicyDocs.Text;

namespace PolicyDocs.Loading;

/// <summary>The outcome of loading: the model (null when the input is not a policy set at all) and what went wrong.</summary>
/// <param name="Set">The loaded policy set.</param>
/// <param name="Fatal">A reason the input could not be read at all (bad path, not a policy set), for exit code 2.</param>
internal sealed record LoadResult(PolicySet? Set, string? Fatal);

/// <summary>
/// Reads a policy set from a content folder (policyset.yaml, data/, documents/) or from a single Markdown
/// CP/CPS file with optional YAML front matter. Produces the unbound model; reports problems as diagnostics.
/// </summary>
internal static class ContentLoader
{
    /// <summary>Loads from <paramref name="path"/>: a folder or a .md file.</summary>
    /// <param name="path">Where the content is.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="displayPath">How to name <paramref name="path"/> in diagnostics (default: as given), e.g. "v1.0:content" for a git ref.</param>
    public static LoadResult Load(string path, DiagnosticBag diagnostics, string? displayPath = null)
    {
        var full = Path.GetFullPath(path);
        var display = displayPath ?? path;
        if (File.Exists(full))
        {
            return full.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
                ? SingleFileLoader.Load(full, display, diagnostics)
                : new LoadResult(null, $"{display} is a file but not a Markdown (.md) document.");
        }
        if (!Directory.Exists(full))
            return new LoadResult(null, $"{display} does not exist; give a content folder or a Markdown CP/CPS file.");
        return FolderLoader.Load(full, display, diagnostics);
    }

    /// <summary>
    /// Reads a content file through <see cref="ContentFile"/>: a regular UTF-8 file inside <paramref name="root"/> once
    /// links are resolved, of at most 16 MiB. Reports at the file (or at its first bad byte) and returns null otherwise.
    /// </summary>
    internal static string? ReadText(string root, string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        var text = ContentFile.ReadText(root, fullPath, "the content folder", out var problem);
        if (problem is not null) Report(problem, displayPath, diagnostics);
        return text;
    }

    /// <summary>The real path of folder <paramref name="dir"/> when it exists inside <paramref name="root"/>; reports a folder linked out of the tree.</summary>
    internal static string? Folder(string root, string dir, string displayPath, DiagnosticBag diagnostics)
    {
        var real = ContentFile.Folder(root, dir, "the content folder", out var problem);
        if (problem is not null) Report(problem, displayPath, diagnostics);
        return real;
    }

    internal static void Report(FileProblem problem, string displayPath, DiagnosticBag diagnostics) =>
        diagnostics.Add(Rules.ForFile(problem.Fault), new SourceSpan(displayPath, problem.Line, problem.Column), $"{displayPath} {problem.Message}");

    /// <summary>Combines a display root and a relative path with forward slashes.</summary>
    internal static string Display(string root, string relative) =>
        root.Length == 0 || root == "." ? relative.Replace('\\', '/') : root.TrimEnd('/', '\\').Replace('\\', '/') + "/" + relative.Replace('\\', '/');

    internal static readonly IReadOnlyDictionary<string, bool> Outlines =
        new Dictionary<string, bool> { ["rfc3647"] = true, ["none"] = false };

    internal static readonly IReadOnlyDictionary<string, DocumentStatus> Statuses =
        new Dictionary<string, DocumentStatus> { ["draft"] = DocumentStatus.Draft, ["approved"] = DocumentStatus.Approved, ["superseded"] = DocumentStatus.Superseded };

    /// <summary>Reads the document keys shared by document.yaml and front matter. Unknown keys are left to the caller.</summary>
    internal static DocumentInfo? ReadDocumentInfo(MapReader r, string id, SourceSpan span, string? defaultTitle)
    {
        var kind = r.Choice("kind", DocumentKinds.ByKey, required: defaultTitle is null) ?? (defaultTitle is null ? null : DocumentKind.CpCps);
        var followsRfc3647 = r.Choice("outline", Outlines) ?? kind != DocumentKind.Other;
        var title = r.Text("title", required: defaultTitle is null) ?? defaultTitle;
        var shortTitle = r.Text("short_title");
        var oid = r.Text("oid");
        if (oid is not null && !System.Text.RegularExpressions.Regex.IsMatch(oid, @"^\d+(\.\d+)+$"))
            r.Diagnostics.Add(Rules.BadValue, r.SpanOf("oid"), $"'{oid}' is not an OID: write dotted digits, e.g. 1.3.6.1.4.1.99999.1.");
        var version = r.Text("version", required: defaultTitle is null) ?? (defaultTitle is null ? null : "current");
        var effective = r.Date("effective_date");
        var status = r.Choice("status", Statuses) ?? DocumentStatus.Draft;
        var cas = r.Texts("cas");
        var implements = r.Texts("implements");
        var revisions = r.List("revisions", node =>
        {
            var rr = new MapReader(node, "a revision", r.Diagnostics, node.Span);
            if (!rr.IsValid) return null;
            var v = rr.Text("version", true);
            var date = rr.Date("date", true);
            var summary = rr.Text("summary", true);
            var approval = rr.Id("approval");
            rr.Finish();
            return v is null || date is null || summary is null ? null : new Revision(v, date.Value, summary, approval, rr.Span);
        });
        if (kind is null || title is null || version is null) return null;
        return new DocumentInfo
        {
            Id = id,
            Kind = kind.Value,
            Title = title,
            ShortTitle = shortTitle ?? title,
            Oid = oid,
            Version = version,
            EffectiveDate = effective,
            Status = status,
            Cas = cas,
            Implements = implements,
            Revisions = revisions,
            Span = span,
            FollowsRfc3647 = followsRfc3647,
        };
    }

    // A publisher value the site writes as a link: refused (and left out) unless the link policy allows it.
    private static string? Link(MapReader p, string key)
    {
        var value = p.Text(key);
        if (value is null || Text.UrlPolicy.IsAllowed(value)) return value;
        p.Diagnostics.Add(Rules.UnsafeDataUrl, p.SpanOf(key), $"publisher.{key} '{value}' is written as a link but is not {Text.UrlPolicy.Description}.");
        return null;
    }

    /// <summary>Reads policyset.yaml keys.</summary>
    internal static PolicySetInfo ReadPolicySetInfo(MapReader r, SourceSpan span, string defaultName, out ImmutableArray<(string Value, SourceSpan Span)> order)
    {
        var name = r.Text("name", true) ?? defaultName;
        var p = r.Map("publisher", "the publisher", required: true);
        Publisher publisher;
        if (p is not null && p.IsValid)
        {
            publisher = new Publisher(p.Text("name", true) ?? "Policy Authority", p.Text("email"), Link(p, "url"), p.Text("address"), Link(p, "problem_reports"));
            p.Finish();
        }
        else publisher = new Publisher("Policy Authority", null, null, null, null);
        var baseUrl = r.Text("base_url");
        if (baseUrl is not null)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            {
                r.Diagnostics.Add(Rules.BadValue, r.SpanOf("base_url"), $"'{baseUrl}' is not an absolute http(s) URL.");
                baseUrl = null;
            }
            else if (!baseUrl.EndsWith('/')) baseUrl += "/";
        }
        var licence = r.Text("licence");
        var levels = r.Texts("impact_levels");
        order = r.TextsWithSpans("documents");
        var governance = ReadGovernance(r);
        var releases = new ReleaseSettings(null);
        if (r.Map("releases", "the release settings") is { IsValid: true } rel)
        {
            var pattern = rel.Text("tags", required: true);
            if (pattern is not null && (pattern.StartsWith('-') || pattern.Any(char.IsWhiteSpace)))
            {
                r.Diagnostics.Add(Rules.BadValue, rel.SpanOf("tags"), $"'{pattern}' is not a git tag pattern such as \"v*\".");
                pattern = null;
            }
            rel.Finish();
            releases = new ReleaseSettings(pattern);
        }
        var matrix = new MatrixSettings(false);
        if (r.Map("matrix", "the matrix settings") is { IsValid: true } m)
        {
            matrix = new MatrixSettings(m.Bool("docx_appendix"));
            m.Finish();
        }
        var redline = new RedlineSettings(null);
        if (r.Map("redline", "the redline settings") is { IsValid: true } red)
        {
            redline = new RedlineSettings(red.Text("author"));
            red.Finish();
        }
        var info = new PolicySetInfo { Name = name, Publisher = publisher, BaseUrl = baseUrl, Licence = licence, Governance = governance, Releases = releases, Matrix = matrix, Redline = redline, Span = span };
        return levels.IsDefaultOrEmpty ? info : info with { ImpactLevels = levels };
    }

    private static Governance ReadGovernance(MapReader r)
    {
        var g = r.Map("governance", "the governance settings");
        if (g is null || !g.IsValid) return new Governance(null);
        var quorum = g.Int("quorum");
        if (quorum is < 1)
        {
            r.Diagnostics.Add(Rules.BadValue, g.SpanOf("quorum"), $"The quorum must be at least 1, not {quorum}.");
            quorum = null;
        }
        g.Finish();
        return new Governance(quorum);
    }
}
