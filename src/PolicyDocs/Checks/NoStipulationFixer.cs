using PolicyDocs.Model;
using PolicyDocs.Output;

namespace PolicyDocs.Checks;

/// <summary>
/// <c>check --fix</c>: writes "No stipulation." under the heading of every blank leaf section and changes no other
/// byte of the files. It works on the bytes, not on decoded text, so a BOM, a byte that is not UTF-8, and every line
/// ending (LF, CRLF, CR, mixed, a last line without one) survive; the inserted lines end as the heading's line does.
/// Each file is replaced atomically (a temporary file beside it, then a rename), and a file whose real path is
/// outside the content (a symbolic link out of it) is never written.
/// </summary>
internal static class NoStipulationFixer
{
    private static readonly byte[] Text = System.Text.Encoding.ASCII.GetBytes(NoStipulation.Text);

    /// <summary>Fixes the blank sections of <paramref name="set"/>; returns the number of sections fixed.</summary>
    public static int Fix(PolicySet set)
    {
        var byFile = set.Documents
            .SelectMany(d => d.AllSections.Concat(d.AllAppendices))
            .Where(SectionContentCheck.IsBlank)
            .GroupBy(s => s.Span.Path);
        var fixedCount = 0;
        foreach (var group in byFile)
        {
            if (Writable(set, group.Key) is not { } path) continue;
            var bytes = File.ReadAllBytes(path);
            if (!AsciiCompatible(bytes)) continue;
            var lines = group.Select(s => s.Span.Line).Distinct().ToList();
            WriteAtomically(path, Insert(bytes, lines));
            fixedCount += lines.Count;
        }
        return fixedCount;
    }

    /// <summary>The real path of content file <paramref name="file"/> when it may be rewritten: it exists and is inside
    /// the content (no symbolic link out of it); null otherwise.</summary>
    internal static string? Writable(PolicySet set, string file)
    {
        var root = ResolvedPath.Of(File.Exists(set.Root) ? Path.GetDirectoryName(Path.GetFullPath(set.Root))! : set.Root);
        var path = ResolvedPath.Of(file);
        return ResolvedPath.IsSameOrUnder(path, root) && File.Exists(path) ? path : null;
    }

    /// <summary><paramref name="bytes"/> with a blank line and "No stipulation." inserted after each of the 1-based
    /// <paramref name="headingLines"/> (and a blank line after it when a non-empty line follows). Lines end at LF,
    /// CRLF or a lone CR, as the loader counts them; every original byte is kept in order.</summary>
    public static byte[] Insert(ReadOnlySpan<byte> bytes, IReadOnlyCollection<int> headingLines)
    {
        var lines = Lines(bytes);
        var wanted = headingLines.ToHashSet();
        var ended = lines.FindIndex(l => l.End < l.Next);
        var fallback = ended >= 0 ? bytes[lines[ended].End..lines[ended].Next].ToArray() : "\n"u8.ToArray();
        var result = new List<byte>(bytes.Length + wanted.Count * 24);
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end, next) = lines[i];
            result.AddRange(bytes[start..next]);
            if (!wanted.Contains(i + 1)) continue;
            var newline = end < next ? bytes[end..next].ToArray() : fallback;
            if (end == next) result.AddRange(newline); // the heading was the last line, without a line ending
            result.AddRange(newline);
            result.AddRange(Text);
            var hasNext = i + 1 < lines.Count;
            if (end < next || hasNext) result.AddRange(newline);
            if (hasNext && lines[i + 1].End > lines[i + 1].Start) result.AddRange(newline);
        }
        return [.. result];
    }

    /// <summary>Each line's start, end (before its line ending) and the start of the next line.</summary>
    private static List<(int Start, int End, int Next)> Lines(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<(int, int, int)>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)'\n' or (byte)'\r')) continue;
            var end = i;
            if (bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n') i++;
            lines.Add((start, end, i + 1));
            start = i + 1;
        }
        if (start < bytes.Length) lines.Add((start, bytes.Length, bytes.Length));
        return lines;
    }

    /// <summary>False for UTF-16 and UTF-32 files (by their BOM), where inserting ASCII bytes would corrupt the text.</summary>
    internal static bool AsciiCompatible(ReadOnlySpan<byte> bytes) =>
        !(bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]));

    /// <summary>Replaces the file at <paramref name="path"/> by <paramref name="content"/> in one rename, keeping its mode.</summary>
    internal static void WriteAtomically(string path, byte[] content)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.fix-{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
                stream.Flush(true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
