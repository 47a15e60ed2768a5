using System.Security.Cryptography;

namespace PolicyDocs.Model;

/// <summary>The image formats prose may show.</summary>
internal enum ImageFormat
{
    /// <summary>Portable Network Graphics.</summary>
    Png,
    /// <summary>JPEG (JFIF or Exif).</summary>
    Jpeg,
    /// <summary>Graphics Interchange Format.</summary>
    Gif,
    /// <summary>Scalable Vector Graphics.</summary>
    Svg,
}

/// <summary>
/// An image file a document's prose shows: read once while compiling (from the working tree, or from a release's git
/// tree), so every renderer publishes the same bytes and none reads content files again.
/// </summary>
/// <param name="Path">Where it is, relative to the folder of the Markdown that links it, with forward slashes ("images/ca.png").</param>
/// <param name="Bytes">The file's bytes.</param>
/// <param name="Format">What the bytes are.</param>
/// <param name="Width">Width in pixels (CSS pixels for SVG).</param>
/// <param name="Height">Height in pixels (CSS pixels for SVG).</param>
/// <param name="Fallback">For an SVG: the PNG of the same name beside it, which the Word file embeds; else null.</param>
internal sealed record ImageAsset(string Path, byte[] Bytes, ImageFormat Format, int Width, int Height, ImageAsset? Fallback = null)
{
    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>The media type ("image/png").</summary>
    public string MediaType => Format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Gif => "image/gif",
        _ => "image/svg+xml",
    };

    /// <summary>The file extension without its dot, by format ("png", "jpg", "gif", "svg").</summary>
    public string Extension => Format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Gif => "gif",
        _ => "svg",
    };

    /// <summary>The published, fingerprinted file name: the file's name reduced to letters, digits, '-' and '_',
    /// then the first 8 hex digits of its SHA-256 and the extension ("ca-hierarchy.1a2b3c4d.png").</summary>
    public string PublishedName
    {
        get
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(Path);
            var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
            return $"{(safe.Length == 0 ? "image" : safe)}.{Sha256[..8]}.{Extension}";
        }
    }
}
