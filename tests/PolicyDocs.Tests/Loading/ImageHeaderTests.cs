using System.Text;
using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Loading;

/// <summary>The pixel size of PNG, JPEG, GIF and SVG images from their headers; bad bytes give a reason, not an exception.</summary>
public sealed class ImageHeaderTests
{
    [Fact]
    public void Png_size_comes_from_its_IHDR_chunk()
    {
        Assert.Equal(new ImageSize(ImageFormat.Png, 640, 3), ImageHeader.Read(PngWriter.Blank(640, 3), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Gif_size_comes_from_its_logical_screen()
    {
        byte[] gif = [.. "GIF89a"u8, 0x2C, 0x01, 0x64, 0x00, 0x80, 0, 0];
        Assert.Equal(new ImageSize(ImageFormat.Gif, 300, 100), ImageHeader.Read(gif, out _));
    }

    [Fact]
    public void Jpeg_size_comes_from_the_frame_header_after_other_segments()
    {
        // SOI, an APP0 segment of 16 bytes, a fill byte, then SOF0: length 17, precision 8, height 0x01E0, width 0x0280.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[14], 0xFF, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, .. new byte[9]];
        Assert.Equal(new ImageSize(ImageFormat.Jpeg, 640, 480), ImageHeader.Read(jpeg, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"/>", 120, 40)]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2in\" height=\"72pt\"/>", 192, 96)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 150\"/>", 300, 150)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0,0,50,25\"/>", 50, 25)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" viewBox=\"0 0 300 150\"/>", 600, 300)]
    public void Svg_size_comes_from_width_height_or_viewBox(string svg, int width, int height)
    {
        Assert.Equal(new ImageSize(ImageFormat.Svg, width, height), ImageHeader.Read(Encoding.UTF8.GetBytes(svg), out var problem));
        Assert.Null(problem);
    }

    public static TheoryData<byte[], string> Bad => new()
    {
        { [], "not a PNG, JPEG, GIF or SVG" },
        { "not really a png"u8.ToArray(), "not a PNG, JPEG, GIF or SVG" },
        { PngWriter.Blank(4, 4)[..20], "truncated PNG" },
        { "GIF89a"u8.ToArray(), "truncated GIF" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x00], "JPEG" },
        { [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08], "JPEG" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\">"u8.ToArray(), "not well-formed" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "without a size" },
        { "<html><body/></html>"u8.ToArray(), "not an SVG" },
        { "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg width=\"1\" height=\"1\">&a;</svg>"u8.ToArray(), "not well-formed" },
        { [0x3C, 0xFF, 0xFE], "UTF-8" },
        { PngWriter.Blank(1, 1) is var p ? [.. p[..16], 0, 0, 0, 0, .. p[20..]] : [], "size of 0×1" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Truncated_or_foreign_bytes_give_a_reason(byte[] bytes, string expected)
    {
        Assert.Null(ImageHeader.Read(bytes, out var problem));
        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void No_prefix_of_a_valid_image_throws()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03];
        foreach (var image in new[] { PngWriter.Blank(3, 2), jpeg, "GIF87a\u0001\u0000\u0001\u0000"u8.ToArray(), "<svg width=\"1\" height=\"1\"/>"u8.ToArray() })
            for (var n = 0; n <= image.Length; n++)
                _ = ImageHeader.Read(image.AsSpan(0, n), out _);
    }
}
