using System.Text;
using PolicyDocs.Model;

namespace PolicyDocs.Checks;

/// <summary>
/// <c>check --fix</c>: applies the certain fixes diagnostics carry (<see cref="Diagnostic.Fix"/>), such as the missing
/// <c>#</c> of a link to a heading. Each edit replaces the first occurrence of its old text at or after its column on
/// its line; an edit whose text is not found there is skipped, and no other byte changes. UTF-8 files only, replaced
/// atomically, never outside the content (as <see cref="NoStipulationFixer"/>).
/// </summary>
internal static class TextFixer
{
    /// <summary>Applies the fixes of <paramref name="diagnostics"/> to the files of <paramref name="set"/>; returns how many were made.</summary>
    public static int Fix(PolicySet set, IEnumerable<Diagnostic> diagnostics)
    {
        var made = 0;
        foreach (var file in diagnostics.Where(d => d.Fix is not null).GroupBy(d => d.Span.Path, StringComparer.Ordinal))
        {
            if (NoStipulationFixer.Writable(set, file.Key) is not { } path) continue;
            var bytes = File.ReadAllBytes(path);
            if (!NoStipulationFixer.AsciiCompatible(bytes)) continue;
            var (text, count) = Apply(bytes, file.Select(d => (d.Span.Line, d.Span.Column, d.Fix!)));
            if (count == 0) continue;
            NoStipulationFixer.WriteAtomically(path, text);
            made += count;
        }
        return made;
    }

    /// <summary><paramref name="bytes"/> with each edit made on its 1-based line from its 1-based column; the lines the
    /// edits touch must be UTF-8 (others are kept byte for byte).</summary>
    public static (byte[] Bytes, int Count) Apply(byte[] bytes, IEnumerable<(int Line, int Column, TextFix Fix)> edits)
    {
        // From the line's end backwards; edits at one column in reverse order, so that insertions keep their order.
        var byLine = edits.Select((e, i) => (e, i)).GroupBy(x => x.e.Line)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.e.Column).ThenByDescending(x => x.i).Select(x => x.e).ToList());
        var strict = new UTF8Encoding(false, true);
        var result = new List<byte>(bytes.Length + 16);
        var count = 0;
        var line = 1;
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            var end = i == bytes.Length || bytes[i] is (byte)'\n' or (byte)'\r';
            if (!end) continue;
            var content = bytes.AsSpan(start, i - start);
            if (byLine.TryGetValue(line, out var fixes) && TryDecode(strict, content) is { } text)
            {
                foreach (var (_, column, fix) in fixes)
                {
                    var at = text.IndexOf(fix.Old, Math.Clamp(column - 1, 0, text.Length), StringComparison.Ordinal);
                    if (at < 0) continue;
                    text = text[..at] + fix.New + text[(at + fix.Old.Length)..];
                    count++;
                }
                result.AddRange(strict.GetBytes(text));
            }
            else result.AddRange(content.ToArray());
            if (i == bytes.Length) break;
            var next = bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n' ? i + 2 : i + 1;
            result.AddRange(bytes.AsSpan(i, next - i).ToArray());
            i = next - 1;
            start = next;
            line++;
        }
        return ([.. result], count);
    }

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try { return encoding.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }
}
