using System.Reflection;

namespace PolicyDocs.Templates;

/// <summary>
/// Finds template files by relative path ("markdown/ca-list.sbn", "site/layout.sbn"): first in the policy set's own
/// <c>templates/</c> folder (beside or inside the content folder), then in the defaults built into PolicyDocs.
/// Paths cannot leave the templates folder.
/// </summary>
public sealed class TemplateStore
{
    private const string ResourcePrefix = "templates/";
    private readonly string? _overrideRoot;
    private readonly Assembly _assembly = typeof(TemplateStore).Assembly;

    /// <summary>Creates a store that looks in <paramref name="overrideRoot"/> before the built-in defaults.</summary>
    public TemplateStore(string? overrideRoot) => _overrideRoot = overrideRoot is not null && Directory.Exists(overrideRoot) ? Path.GetFullPath(overrideRoot) : null;

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
        return bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
    }

    /// <summary>Reads a template file's bytes, or null.</summary>
    public byte[]? ReadBytes(string relativePath)
    {
        if (!IsSafe(relativePath)) return null;
        if (_overrideRoot is not null)
        {
            var full = Path.GetFullPath(Path.Combine(_overrideRoot, relativePath));
            if (full.StartsWith(_overrideRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
                return File.ReadAllBytes(full);
        }
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
        if (_overrideRoot is not null && Directory.Exists(Path.Combine(_overrideRoot, folder)))
            foreach (var f in Directory.GetFiles(Path.Combine(_overrideRoot, folder), "*", SearchOption.AllDirectories))
                set.Add(Path.GetRelativePath(_overrideRoot, f).Replace('\\', '/'));
        return [.. set];
    }
}
