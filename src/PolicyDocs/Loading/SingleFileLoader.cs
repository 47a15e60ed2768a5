using System.Text.RegularExpressions;
using PolicyDocs.Model;
using PolicyDocs.Text;

namespace PolicyDocs.Loading;

/// <summary>
/// Loads one Markdown CP/CPS in the style real CAs publish: optional YAML front matter, "# 1. INTRODUCTION",
/// "## 1.1 Overview", appendices after section 9. Text before section 1 is kept as the preamble.
/// </summary>
internal static partial class SingleFileLoader
{
    public static LoadResult Load(string fullPath, string displayPath, DiagnosticBag d)
    {
        var display = displayPath.Replace('\\', '/');
        // The file must be a regular file inside the folder holding it: a link named CP.md cannot publish a host file.
        var text = ContentFile.ReadText(Path.GetDirectoryName(fullPath)!, fullPath, "the folder holding it", out var problem);
        if (problem is not null) ContentLoader.Report(problem, display, d);
        if (text is null) return new LoadResult(null, $"{display} {problem?.Message ?? "cannot be read."}");

        DataNode? front = null;
        var bodyStart = 0;
        var firstLine = 1;
        var fm = FrontMatter().Match(text);
        if (fm.Success)
        {
            front = YamlReader.Read(display, fm.Groups["yaml"].Value, d, lineOffset: 1);
            bodyStart = fm.Length;
            firstLine = 1 + text.AsSpan(0, fm.Length).Count('\n');
        }
        var fileId = DataReaders.Slug(Path.GetFileNameWithoutExtension(fullPath));
        if (fileId.Length == 0) fileId = "document";

        var inAppendix = false;
        var split = SectionSplitter.Split(display, text[bodyStart..], firstLine, ref inAppendix);
        var preamble = split.Leading;
        var h1 = TitleHeading().Match(preamble);
        var defaultTitle = h1.Success ? h1.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(fullPath);

        var r = new MapReader(front, "the front matter", d, SourceSpan.File(display)) { UnknownKeySeverity = Severity.Warning, KeysIgnoreCase = true };
        var id = r.Id("id") ?? fileId;
        var name = r.Text("name");
        var publisherName = r.Text("publisher");
        var releases = ContentLoader.ReadReleases(r);
        var info = ContentLoader.ReadDocumentInfo(r, id, new SourceSpan(display, 1, 1), defaultTitle)!;
        r.Finish();

        var (sections, appendices) = SectionTree.Build(split.Segments, d);
        if (sections.IsEmpty)
            d.Add(Rules.EmptyDocument, SourceSpan.File(display), $"{displayPath} has no numbered section headings such as '# 1. INTRODUCTION'.");
        var preambleSection = string.IsNullOrWhiteSpace(preamble) ? null : new Section
        {
            Number = "",
            Title = "",
            Span = new SourceSpan(display, firstLine, 1),
            Source = preamble,
            SourceLine = firstLine,
        };
        info = StatedFacts(info, RevisionTable.Read(preambleSection, sections, appendices, d)) with { TitleStated = h1.Success || r.Node("title") is not null };
        var doc = new PolicyDocument(info, sections, appendices, preambleSection, Path.GetDirectoryName(fullPath));

        // Front matter wins key by key over a policyset.yaml beside the file.
        var beside = Beside(fullPath, display, d);
        var setInfo = (beside ?? new PolicySetInfo { Name = info.Title, Publisher = new Publisher(null, null, null, null, null), Span = SourceSpan.File(display) }) with
        {
            Name = name ?? (beside?.Name is { Length: > 0 } n ? n : info.Title),
        };
        if (publisherName is not null) setInfo = setInfo with { Publisher = setInfo.Publisher with { Name = publisherName } };
        if (releases is not null) setInfo = setInfo with { Releases = releases };
        var data = DataReaders.Read(System.Collections.Immutable.ImmutableSortedDictionary<string, DataNode>.Empty, d);
        return new LoadResult(new PolicySet(setInfo, data, [doc], Path.GetDirectoryName(fullPath)!), null);
    }

    /// <summary>
    /// The facts the document states beyond its front matter: the revision table (unless the front matter lists
    /// <c>revisions</c>), the version ("subtitle: Version 2.2.6", else the table's highest version), that version's
    /// effective date (the table's "Effective" column, else the row's date), and DRAFT only when the title or subtitle says so.
    /// </summary>
    private static DocumentInfo StatedFacts(DocumentInfo info, System.Collections.Immutable.ImmutableArray<RevisionTable.Row> table)
    {
        var fromText = info.Revisions.IsEmpty && !table.IsEmpty;
        if (fromText) info = info with { Revisions = [.. table.Select(t => t.Revision)], RevisionsFromText = true };
        var version = info.Version ?? StatedVersion(info.Subtitle) ?? (fromText ? table[^1].Revision.Version : null);
        var row = table.LastOrDefault(t => t.Revision.Version == version);
        var effective = info.EffectiveDate ?? (fromText && row is not null ? row.Effective ?? row.Revision.Date : null);
        var status = info.Status ?? (Draft().IsMatch(info.Title) || (info.Subtitle is { } sub && Draft().IsMatch(sub)) ? DocumentStatus.Draft : null);
        return info with { Version = version, EffectiveDate = effective, Status = status };
    }

    private static string? StatedVersion(string? subtitle) =>
        subtitle is not null && SubtitleVersion().Match(subtitle) is { Success: true } m ? m.Groups[1].Value : null;

    // A policyset.yaml in the folder holding the file: its keys, all optional, for what the front matter does not say.
    private static PolicySetInfo? Beside(string fullPath, string display, DiagnosticBag d)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var path = Path.Combine(folder, "policyset.yaml");
        if (!File.Exists(path)) return null;
        var slash = display.LastIndexOf('/');
        var setDisplay = slash < 0 ? "policyset.yaml" : display[..(slash + 1)] + "policyset.yaml";
        var text = ContentLoader.ReadText(folder, path, setDisplay, d);
        if (text is null) return null;
        var r = new MapReader(YamlReader.Read(setDisplay, text, d), "policyset.yaml", d, SourceSpan.File(setDisplay));
        var info = ContentLoader.ReadPolicySetInfo(r, SourceSpan.File(setDisplay), "", out _, required: false);
        r.Finish();
        return info;
    }

    [GeneratedRegex(@"\b(?:version|ver\.?|v)\s*(\d+(?:\.\d+)*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubtitleVersion();

    [GeneratedRegex(@"\bdraft\b", RegexOptions.IgnoreCase)]
    private static partial Regex Draft();

    [GeneratedRegex(@"\A---[ \t]*\r?\n(?<yaml>(?:.*\r?\n)*?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)")]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^ {0,3}#[ \t]+(.+?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex TitleHeading();
}
