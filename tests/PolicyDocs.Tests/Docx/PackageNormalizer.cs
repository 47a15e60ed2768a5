using System.IO.Compression;

namespace PolicyDocs.Tests.Docx;

/// <summary>
/// Rewrites a saved package so equal content gives equal bytes: <c>[Content_Types].xml</c> first, then entries in
/// ordinal order, every timestamp 1980-01-01, one compression level, fixed file attributes.
/// </summary>
public static class PackageNormalizer
{
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the normalised copy of the zip package <paramref name="package"/>.</summary>
    public static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
            .ThenBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = DosEpoch;
                copy.ExternalAttributes = unchecked((int)0x81A40000); // regular file, rw-r--r--
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
