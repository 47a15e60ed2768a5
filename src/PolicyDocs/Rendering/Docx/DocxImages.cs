using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Model;

using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// The pictures of one Word package: each image's bytes once as a part under <c>word/media/</c> (numbered in order of
/// first use, so the bytes are deterministic), a relationship to it from each part that shows it, and the inline
/// drawing that shows it at its pixel size (96 dpi), scaled down to the text width, with its alternative text as the
/// drawing's description.
/// </summary>
internal sealed class DocxImages(DocxPackage package)
{
    private const long EmuPerPixel = 9525; // 914400 EMU per inch / 96 pixels per inch
    private const long EmuPerTwip = 635;
    private readonly Dictionary<string, DocxPart> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<(DocxPart Owner, string Sha), string> _relationships = [];
    private readonly Dictionary<DocxPart, int> _counts = [];
    private uint _nextDrawingId = 1;

    /// <summary>The picture Word shows for <paramref name="image"/>: the image itself, or an SVG's PNG rendering; null when it has none.</summary>
    public static ImageAsset? Embeddable(ImageAsset image) => image.Format == ImageFormat.Svg ? image.Fallback : image;

    /// <summary>An inline drawing of <paramref name="image"/> (PNG, JPEG or GIF) in a part owned by <paramref name="owner"/>.</summary>
    public Drawing Drawing(DocxPart owner, ImageAsset image, string alt, int textWidthTwips)
    {
        var relationship = Relationship(owner, image);
        var cx = image.Width * EmuPerPixel;
        var cy = image.Height * EmuPerPixel;
        var max = Math.Max(1, textWidthTwips) * EmuPerTwip;
        if (cx > max)
        {
            cy = Math.Max(1, cy * max / cx);
            cx = max;
        }
        var id = _nextDrawingId++;
        var name = "Picture " + id.ToString(CultureInfo.InvariantCulture);
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(
                        new Pic.NonVisualDrawingProperties { Id = 0, Name = System.IO.Path.GetFileName(image.Path), Description = alt },
                        new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
        });
    }

    private string Relationship(DocxPart owner, ImageAsset image)
    {
        if (_relationships.TryGetValue((owner, image.Sha256), out var id)) return id;
        if (!_parts.TryGetValue(image.Sha256, out var part))
        {
            var path = $"word/media/image{(_parts.Count + 1).ToString(CultureInfo.InvariantCulture)}.{image.Extension}";
            part = new DocxPart(path, image.MediaType) { Raw = image.Bytes };
            _parts[image.Sha256] = part;
        }
        var n = _counts.GetValueOrDefault(owner) + 1;
        _counts[owner] = n;
        id = "rIdImage" + n.ToString(CultureInfo.InvariantCulture);
        package.Link(owner, id, DocxPackage.OfficeRelationships + "image", part);
        _relationships[(owner, image.Sha256)] = id;
        return id;
    }
}
