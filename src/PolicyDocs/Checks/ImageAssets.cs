using System.Collections.Immutable;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Text;

namespace PolicyDocs.Checks;

/// <summary>
/// Resolves the images a document's prose shows into <see cref="ImageAsset"/>s on the document, read once through the
/// content file rules (a regular file inside the content folder once links are resolved, at most 16 MiB), so the
/// renderers publish them without touching the file system. An image that cannot be published is PD0302 at its line:
/// a missing file, a path leaving the Markdown file's folder (<c>..</c>), an absolute path, a remote URL (the site's
/// Content-Security-Policy loads images from the site only, and Word embeds them), a link out of the tree, or a file
/// that is no PNG, JPEG, GIF or SVG. An SVG without a PNG of the same name beside it is PD0309 (Word shows its text).
/// </summary>
internal static class ImageAssets
{
    private static readonly Dictionary<string, ImageFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = ImageFormat.Png, [".jpg"] = ImageFormat.Jpeg, [".jpeg"] = ImageFormat.Jpeg, [".gif"] = ImageFormat.Gif, [".svg"] = ImageFormat.Svg,
    };

    /// <summary>Returns <paramref name="doc"/> with its images; <paramref name="root"/> is the content folder.</summary>
    public static PolicyDocument Resolve(string root, PolicyDocument doc, DiagnosticBag diagnostics)
    {
        var images = ImmutableSortedDictionary.CreateBuilder<string, ImageAsset>(StringComparer.Ordinal);
        var read = new Dictionary<string, (ImageAsset? Asset, string? Problem, bool NoFallback)>(StringComparer.Ordinal);
        IEnumerable<Section> sections = [.. (doc.Preamble is { } p ? [p] : Array.Empty<Section>()), .. doc.AllSections, .. doc.Appendices.SelectMany(Flatten)];
        foreach (var section in sections)
        {
            if (section.Body is null) continue;
            foreach (var image in section.Body.Descendants<LinkInline>())
            {
                if (!image.IsImage) continue;
                var url = image.Url ?? "";
                var relative = RelativePath(url, out var refused);
                string? problem = refused;
                ImageAsset? asset = null;
                var noFallback = false;
                if (relative is not null && doc.ProseFolder is { } folder)
                {
                    if (!read.TryGetValue(relative, out var r)) read[relative] = r = Read(root, folder, relative);
                    (asset, problem, noFallback) = r;
                }
                else if (relative is not null) continue;
                var at = SourceLocator.Locate(section, image, url);
                if (problem is not null) diagnostics.Add(Rules.MissingImage, at, $"Image '{url}' {problem}.");
                else if (asset is not null)
                {
                    images[url] = asset;
                    if (noFallback)
                        diagnostics.Add(Rules.ImageWithoutWordFallback, at,
                            $"Image '{url}' is an SVG and {Path.ChangeExtension(relative, ".png")} does not exist beside it; the Word file shows its alternative text instead.");
                }
            }
        }
        return doc.WithImages(images.ToImmutable());
    }

    /// <summary>The path of a prose image URL relative to the Markdown file's folder ("images/ca.png"), or null and why it is refused.</summary>
    internal static string? RelativePath(string url, out string? problem)
    {
        problem = null;
        if (url.Length == 0)
        {
            problem = "has no path";
            return null;
        }
        if (url.StartsWith("//", StringComparison.Ordinal) || url.Contains("://", StringComparison.Ordinal) ||
            url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            problem = "is a remote image: the site loads images from itself only (its Content-Security-Policy) and the Word file embeds them; save the file into the content and link it by a relative path";
            return null;
        }
        var colon = url.IndexOf(':');
        var slashOrHash = url.IndexOfAny(['/', '#', '?']);
        if (colon > 0 && (slashOrHash < 0 || colon < slashOrHash) && !(colon == 1 && char.IsAsciiLetter(url[0])))
        {
            problem = $"uses the scheme '{url[..colon]}:', which names no image file; link the file by a relative path";
            return null;
        }
        var cut = url.IndexOfAny(['#', '?']);
        var path = cut >= 0 ? url[..cut] : url;
        try
        {
            path = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            problem = "is not a valid path";
            return null;
        }
        if (path.Length == 0)
        {
            problem = "names no file";
            return null;
        }
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            problem = "is an absolute path; link the image by a path relative to the Markdown file (images/ca.png)";
            return null;
        }
        var parts = path.Split('/', '\\').Where(s => s.Length > 0 && s != ".").ToList();
        if (parts.Contains(".."))
        {
            problem = "leaves the folder of the Markdown file ('..'); keep images in that folder or below it";
            return null;
        }
        if (parts.Count == 0 || parts.Any(s => s.Contains('\0')))
        {
            problem = "names no file";
            return null;
        }
        return string.Join('/', parts);
    }

    private static (ImageAsset?, string?, bool) Read(string root, string folder, string relative)
    {
        var full = Path.Combine(folder, relative);
        if (!Extensions.TryGetValue(Path.GetExtension(relative), out var expected))
            return (null, "is not a supported image type: publish PNG, JPEG, GIF or SVG files (.png, .jpg, .jpeg, .gif, .svg)", false);
        var (asset, problem) = ReadOne(root, full, relative, expected);
        if (asset is null || asset.Format != ImageFormat.Svg) return (asset, problem, false);
        var png = Path.ChangeExtension(full, ".png");
        if (!File.Exists(png) && !Directory.Exists(png)) return (asset, null, true);
        var pngRelative = Path.ChangeExtension(relative, ".png");
        var (fallback, fallbackProblem) = ReadOne(root, png, pngRelative, ImageFormat.Png);
        return fallback is null
            ? (null, $"is an SVG whose PNG rendering {pngRelative} {fallbackProblem}", false)
            : (asset with { Fallback = fallback }, null, false);
    }

    private static (ImageAsset?, string?) ReadOne(string root, string full, string relative, ImageFormat expected)
    {
        var bytes = ContentFile.ReadBytes(root, full, "the content folder", out var fileProblem);
        if (bytes is null) return (null, (fileProblem?.Message ?? "cannot be read.").TrimEnd('.'));
        var size = ImageHeader.Read(bytes, out var headerProblem);
        if (size is not { } s) return (null, headerProblem);
        if (s.Format != expected)
            return (null, $"is named .{Path.GetExtension(relative).TrimStart('.')} but holds a {s.Format.ToString().ToUpperInvariant()} image; give it the extension of its format");
        return (new ImageAsset(relative, bytes, s.Format, s.Width, s.Height), null);
    }

    private static IEnumerable<Section> Flatten(Section s) => [s, .. s.Children.SelectMany(Flatten)];
}
