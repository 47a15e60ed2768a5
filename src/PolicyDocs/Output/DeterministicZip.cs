using System.IO.Compression;

namespace PolicyDocs.Output;

/// <summary>
/// Rewrites a ZIP package (DOCX, XLSX) so the same content always gives the same bytes: entries in a fixed order
/// ([Content_Types].xml, then _rels/.rels, then the rest by ordinal name), a fixed timestamp (1980-01-01, the
/// ZIP epoch) and fixed compression.
/// </summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the normalised bytes of the package <paramref name="zip"/>.</summary>
    public static byte[] Normalize(byte[] zip)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            foreach (var e in input.Entries)
            {
                using var s = e.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                entries.Add((e.FullName, ms.ToArray()));
            }
        }
        entries.Sort((a, b) => Rank(a.Name) != Rank(b.Name) ? Rank(a.Name).CompareTo(Rank(b.Name)) : string.CompareOrdinal(a.Name, b.Name));
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Epoch;
                entry.ExternalAttributes = unchecked((int)0x81A40000); // a regular rw-r--r-- file on every platform
                using var s = entry.Open();
                s.Write(content);
            }
        }
        return output.ToArray();
    }

    private static int Rank(string name) => name switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    };
}
