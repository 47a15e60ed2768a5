using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PolicyDocs.Tests.Support;

/// <summary>A minimal PNG encoder for tests and the sample's diagram: an indexed-colour image (one byte per pixel).</summary>
public static class PngWriter
{
    /// <summary>Encodes <paramref name="pixels"/> (row-major palette indices) as a PNG with <paramref name="palette"/> (RGB triples).</summary>
    public static byte[] Indexed(int width, int height, byte[] pixels, (byte R, byte G, byte B)[] palette)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 3; // indexed colour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "PLTE", [.. palette.SelectMany(c => new[] { c.R, c.G, c.B })]);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0); // no filter
                z.Write(pixels, y * width, width);
            }
        }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 1×1 (or <paramref name="width"/>×<paramref name="height"/>) white PNG.</summary>
    public static byte[] Blank(int width = 1, int height = 1) => Indexed(width, height, new byte[width * height], [(255, 255, 255)]);

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> n = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(n, data.Length);
        s.Write(n);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(n, Crc32(typed));
        s.Write(n);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
