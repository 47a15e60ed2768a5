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

        var r = new MapReader(front, "the front matter", d, SourceSpan.File(display)) { UnknownKeySeverity = Severity.Warning };
        var id = r.Id("id") ?? fileId;
        var name = r.Text("name");
        var publisherName = r.Text("publisher");
        var info = ContentLoader.ReadDocumentInfo(r, id, new SourceSpan(display, 1, 1), defaultTitle)!;
        r.Finish();

        var (sections, appendices) = SectionTree.Build(split.Segments, d);
        if (sections.IsEmpty)
            d.Add(Rules.EmptyDocument, SourceSpan.File(display), $"{displayPath} has no numbered section headings such as '# 1. INTRODUCTION'.");
        var doc = new PolicyDocument(info, sections, appendices, string.IsNullOrWhiteSpace(preamble) ? null : new Section
        {
            Number = "",
            Title = "",
            Span = new SourceSpan(display, firstLine, 1),
            Source = preamble,
            SourceLine = firstLine,
        }, Path.GetDirectoryName(fullPath));
        var setInfo = new PolicySetInfo
        {
            Name = name ?? info.Title,
            Publisher = new Publisher(publisherName ?? "Policy Authority", null, null, null, null),
            Span = SourceSpan.File(display),
        };
        var data = DataReaders.Read(System.Collections.Immutable.ImmutableSortedDictionary<string, DataNode>.Empty, d);
        return new LoadResult(new PolicySet(setInfo, data, [doc], Path.GetDirectoryName(fullPath)!), null);
    }

    [GeneratedRegex(@"\A---[ \t]*\r?\n(?<yaml>(?:.*\r?\n)*?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)")]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^ {0,3}#[ \t]+(.+?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex TitleHeading();
}
