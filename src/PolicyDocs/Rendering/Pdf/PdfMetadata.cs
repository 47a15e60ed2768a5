using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyDocs.Rendering.Pdf;

/// <summary>
/// Makes a PDF that LibreOffice wrote a function of its content: LibreOffice stamps the clock into the document
/// information (<c>/CreationDate</c>) and derives the trailer's <c>/ID</c> and <c>/DocChecksum</c> from it. The
/// creation date becomes the document's date (or is removed when it has none), and the identifiers become a hash of
/// the file with them blanked. Every edit keeps the length of what it replaces, so the cross-reference offsets stay
/// right; a file without these entries is returned unchanged.
/// </summary>
internal static class PdfMetadata
{
    /// <summary>The PDF <paramref name="pdf"/> with its clock-dependent entries fixed from <paramref name="date"/>.</summary>
    public static byte[] Normalise(byte[] pdf, DateOnly? date)
    {
        var bytes = (byte[])pdf.Clone();
        foreach (var key in new[] { "/CreationDate(", "/ModDate(" })
            if (LastIndexOf(bytes, key) is var at and >= 0 && Array.IndexOf(bytes, (byte)')', at) is var close and > 0)
                StampDate(bytes, at, at + key.Length, close, date);
        var slots = new List<(int Start, int Length)>();
        if (LastIndexOf(bytes, "trailer") is var trailer and >= 0)
        {
            if (IndexOf(bytes, "/ID", trailer) is var id and >= 0)
            {
                // /ID [ <hex> <hex> ]: both strings.
                var from = id;
                for (var i = 0; i < 2 && Array.IndexOf(bytes, (byte)'<', from) is var open and > 0 && Array.IndexOf(bytes, (byte)'>', open) is var end and > 0; i++)
                {
                    slots.Add((open + 1, end - open - 1));
                    from = end + 1;
                }
            }
            if (IndexOf(bytes, "/DocChecksum /", trailer) is var sum and >= 0)
            {
                var start = sum + "/DocChecksum /".Length;
                var end = start;
                while (end < bytes.Length && Uri.IsHexDigit((char)bytes[end])) end++;
                slots.Add((start, end - start));
            }
        }
        if (slots.Count == 0) return bytes;
        foreach (var (start, length) in slots) bytes.AsSpan(start, length).Fill((byte)'0');
        var hash = Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(bytes)));
        foreach (var (start, length) in slots)
            for (var i = 0; i < length; i++) bytes[start + i] = hash[i % hash.Length];
        return bytes;
    }

    // (D:20261206220503Z') → the document's date at midnight UTC; any other form, or no date, blanks the whole entry.
    private static void StampDate(byte[] bytes, int entry, int valueStart, int close, DateOnly? date)
    {
        var value = Encoding.ASCII.GetString(bytes, valueStart, close - valueStart);
        if (date is { } d && value.Length >= 16 && value.StartsWith("D:", StringComparison.Ordinal)
            && value.AsSpan(2, 14).IndexOfAnyExceptInRange('0', '9') < 0 && value[16..] is "Z" or "Z'")
        {
            Encoding.ASCII.GetBytes(d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000").CopyTo(bytes, valueStart + 2);
            return;
        }
        bytes.AsSpan(entry, close + 1 - entry).Fill((byte)' ');
    }

    private static int LastIndexOf(byte[] bytes, string text) => bytes.AsSpan().LastIndexOf(Encoding.ASCII.GetBytes(text));

    private static int IndexOf(byte[] bytes, string text, int from) =>
        bytes.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(text)) is var i and >= 0 ? from + i : -1;
}
