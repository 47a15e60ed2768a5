using System.Collections.Frozen;
using System.Security.Cryptography;
using PolicyDocs.Output;
using PolicyDocs.Templates;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// The site's static assets (templates/site/assets/) published under names fingerprinted from their content
/// ("assets/site.1a2b3c4d.css"), so they can be cached forever: a changed file gets a new name.
/// </summary>
internal sealed class SiteAssets
{
    private readonly FrozenDictionary<string, string> _paths;

    private SiteAssets(FrozenDictionary<string, string> paths) => _paths = paths;

    /// <summary>Publishes every asset of <paramref name="templates"/> into <paramref name="output"/>.</summary>
    public static SiteAssets Publish(TemplateStore templates, OutputSet output)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in templates.List("site/assets/"))
        {
            var bytes = templates.ReadBytes(asset)!;
            var name = asset["site/assets/".Length..];
            var path = "assets/" + Fingerprint(name, bytes);
            output.Add(path, bytes);
            map[name] = path;
        }
        return new SiteAssets(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>"site.css" + content → "site.1a2b3c4d.css" (first 8 hex digits of the SHA-256).</summary>
    public static string Fingerprint(string name, ReadOnlySpan<byte> content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..8];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? $"{name}.{hash}" : $"{name[..dot]}.{hash}{name[dot..]}";
    }

    /// <summary>The published path (from the site root) of the asset named <paramref name="name"/>, or null.</summary>
    public string? PathOf(string name) => _paths.GetValueOrDefault(name);

    /// <summary>Every asset by its unfingerprinted name.</summary>
    public IReadOnlyDictionary<string, string> All => _paths;
}
