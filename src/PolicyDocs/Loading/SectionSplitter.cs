using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using PolicyDocs.Model;
using PolicyDocs.Outline;

namespace PolicyDocs.Loading;

/// <summary>
/// Splits Markdown into numbered sections at headings that carry a number ("## 4.9.1 Title", "# 1. INTRODUCTION",
/// "#  3.2.8. Title") or start an appendix ("# Appendix A – Profiles"). Inside an appendix, a heading numbered after
/// its appendix ("### A.1.1. Title", "#### D-1. Japan") is a section of that appendix; other numbered headings there
/// ("## 1. Names") stay in its text. Fenced code is skipped. Unnumbered headings stay in the body of the section they
/// appear in.
/// </summary>
internal static partial class SectionSplitter
{
    /// <summary>A heading found in the text and the body that follows it.</summary>
    /// <param name="Number">The section number, or the appendix letter.</param>
    /// <param name="Title">The title, without the number and without a CA attribute.</param>
    /// <param name="IsAppendix">True for an appendix heading.</param>
    /// <param name="Span">The heading's position.</param>
    /// <param name="Body">The text up to the next section heading.</param>
    /// <param name="BodyLine">1-based line of the body's first line.</param>
    /// <param name="Cas">CA ids named by a trailing <c>{cas=root,issuing}</c> on the heading; empty when absent.</param>
    /// <param name="Heading">The heading as written, without its marks and CA attribute.</param>
    public sealed record Segment(string Number, string Title, bool IsAppendix, SourceSpan Span, string Body, int BodyLine, ImmutableArray<string> Cas,
        string? Heading = null);

    /// <summary>The result of splitting one file.</summary>
    /// <param name="Leading">Text before the first section heading.</param>
    /// <param name="LeadingLine">1-based line where the leading text starts.</param>
    /// <param name="Segments">Sections in order.</param>
    public sealed record Result(string Leading, int LeadingLine, ImmutableArray<Segment> Segments);

    /// <summary>Splits <paramref name="text"/>, whose first line is line <paramref name="firstLine"/> of <paramref name="path"/>.</summary>
    /// <param name="path">Path for spans.</param>
    /// <param name="text">Markdown.</param>
    /// <param name="firstLine">1-based line number of the first line of <paramref name="text"/>.</param>
    /// <param name="inAppendix">True when a previous file already started the appendices.</param>
    public static Result Split(string path, string text, int firstLine, ref bool inAppendix)
    {
        var segments = ImmutableArray.CreateBuilder<Segment>();
        var body = new StringBuilder();
        string? number = null, title = null, headingText = null;
        // The appendix being read, when its heading is in this text (a text continuing an earlier file's appendix
        // does not know its letter, and takes any lettered number).
        string? currentAppendix = null;
        var appendix = false;
        var span = default(SourceSpan);
        var bodyLine = firstLine;
        string leading = "";
        var haveLeading = false;
        string? fence = null;

        var lineNo = firstLine - 1;
        foreach (var rawLine in EnumerateLines(text))
        {
            lineNo++;
            var line = rawLine;
            if (fence is not null)
            {
                if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal)) fence = null;
                body.Append(line).Append('\n');
                continue;
            }
            var fenceMatch = Fence().Match(line);
            if (fenceMatch.Success)
            {
                fence = fenceMatch.Groups[1].Value;
                body.Append(line).Append('\n');
                continue;
            }
            var h = Heading().Match(line);
            if (h.Success && Classify(h.Groups["text"].Value, inAppendix, currentAppendix) is { } heading)
            {
                Flush();
                if (heading.IsAppendix) inAppendix = true;
                if (heading.IsAppendix && SectionNumber.AppendixParent(heading.Number) is null) currentAppendix = heading.Number;
                number = heading.Number;
                title = heading.Title;
                headingText = h.Groups["text"].Value.Trim();
                appendix = heading.IsAppendix;
                span = new SourceSpan(path, lineNo, h.Groups["hashes"].Index + 1);
                bodyLine = lineNo + 1;
                continue;
            }
            body.Append(line).Append('\n');
        }
        Flush();
        return new Result(leading, firstLine, segments.ToImmutable());

        void Flush()
        {
            if (number is null)
            {
                if (!haveLeading) { leading = body.ToString(); haveLeading = true; }
            }
            else
            {
                var (plainTitle, cas) = SplitCas(title!);
                var written = cas.IsEmpty ? headingText : SplitCas(headingText!).Title;
                segments.Add(new Segment(number, plainTitle, appendix, span, body.ToString(), bodyLine, cas, written));
            }
            body.Clear();
        }
    }

    private sealed record HeadingInfo(string Number, string Title, bool IsAppendix);

    /// <summary>"Key pair generation {cas=root}" → ("Key pair generation", [root]).</summary>
    private static (string Title, ImmutableArray<string> Cas) SplitCas(string title)
    {
        var m = CasAttribute().Match(title);
        if (!m.Success) return (title, []);
        var ids = m.Groups["ids"].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (title[..m.Index].TrimEnd(), [.. ids]);
    }

    [GeneratedRegex(@"\s*\{\s*cas\s*[=:]\s*""?(?<ids>[A-Za-z0-9_, -]+?)""?\s*\}\s*$")]
    private static partial Regex CasAttribute();

    private static HeadingInfo? Classify(string text, bool inAppendix, string? currentAppendix)
    {
        var a = AppendixHeading().Match(text);
        if (a.Success)
        {
            var id = a.Groups["id"].Success ? a.Groups["id"].Value : "";
            return new HeadingInfo(id.Length == 0 ? "A" : id.ToUpperInvariant(), a.Groups["title"].Value.Trim(), true);
        }
        if (inAppendix)
        {
            var c = AppendixSectionHeading().Match(text);
            if (!c.Success) return null;
            var letter = c.Groups["id"].Value.ToUpperInvariant();
            if (currentAppendix is not null ? letter != currentAppendix : !char.IsAsciiLetter(letter[0])) return null;
            return new HeadingInfo(letter + c.Groups["rest"].Value, c.Groups["title"].Value.Trim(), true);
        }
        var n = NumberedHeading().Match(text);
        if (!n.Success) return null;
        return new HeadingInfo(n.Groups["num"].Value, n.Groups["title"].Value.Trim(), false);
    }

    /// <summary>Splits text into lines without their terminators (\n, \r\n or \r).</summary>
    public static IEnumerable<string> EnumerateLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n' && text[i] != '\r') continue;
            yield return text[start..i];
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<num>\d{1,3}(?:\.\d{1,3})*)\.?(?:[ \t]+(?<title>.*))?$")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^Appendix(?:[ \t]+(?<id>[A-Za-z0-9]{1,3})(?=$|[ \t:.\-–—]))?[ \t]*[:.\-–—]?[ \t]*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AppendixHeading();

    /// <summary>"A.1.1. Title", "D-1. Title", "B.2 Title": an appendix's id, then numbers after dots or hyphens.</summary>
    [GeneratedRegex(@"^(?<id>[A-Za-z0-9]{1,3})(?<rest>(?:[.-]\d{1,3})+)\.?(?:[ \t]+(?<title>.*))?$")]
    private static partial Regex AppendixSectionHeading();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})")]
    private static partial Regex Fence();
}
