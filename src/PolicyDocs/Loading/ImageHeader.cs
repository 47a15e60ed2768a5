using System.Buffers.Binary;
using System.Globalization;
using System.Xml;
using PolicyDocs.Model;
using PolicyDocs.Text;

namespace PolicyDocs.Loading;

/// <summary>What an image's header says: its format and size in pixels.</summary>
/// <param name="Format">PNG, JPEG, GIF or SVG.</param>
/// <param name="Width">Width in pixels (CSS pixels for SVG).</param>
/// <param name="Height">Height in pixels.</param>
internal readonly record struct ImageSize(ImageFormat Format, int Width, int Height);

/// <summary>
/// Reads the format and pixel size of an image from its bytes: the PNG IHDR chunk, the JPEG start-of-frame segment,
/// the GIF logical screen, or an SVG root element's width/height (or viewBox). Truncated or foreign bytes give a
/// reason, never an exception, so a bad file becomes a diagnostic.
/// </summary>
internal static class ImageHeader
{
    /// <summary>The largest width or height accepted, in pixels.</summary>
    public const int MaxDimension = 100_000;

    /// <summary>Reads <paramref name="bytes"/>; returns null and <paramref name="problem"/> (a phrase: "is not ...") when they are no supported image.</summary>
    public static ImageSize? Read(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        ImageSize? size;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) size = Png(bytes, out problem);
        else if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) size = Gif(bytes, out problem);
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8) size = Jpeg(bytes, out problem);
        else if (LooksLikeXml(bytes)) size = Svg(bytes, out problem);
        else
        {
            problem = "is not a PNG, JPEG, GIF or SVG image";
            return null;
        }
        if (size is { } s && (s.Width < 1 || s.Height < 1 || s.Width > MaxDimension || s.Height > MaxDimension))
        {
            problem = $"has a size of {s.Width}×{s.Height} pixels; each side must be between 1 and {MaxDimension.ToString("N0", CultureInfo.InvariantCulture)}";
            return null;
        }
        return size;
    }

    private static ImageSize? Png(ReadOnlySpan<byte> b, out string? problem)
    {
        problem = null;
        if (b.Length < 24 || !b[12..16].SequenceEqual("IHDR"u8))
        {
            problem = "is a truncated PNG image (no IHDR header)";
            return null;
        }
        var w = BinaryPrimitives.ReadUInt32BigEndian(b[16..]);
        var h = BinaryPrimitives.ReadUInt32BigEndian(b[20..]);
        return new ImageSize(ImageFormat.Png, (int)Math.Min(w, int.MaxValue), (int)Math.Min(h, int.MaxValue));
    }

    private static ImageSize? Gif(ReadOnlySpan<byte> b, out string? problem)
    {
        problem = null;
        if (b.Length < 10)
        {
            problem = "is a truncated GIF image";
            return null;
        }
        return new ImageSize(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
    }

    private static ImageSize? Jpeg(ReadOnlySpan<byte> b, out string? problem)
    {
        problem = null;
        var i = 2;
        while (i + 1 < b.Length)
        {
            if (b[i] != 0xFF) break;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            i += 2;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // no length
            if (marker is 0xD9 or 0xDA) break; // end of image, start of scan: no frame header before it
            if (i + 2 > b.Length) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[i..]);
            if (length < 2) break;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 7 > b.Length) break;
                return new ImageSize(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 3)..]));
            }
            i += length;
        }
        problem = "is a truncated or damaged JPEG image (no frame header)";
        return null;
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("\uFEFF"u8)) b = b[3..];
        var k = 0;
        while (k < b.Length && b[k] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') k++;
        return k < b.Length && b[k] == '<';
    }

    private static ImageSize? Svg(ReadOnlySpan<byte> bytes, out string? problem)
    {
        var text = ContentFile.Decode(bytes, out var decodeProblem);
        if (text is null)
        {
            problem = "is not a PNG, JPEG or GIF image, nor an SVG image in UTF-8";
            _ = decodeProblem;
            return null;
        }
        problem = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ContentFile.MaxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            ImageSize? size = null;
            var root = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || root) continue;
                root = true;
                if (reader.LocalName != "svg" || reader.NamespaceURI is not ("" or "http://www.w3.org/2000/svg"))
                {
                    problem = $"is an XML file whose root element is <{reader.Name}>, not an SVG image";
                    return null;
                }
                var width = Length(reader.GetAttribute("width"));
                var height = Length(reader.GetAttribute("height"));
                var box = ViewBox(reader.GetAttribute("viewBox"));
                if (width is null && height is null && box is { } b0) (width, height) = (b0.W, b0.H);
                else if (width is null && height is { } h0 && box is { } b1) width = h0 * b1.W / b1.H;
                else if (height is null && width is { } w0 && box is { } b2) height = w0 * b2.H / b2.W;
                if (width is { } w && height is { } h)
                    size = new ImageSize(ImageFormat.Svg, (int)Math.Round(Math.Min(w, int.MaxValue)), (int)Math.Round(Math.Min(h, int.MaxValue)));
            }
            // Read to the end, so a file that is not well-formed is refused rather than published.
            if (!root) problem = "is an XML file without elements, not an SVG image";
            else if (size is null) problem = "is an SVG image without a size: give its <svg> element width and height, or a viewBox";
            return size;
        }
        catch (XmlException ex)
        {
            problem = $"is not well-formed SVG: {ex.Message}";
            return null;
        }
    }

    // An SVG length in CSS pixels; null for a percentage, "auto" or nonsense.
    private static double? Length(string? value)
    {
        if (value is null) return null;
        var v = value.Trim();
        var units = new (string Unit, double Px)[] { ("px", 1), ("pt", 96.0 / 72), ("pc", 16), ("mm", 96 / 25.4), ("cm", 96 / 2.54), ("in", 96), ("", 1) };
        foreach (var (unit, px) in units)
        {
            if (!v.EndsWith(unit, StringComparison.Ordinal)) continue;
            var number = v[..^unit.Length].Trim();
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && double.IsFinite(n)) return n * px;
            return null;
        }
        return null;
    }

    private static (double W, double H)? ViewBox(string? value)
    {
        if (value is null) return null;
        var parts = value.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4) return null;
        if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ||
            !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) || !(w > 0) || !(h > 0) || !double.IsFinite(w) || !double.IsFinite(h))
            return null;
        return (w, h);
    }
}
