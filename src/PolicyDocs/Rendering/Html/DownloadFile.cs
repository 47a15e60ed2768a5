using System.Globalization;
using System.Security.Cryptography;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// A download as the page templates see it: <c>label</c>, <c>url</c>, <c>name</c>, and the file's <c>size</c> and
/// <c>sha256</c>. The size and hash are computed when a template first reads them, from bytes that may still be
/// rendering, so pages that only link a download render beside it and only those showing its size or hash wait.
/// </summary>
internal sealed class DownloadFile : ScriptObject
{
    private readonly Lazy<(string Size, string Sha256)> _facts;

    /// <summary>A download of the file <paramref name="bytes"/> gives, which may block until the file exists.</summary>
    public DownloadFile(string label, string url, string name, Func<byte[]> bytes)
    {
        this["label"] = label;
        this["url"] = url;
        this["name"] = name;
        this["size"] = null;
        this["sha256"] = null;
        _facts = new(() =>
        {
            var b = bytes();
            return (Size(b.Length), Convert.ToHexStringLower(SHA256.HashData(b)));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc/>
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        switch (member)
        {
            case "size": value = _facts.Value.Size; return true;
            case "sha256": value = _facts.Value.Sha256; return true;
            default: return base.TryGetValue(context, span, member, out value);
        }
    }

    private static string Size(int bytes) => bytes < 1024
        ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
