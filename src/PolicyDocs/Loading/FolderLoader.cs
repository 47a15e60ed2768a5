using System.Collections.Immutable;
using PolicyDocs.Model;

namespace PolicyDocs.Loading;

/// <summary>Loads the folder layout: policyset.yaml, data/*.yaml, documents/&lt;id&gt;/document.yaml + *.md.</summary>
internal static class FolderLoader
{
    public static LoadResult Load(string root, string displayRoot, DiagnosticBag d)
    {
        var setPath = Path.Combine(root, "policyset.yaml");
        if (!File.Exists(setPath))
            return new LoadResult(null, $"{displayRoot} is not a policy set: it has no policyset.yaml (run 'policydocs new DIR' to create one).");
        var setDisplay = ContentLoader.Display(displayRoot, "policyset.yaml");
        var setText = ContentLoader.ReadText(root, setPath, setDisplay, d);
        var setNode = setText is null ? null : AsMapping(YamlReader.Read(setDisplay, setText, d));
        var sr = new MapReader(setNode, "policyset.yaml", d, SourceSpan.File(setDisplay));
        var info = ContentLoader.ReadPolicySetInfo(sr, SourceSpan.File(setDisplay), Path.GetFileName(root), out var order);
        sr.Finish();

        var files = ImmutableSortedDictionary.CreateBuilder<string, DataNode>(StringComparer.Ordinal);
        var dataDir = Path.Combine(root, "data");
        if (ContentLoader.Folder(root, dataDir, ContentLoader.Display(displayRoot, "data/"), d) is not null)
        {
            foreach (var file in Directory.GetFiles(dataDir).Order(StringComparer.Ordinal))
            {
                var ext = Path.GetExtension(file);
                if (ext is not ".yaml" and not ".yml") continue;
                var display = ContentLoader.Display(displayRoot, "data/" + Path.GetFileName(file));
                var text = ContentLoader.ReadText(root, file, display, d);
                var node = text is null ? null : YamlReader.Read(display, text, d);
                if (node is not null and not DataScalar { Value: null }) files[Path.GetFileNameWithoutExtension(file).Replace('-', '_')] = node;
            }
        }
        var data = DataReaders.Read(files.ToImmutable(), d, info.ImpactLevels) with { Ceremonies = CeremonyLoader.Load(root, displayRoot, d) };

        var documents = new List<PolicyDocument>();
        var docsDir = Path.Combine(root, "documents");
        if (Directory.Exists(docsDir))
        {
            var listed = ContentLoader.Folder(root, docsDir, ContentLoader.Display(displayRoot, "documents/"), d) is null
                ? Enumerable.Empty<string>() : Directory.GetDirectories(docsDir).Order(StringComparer.Ordinal);
            foreach (var dir in listed)
            {
                // A document folder linked out of the tree is reported once, not file by file.
                if (ContentLoader.Folder(root, dir, ContentLoader.Display(displayRoot, "documents/" + Path.GetFileName(dir) + "/"), d) is null) continue;
                var doc = LoadDocument(root, dir, displayRoot, d);
                if (doc is not null) documents.Add(doc);
            }
        }
        else
        {
            d.Add(Rules.EmptyDocument, SourceSpan.File(setDisplay), $"The policy set has no documents/ folder; add documents/<id>/document.yaml and its Markdown.");
        }
        return new LoadResult(new PolicySet(info, data, Order(documents, order, d), root), null);
    }

    private static ImmutableArray<PolicyDocument> Order(List<PolicyDocument> documents, ImmutableArray<(string Value, SourceSpan Span)> order, DiagnosticBag d)
    {
        if (order.IsDefaultOrEmpty) return [.. documents];
        var result = new List<PolicyDocument>();
        foreach (var (id, span) in order)
        {
            var doc = documents.Find(x => x.Id == id);
            if (doc is null)
                d.Add(Rules.UnknownRecord, span, $"policyset.yaml lists document '{id}', but documents/{id}/ does not exist{Suggest.Hint(id, documents.Select(x => x.Id))}.");
            else if (!result.Contains(doc)) result.Add(doc);
        }
        result.AddRange(documents.Where(x => !result.Contains(x)));
        return [.. result];
    }

    // An empty file (or one holding only a comment or ~) is an empty mapping, so its required keys are reported.
    private static DataNode? AsMapping(DataNode? node) => node is DataScalar { Value: null } ? new DataMap(node.Span, []) : node;

    private static PolicyDocument? LoadDocument(string root, string dir, string displayRoot, DiagnosticBag d)
    {
        var id = Path.GetFileName(dir);
        var rel = "documents/" + id + "/";
        var metaPath = Path.Combine(dir, "document.yaml");
        var metaDisplay = ContentLoader.Display(displayRoot, rel + "document.yaml");
        if (!File.Exists(metaPath))
        {
            d.Add(Rules.Unreadable, SourceSpan.File(ContentLoader.Display(displayRoot, rel)), $"Document folder {rel} has no document.yaml.");
            return null;
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]*$"))
            d.Add(Rules.BadValue, SourceSpan.File(metaDisplay), $"Document folder name '{id}' is not a valid id: use lower-case letters, digits and hyphens.");
        var text = ContentLoader.ReadText(root, metaPath, metaDisplay, d);
        var node = text is null ? null : AsMapping(YamlReader.Read(metaDisplay, text, d));
        var r = new MapReader(node, "document.yaml", d, SourceSpan.File(metaDisplay));
        var info = node is null ? null : ContentLoader.ReadDocumentInfo(r, id, SourceSpan.File(metaDisplay), null);
        r.Finish();

        var segments = new List<SectionSplitter.Segment>();
        var inAppendix = false;
        var mdFiles = Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal).ToList();
        foreach (var md in mdFiles)
        {
            var display = ContentLoader.Display(displayRoot, rel + Path.GetFileName(md));
            var body = ContentLoader.ReadText(root, md, display, d);
            if (body is null) continue;
            var split = SectionSplitter.Split(display, body, 1, ref inAppendix);
            if (!string.IsNullOrWhiteSpace(StripComments(split.Leading)))
            {
                var line = split.LeadingLine + CountLeadingBlankLines(BlankComments(split.Leading));
                d.Add(Rules.TextOutsideSection, new SourceSpan(display, line, 1),
                    $"Text before the first numbered heading of {Path.GetFileName(md)} belongs to no section.");
            }
            segments.AddRange(split.Segments);
        }
        var (sections, appendices) = SectionTree.Build(segments, d);
        if (sections.IsEmpty)
            d.Add(Rules.EmptyDocument, SourceSpan.File(metaDisplay), $"Document '{id}' has no numbered sections{(mdFiles.Count == 0 ? " (no .md files)" : "")}.");
        info ??= new DocumentInfo { Id = id, Kind = DocumentKind.CpCps, Title = id, ShortTitle = id, Version = "0", Span = SourceSpan.File(metaDisplay) };
        return new PolicyDocument(info, sections, appendices, null, dir);
    }

    internal static string StripComments(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "<!--.*?-->", "", System.Text.RegularExpressions.RegexOptions.Singleline);

    // Comments become blank lines (keeping line breaks), so the first line of real text can be found.
    private static string BlankComments(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "<!--.*?-->", m => new string('\n', m.Value.Count(c => c == '\n')), System.Text.RegularExpressions.RegexOptions.Singleline);

    internal static int CountLeadingBlankLines(string text)
    {
        var n = 0;
        foreach (var line in SectionSplitter.EnumerateLines(text))
        {
            if (!string.IsNullOrWhiteSpace(line)) break;
            n++;
        }
        return n;
    }
}
