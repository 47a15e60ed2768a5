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
internal static partial class ContentLoader
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

    internal static readonly IReadOnlyDictionary<string, PaperSize> PaperSizes =
        new Dictionary<string, PaperSize> { ["a4"] = PaperSize.A4, ["letter"] = PaperSize.Letter };

    internal static readonly IReadOnlyDictionary<string, DocumentStatus> Statuses =
        new Dictionary<string, DocumentStatus> { ["draft"] = DocumentStatus.Draft, ["approved"] = DocumentStatus.Approved, ["superseded"] = DocumentStatus.Superseded };

    /// <summary>
    /// Reads the document keys shared by document.yaml and front matter, pandoc's own keys (<c>subtitle</c>,
    /// <c>author</c>, <c>date</c>, <c>lang</c>) included. Unknown keys are left to the caller. With a
    /// <paramref name="defaultTitle"/> (a single file) only what is written is stated: no version, status or kind is assumed.
    /// </summary>
    internal static DocumentInfo? ReadDocumentInfo(MapReader r, string id, SourceSpan span, string? defaultTitle)
    {
        var single = defaultTitle is not null;
        var kind = r.Choice("kind", DocumentKinds.ByKey, required: !single);
        var kindStated = kind is not null;
        if (single) kind ??= DocumentKind.CpCps;
        var outline = r.Choice("outline", Outlines);
        var followsRfc3647 = outline ?? kind != DocumentKind.Other;
        var title = r.Text("title", required: !single) ?? defaultTitle;
        var shortTitle = r.Text("short_title");
        var oid = r.Text("oid");
        if (oid is not null && !System.Text.RegularExpressions.Regex.IsMatch(oid, @"^\d+(\.\d+)+$"))
            r.Diagnostics.Add(Rules.BadValue, r.SpanOf("oid"), $"'{oid}' is not an OID: write dotted digits, e.g. 1.3.6.1.4.1.99999.1.");
        var version = r.Text("version", required: !single);
        var effective = r.Date("effective_date");
        var status = r.Choice("status", Statuses) ?? (single ? null : DocumentStatus.Draft);
        var cas = r.Texts("cas");
        var implements = r.Texts("implements");
        var subtitle = r.Text("subtitle");
        var authors = Authors(r);
        var date = StatedDate(r, "date");
        var language = LanguageTag(r, Severity.Warning);
        var copyright = r.Text("copyright")?.Trim();
        var revisions = r.List("revisions", node =>
        {
            var rr = new MapReader(node, "a revision", r.Diagnostics, node.Span);
            if (!rr.IsValid) return null;
            var v = rr.Text("version", true);
            var d = rr.Date("date", true);
            var summary = rr.Text("summary", true);
            var approval = rr.Id("approval");
            rr.Finish();
            return v is null || d is null || summary is null ? null : new Revision(v, d.Value, summary, approval, rr.Span);
        });
        if (kind is null || title is null || (version is null && !single)) return null;
        return new DocumentInfo
        {
            Id = id,
            Kind = kind.Value,
            KindStated = kindStated,
            Title = title,
            ShortTitle = shortTitle ?? title,
            Subtitle = subtitle,
            Authors = authors,
            Date = date,
            Language = language,
            Copyright = copyright,
            Oid = oid,
            Version = version,
            EffectiveDate = effective,
            Status = status,
            Cas = cas,
            Implements = implements,
            Revisions = revisions,
            Span = span,
            FollowsRfc3647 = followsRfc3647,
            OutlineStated = kindStated || outline is not null,
        };
    }

    // pandoc's author: one name, a list of names, or a list of mappings with a name.
    private static ImmutableArray<string> Authors(MapReader r)
    {
        var node = r.Node("author");
        if (node is DataScalar { Value: { } one }) return [one];
        if (node is not DataList list) return node is null or DataScalar ? [] : Wrong(node);
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in list.Items)
        {
            var name = item switch { DataScalar s => s.Value, DataMap m => (m.Get("name") as DataScalar)?.Value, _ => null };
            if (name is not null) result.Add(name);
            else r.Diagnostics.Add(Rules.WrongType, item.Span, $"Each author must be a name or a mapping with a name, not {item.KindName}.");
        }
        return result.ToImmutable();

        ImmutableArray<string> Wrong(DataNode n)
        {
            r.Diagnostics.Add(Rules.WrongType, n.Span, $"'author' must be a name or a list of names, not {n.KindName}.");
            return [];
        }
    }

    // A date as documents write it ("2026-03-31", "31-March-2026", "March 31, 2026"); a date no reader can place is a warning.
    private static DateOnly? StatedDate(MapReader r, string key)
    {
        var text = r.Text(key);
        if (text is null) return null;
        if (WrittenDate.TryParse(text) is { } date) return date;
        r.Diagnostics.Add(Rules.BadValue.At(r.SpanOf(key), $"'{text}' is not a date PolicyDocs can read for '{key}' (e.g. 2026-03-31 or 31 March 2026); it is left out.", Severity.Warning));
        return null;
    }

    // The key 'lang': a well-formed BCP 47 language tag ("en", "en-US", "de-CH", "zh-Hant-TW"), else a diagnostic
    // (a warning for a document's pandoc key, which other tools read too) and left out.
    private static string? LanguageTag(MapReader r, Severity? severity)
    {
        var text = r.Text("lang");
        if (text is null || Bcp47().IsMatch(text)) return text;
        var message = $"'{text}' is not a BCP 47 language tag for 'lang': write a language and optional region, e.g. en-GB or en-US; it is left out.";
        r.Diagnostics.Add(severity is { } s ? Rules.BadValue.At(r.SpanOf("lang"), message, s) : Rules.BadValue.At(r.SpanOf("lang"), message));
        return null;
    }

    // RFC 5646 langtag: language (2-3 letters; the reserved 4-8 are not in use), optional extlangs, script, region, variants, extensions, private use.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Bcp47();

    // A publisher value the site writes as a link: refused (and left out) unless the link policy allows it.
    private static string? Link(MapReader p, string key)
    {
        var value = p.Text(key);
        if (value is null || Text.UrlPolicy.IsAllowed(value)) return value;
        p.Diagnostics.Add(Rules.UnsafeDataUrl, p.SpanOf(key), $"publisher.{key} '{value}' is written as a link but is not {Text.UrlPolicy.Description}.");
        return null;
    }

    /// <summary>
    /// Reads policyset.yaml keys. <paramref name="required"/> is false for a policyset.yaml beside a single Markdown
    /// file, where every key is optional and an unnamed publisher stays unnamed.
    /// </summary>
    internal static PolicySetInfo ReadPolicySetInfo(MapReader r, SourceSpan span, string defaultName, out ImmutableArray<(string Value, SourceSpan Span)> order, bool required = true)
    {
        var name = r.Text("name", required) ?? defaultName;
        var p = r.Map("publisher", "the publisher", required);
        var unnamed = required ? "Policy Authority" : null;
        Publisher publisher;
        if (p is not null && p.IsValid)
        {
            publisher = new Publisher(p.Text("name", required) ?? unnamed, p.Text("email"), Link(p, "url"), p.Text("address"), Link(p, "problem_reports"));
            p.Finish();
        }
        else publisher = new Publisher(unnamed, null, null, null, null);
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
        var releases = ReadReleases(r) ?? new ReleaseSettings(null);
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
        var language = LanguageTag(r, null);
        var page = r.Choice("page", PaperSizes);
        var info = new PolicySetInfo
        {
            Name = name, Publisher = publisher, BaseUrl = baseUrl, Licence = licence, Governance = governance, Releases = releases, Matrix = matrix,
            Redline = redline, Language = language, Page = page, Span = span,
        };
        return levels.IsDefaultOrEmpty ? info : info with { ImpactLevels = levels };
    }

    /// <summary>The <c>releases</c> mapping (<c>tags: "v*"</c>) of policyset.yaml or a single file's front matter; null when absent.</summary>
    internal static ReleaseSettings? ReadReleases(MapReader r)
    {
        if (r.Map("releases", "the release settings") is not { IsValid: true } rel) return null;
        var pattern = rel.Text("tags", required: true);
        if (pattern is not null && (pattern.StartsWith('-') || pattern.Any(char.IsWhiteSpace)))
        {
            r.Diagnostics.Add(Rules.BadValue, rel.SpanOf("tags"), $"'{pattern}' is not a git tag pattern such as \"v*\".");
            pattern = null;
        }
        rel.Finish();
        return new ReleaseSettings(pattern);
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
