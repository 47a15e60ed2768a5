using System.Collections.Frozen;
using System.Reflection;
using PolicyDocs.Text;

namespace PolicyDocs.Templates;

/// <summary>
/// Finds template files by relative path ("markdown/ca-list.sbn", "site/layout.sbn"): first in the policy set's own
/// <c>templates/</c> folder (beside or inside the content folder), then in the defaults built into PolicyDocs.
/// Paths cannot leave the templates folder. The policy set's files under markdown/, site/ and docx/ are read once,
/// when the store is made, through <see cref="ContentFile"/>: a file that is not a regular file inside the folder
/// after resolving links, is too large, or (for .sbn templates) is not UTF-8 is not used and is listed in
/// <see cref="Problems"/>.
/// </summary>
internal sealed class TemplateStore
{
    private const string ResourcePrefix = "templates/";
    private const string RootName = "templates/";
    private static readonly string[] Folders = ["markdown", "site", "docx"];
    private readonly FrozenDictionary<string, byte[]> _own = FrozenDictionary<string, byte[]>.Empty;
    private readonly Assembly _assembly = typeof(TemplateStore).Assembly;

    /// <summary>Creates a store that looks in <paramref name="overrideRoot"/> before the built-in defaults.</summary>
    public TemplateStore(string? overrideRoot)
    {
        if (overrideRoot is null || !Directory.Exists(overrideRoot)) return;
        var root = Path.GetFullPath(overrideRoot).TrimEnd(Path.DirectorySeparatorChar);
        var problems = new List<(string, FileProblem)>();
        // The templates folder itself may not be a link out of the folder that holds it.
        if (ContentFile.Folder(Path.GetDirectoryName(root) ?? root, root, "the folder holding templates/", out var rootProblem) is null)
        {
            if (rootProblem is not null) problems.Add(("", rootProblem));
            Problems = [.. problems];
            return;
        }
        var own = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            var (files, folderProblems) = ContentFile.AllFiles(root, Path.Combine(root, folder), RootName);
            foreach (var (path, problem) in folderProblems) problems.Add((Relative(root, path) + "/", problem));
            foreach (var file in files)
            {
                var rel = Relative(root, file);
                var bytes = ContentFile.ReadBytes(root, file, RootName, out var problem);
                if (bytes is not null && rel.EndsWith(".sbn", StringComparison.Ordinal)) ContentFile.Decode(bytes, out problem);
                if (problem is not null) problems.Add((rel, problem));
                else if (bytes is not null) own[rel] = bytes;
            }
        }
        _own = own.ToFrozenDictionary(StringComparer.Ordinal);
        Problems = [.. problems];
    }

    /// <summary>True when the policy set has site templates of its own (templates/site/), which write links of their own.</summary>
    public bool OverridesSite => _own.Keys.Any(k => k.StartsWith("site/", StringComparison.Ordinal));

    /// <summary>
    /// The policy set's template files that were not used, by path relative to templates/ ("" for the folder itself),
    /// with why; the compiler reports each at its file.
    /// </summary>
    public IReadOnlyList<(string Path, FileProblem Problem)> Problems { get; } = [];

    /// <summary>The store for a content path: its <c>templates/</c> folder if it has one, else the one beside it.</summary>
    public static TemplateStore ForContent(string contentRoot, bool isFolder)
    {
        var inside = Path.Combine(contentRoot, "templates");
        if (Directory.Exists(inside)) return new TemplateStore(inside);
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(contentRoot).TrimEnd('/', '\\')) ?? contentRoot, "templates");
        return new TemplateStore(isFolder && Directory.Exists(beside) ? beside : null);
    }

    /// <summary>True when <paramref name="relativePath"/> is a safe path inside the templates folder.</summary>
    public static bool IsSafe(string relativePath) =>
        relativePath.Length > 0 && !relativePath.StartsWith('/') && !relativePath.Contains('\\') && !relativePath.Contains(':')
        && relativePath.Split('/').All(p => p.Length > 0 && p != "." && p != "..");

    /// <summary>A display path for messages ("templates/markdown/ca-list.sbn").</summary>
    public static string Display(string relativePath) => "templates/" + relativePath;

    /// <summary>Reads a template as text, or null if neither the policy set nor the defaults have it.</summary>
    public string? ReadText(string relativePath)
    {
        var bytes = ReadBytes(relativePath);
        return bytes is null ? null : ContentFile.Decode(bytes, out _);
    }

    /// <summary>Reads a template file's bytes, or null.</summary>
    public byte[]? ReadBytes(string relativePath)
    {
        if (!IsSafe(relativePath)) return null;
        if (_own.TryGetValue(relativePath, out var own)) return own;
        using var stream = _assembly.GetManifestResourceStream(ResourcePrefix + relativePath);
        if (stream is null) return null;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Every template path under <paramref name="folder"/> ("site/assets/"), from both sources, sorted.</summary>
    public IReadOnlyList<string> List(string folder)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in _assembly.GetManifestResourceNames())
            if (name.StartsWith(ResourcePrefix + folder, StringComparison.Ordinal)) set.Add(name[ResourcePrefix.Length..]);
        foreach (var name in _own.Keys)
            if (name.StartsWith(folder, StringComparison.Ordinal)) set.Add(name);
        return [.. set];
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
