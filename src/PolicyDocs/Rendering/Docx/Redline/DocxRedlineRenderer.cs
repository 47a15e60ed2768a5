using System.Text;
using PolicyDocs.Diff;
using PolicyDocs.Publication;
using PolicyDocs.Versions;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Writes Word redlines: for a changed document, the new version's Word document (cover, history, contents, headers,
/// bookmarks and links exactly as <see cref="DocxRenderer"/> writes them) in which every difference from the old
/// version is a real tracked change that reviewers accept or reject in Word, after a front page that lists the
/// changed sections (<see cref="RedlineFrontPage"/>). Changes are attributed as <see cref="RedlineAttribution"/> says:
/// to the policy set's <c>redline.author</c> or the Policy Authority, on the new version's date.
/// </summary>
internal static class DocxRedlineRenderer
{
    /// <summary>The longest a version label or document id may be in a file name; longer ones are cut and end in a hash.</summary>
    internal const int MaxNamePart = 40;

    /// <summary>
    /// "cps-1.2-to-1.3-redline.docx": the document id and the versions of the two documents; when they do not differ,
    /// short labels of the two versions compared: a git ref as given ("v5.0"), a path by as many of its last folder and
    /// file names (without ".md") as tell the two apart. Each part is bounded (<see cref="MaxNamePart"/>), so the name
    /// stays far below file-name limits, and a cut part ends in a hash of the whole, so different labels stay different.
    /// </summary>
    public static string FileName(ChangeSet changes, DocumentChange document)
    {
        var (from, to) = (document.FromVersion, document.ToVersion);
        if (from is null || to is null || from == to) (from, to) = ShortLabels(changes.From, changes.To);
        var (a, b) = (Part(from), Part(to));
        if (a == b && from != to) (a, b) = (Part(from, hashed: true), Part(to, hashed: true));
        return $"{Part(document.DocumentId)}-{a}-to-{b}-redline.docx";
    }

    /// <summary>The last path segments of each label that differ between the two ("run1/v5.0/CP-CPS.md" and
    /// "run1/v5.1/CP-CPS.md" give "v5.0_CP-CPS" and "v5.1_CP-CPS"); labels without a path separator as they are.</summary>
    internal static (string From, string To) ShortLabels(string from, string to)
    {
        static string[] Segments(string label)
        {
            var parts = label.Split('/', '\\').Where(p => p.Length > 0 && p != ".").ToArray();
            if (parts.Length > 0 && parts[^1].EndsWith(".md", StringComparison.OrdinalIgnoreCase)) parts[^1] = parts[^1][..^3];
            return parts.Length == 0 ? [label] : parts;
        }
        var (a, b) = (Segments(from), Segments(to));
        for (var n = 1; ; n++)
        {
            var (x, y) = (string.Join('_', a[^Math.Min(n, a.Length)..]), string.Join('_', b[^Math.Min(n, b.Length)..]));
            if (x != y || n >= a.Length && n >= b.Length) return (x, y);
        }
    }

    private static string Part(string label, bool hashed = false)
    {
        var clean = Clean(label);
        if (clean.Length <= MaxNamePart && !hashed) return clean;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(label)))[..8];
        return clean[..Math.Min(clean.Length, MaxNamePart - 9)] + "-" + hash;
    }

    /// <summary>The redline of every document that changed and exists in both versions, by file name, in change-set order.</summary>
    /// <param name="from">The old version.</param>
    /// <param name="to">The new version.</param>
    /// <param name="changes">Their change set.</param>
    /// <param name="fromCommitDate">The date of the commit the old version was read from, when it is a git ref.</param>
    /// <param name="toCommitDate">The date of the commit the new version was read from, when it is a git ref.</param>
    public static IReadOnlyList<(string FileName, byte[] Bytes)> RenderAll(PublishedSet from, PublishedSet to, ChangeSet changes,
        DateOnly? fromCommitDate = null, DateOnly? toCommitDate = null)
    {
        var docs = changes.Documents.Where(d => d.Kind == ChangeKind.Modified).ToList();
        var result = new (string, byte[])[docs.Count];
        Parallel.For(0, docs.Count, i => result[i] = (FileName(changes, docs[i]),
            Render(VersionChange.Between(from, to, changes, docs[i]) with { FromCommitDate = fromCommitDate, ToCommitDate = toCommitDate })));
        return result;
    }

    /// <summary>The redline of one document present in both versions.</summary>
    public static byte[] Render(VersionChange version)
    {
        var oldDoc = version.Old ?? throw new ArgumentException($"The old version has no document '{version.DocumentId}'.", nameof(version));
        var newDoc = version.New ?? throw new ArgumentException($"The new version has no document '{version.DocumentId}'.", nameof(version));
        var reference = ReferenceDocument.Load(newDoc.Set.Templates);
        var composer = new RedlineComposer(oldDoc, version.Change, reference, RedlineAttribution.Of(version));
        return DocxRenderer.Render(newDoc, reference, composer);
    }

    private static string Clean(string label)
    {
        var sb = new StringBuilder(label.Length);
        foreach (var c in label.Trim('/', '.')) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.Length == 0 ? "version" : sb.ToString();
    }
}
