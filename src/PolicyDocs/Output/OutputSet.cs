using System.Collections.Concurrent;
using System.Text;

namespace PolicyDocs.Output;

/// <summary>The files a build produces, by site-relative path with forward slashes; thread-safe to fill.</summary>
internal sealed class OutputSet
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a file.</summary>
    public void Add(string path, byte[] content) => _files[path] = content;

    /// <summary>Adds or replaces a UTF-8 text file (no BOM).</summary>
    public void AddText(string path, string content) => _files[path] = new UTF8Encoding(false).GetBytes(content);

    /// <summary>The files sorted by path.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Files => [.. _files.OrderBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>A file's content, or null.</summary>
    public byte[]? Get(string path) => _files.TryGetValue(path, out var c) ? c : null;

    /// <summary>True when the path has been produced.</summary>
    public bool Contains(string path) => _files.ContainsKey(path);
}
