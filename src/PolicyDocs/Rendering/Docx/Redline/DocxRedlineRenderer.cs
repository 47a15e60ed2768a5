using System.Text;
using PolicyDocs.Diff;
using PolicyDocs.Publication;
using PolicyDocs.Versions;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Writes Word redlines: for a changed document, the new version's Word document (cover, history, contents, headers,
/// bookmarks and links exactly as <see cref="DocxRenderer"/> writes them) in which every difference from the old
/// version is a real tracked change that reviewers accept or reject in Word. Changes are attributed to the
/// policy set's <c>redline.author</c> (default: the Policy Authority) on the new version's effective date.
/// </summary>
internal static class DocxRedlineRenderer
{
    /// <summary>"cps-1.2-to-1.3-redline.docx": versions of the two documents, or the version labels when they are equal.</summary>
    public static string FileName(ChangeSet changes, DocumentChange document)
    {
        var from = document.FromVersion ?? changes.From;
        var to = document.ToVersion ?? changes.To;
        if (from == to) (from, to) = (changes.From, changes.To);
        return $"{document.DocumentId}-{Clean(from)}-to-{Clean(to)}-redline.docx";
    }

    /// <summary>The redline of every document that changed and exists in both versions, by file name, in change-set order.</summary>
    public static IReadOnlyList<(string FileName, byte[] Bytes)> RenderAll(PublishedSet from, PublishedSet to, ChangeSet changes)
    {
        var docs = changes.Documents.Where(d => d.Kind == ChangeKind.Modified).ToList();
        var result = new (string, byte[])[docs.Count];
        Parallel.For(0, docs.Count, i => result[i] = (FileName(changes, docs[i]), Render(VersionChange.Between(from, to, changes, docs[i]))));
        return result;
    }

    /// <summary>The redline of one document present in both versions.</summary>
    public static byte[] Render(VersionChange version)
    {
        var oldDoc = version.Old ?? throw new ArgumentException($"The old version has no document '{version.DocumentId}'.", nameof(version));
        var newDoc = version.New ?? throw new ArgumentException($"The new version has no document '{version.DocumentId}'.", nameof(version));
        var info = newDoc.Set.Set.Info;
        var author = info.Redline.Author ?? info.Publisher.Name ?? newDoc.Document.Info.Authors.FirstOrDefault() ?? "PolicyDocs";
        DateTime? date = newDoc.Cover.EffectiveDate is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;
        var reference = ReferenceDocument.Load(newDoc.Set.Templates);
        var composer = new RedlineComposer(oldDoc, version.Change, reference, new RevisionMarks(author, date));
        return DocxRenderer.Render(newDoc, reference, composer);
    }

    private static string Clean(string label)
    {
        var sb = new StringBuilder(label.Length);
        foreach (var c in label.Trim('/', '.')) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.Length == 0 ? "version" : sb.ToString();
    }
}
