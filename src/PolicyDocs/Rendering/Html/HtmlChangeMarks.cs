using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// Places word-level changes on rendered inline HTML, the way the Word redline places them on rendered runs: the new
/// fragment keeps its links, emphasis and code; deleted words come from the old fragment with the elements around
/// them there (ids dropped, so nothing is defined twice); every inserted or deleted piece of text is wrapped in
/// <c>ins</c> or <c>del</c> inside the innermost element that holds it, so the result nests correctly. Offsets count
/// the fragment's text as <see cref="Text"/> returns it. Input is the HTML PolicyDocs rendered (escaped and sanitised).
/// </summary>
internal static partial class HtmlChangeMarks
{
    private enum Mark { None, Inserted, Deleted }

    private sealed record Element(int Id, string Name, string StartTag);

    // A piece of text, or (Atom set) an element shown whole that adds no text: an image, a line break, a tooltip.
    private sealed record Piece(IReadOnlyList<Element> Stack, int Start, string Text, string? Atom);

    private sealed record Output(IReadOnlyList<Element> Stack, string? Text, string? Atom, Mark Mark);

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase) { "br", "img", "wbr", "hr", "input" };

    /// <summary>The text of a fragment as offsets count it: character data decoded, line breaks in it as spaces,
    /// tooltips (<c>class="term-tip"</c>) left out.</summary>
    public static string Text(string html) => string.Concat(Parse(html, 0, keepIds: true).Select(p => p.Text));

    /// <summary><paramref name="newHtml"/> showing <paramref name="spans"/> against <paramref name="oldHtml"/>;
    /// the spans' new text must be <see cref="Text"/> of the new fragment and their old text that of the old one.</summary>
    public static string Compose(string newHtml, string oldHtml, IReadOnlyList<DiffSpan> spans)
    {
        var news = Parse(newHtml, 0, keepIds: true);
        var olds = Parse(oldHtml, 1_000_000, keepIds: false);
        var taken = new bool[news.Count];
        var items = new List<Output>();
        int n = 0, o = 0;
        foreach (var span in spans)
        {
            var length = span.Text.Length;
            if (span.Op == DiffOp.Deleted)
            {
                foreach (var p in olds)
                {
                    if (p.Atom is not null)
                    {
                        // A removed image shows as removed; other markers of the old version go.
                        if (p.Start >= o && p.Start < o + length && p.Atom.StartsWith("<img", StringComparison.Ordinal))
                            items.Add(new Output(p.Stack, null, p.Atom, Mark.Deleted));
                        continue;
                    }
                    var (a, b) = (Math.Max(o, p.Start), Math.Min(o + length, p.Start + p.Text.Length));
                    if (b > a) items.Add(new Output(p.Stack, p.Text[(a - p.Start)..(b - p.Start)], null, Mark.Deleted));
                }
                o += length;
                continue;
            }
            Take(news, taken, n, n + length, span.Op == DiffOp.Inserted ? Mark.Inserted : Mark.None, items);
            n += length;
            if (span.Op == DiffOp.Equal) o += length;
        }
        Take(news, taken, n, int.MaxValue, Mark.None, items);
        return Write(items);
    }

    /// <summary>The whole fragment as inserted (or, with <paramref name="deleted"/>, as deleted: ids dropped).</summary>
    public static string Whole(string html, bool deleted)
    {
        var text = Text(html);
        if (!deleted) return Compose(html, "", text.Length == 0 ? [] : [new DiffSpan(DiffOp.Inserted, text)]);
        return Compose("", html, text.Length == 0 ? [] : [new DiffSpan(DiffOp.Deleted, text)]);
    }

    private static void Take(List<Piece> pieces, bool[] taken, int from, int to, Mark mark, List<Output> items)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            if (taken[i]) continue;
            var p = pieces[i];
            if (p.Atom is not null)
            {
                if (p.Start < from || p.Start >= to) continue;
                taken[i] = true;
                items.Add(new Output(p.Stack, null, p.Atom, mark));
                continue;
            }
            var (a, b) = (Math.Max(from, p.Start), Math.Min(to, p.Start + p.Text.Length));
            if (b <= a) continue;
            items.Add(new Output(p.Stack, p.Text[(a - p.Start)..(b - p.Start)], null, mark));
            if (b == p.Start + p.Text.Length) taken[i] = true;
        }
    }

    private static string Write(List<Output> items)
    {
        var sb = new StringBuilder();
        IReadOnlyList<Element> open = [];
        var i = 0;
        while (i < items.Count)
        {
            var item = items[i];
            var common = 0;
            while (common < open.Count && common < item.Stack.Count && Same(open[common], item.Stack[common])) common++;
            for (var k = open.Count - 1; k >= common; k--) sb.Append("</").Append(open[k].Name).Append('>');
            for (var k = common; k < item.Stack.Count; k++) sb.Append(item.Stack[k].StartTag);
            open = item.Stack;
            var tag = item.Mark switch { Mark.Inserted => "ins", Mark.Deleted => "del", _ => null };
            if (tag is not null) sb.Append('<').Append(tag).Append('>');
            // Neighbours in the same element with the same mark share one ins or del.
            for (; i < items.Count && items[i].Mark == item.Mark && SameStack(items[i].Stack, item.Stack); i++)
                sb.Append(items[i].Atom ?? WebUtility.HtmlEncode(items[i].Text!));
            if (tag is not null) sb.Append("</").Append(tag).Append('>');
        }
        for (var k = open.Count - 1; k >= 0; k--) sb.Append("</").Append(open[k].Name).Append('>');
        return sb.ToString();
    }

    private static bool SameStack(IReadOnlyList<Element> a, IReadOnlyList<Element> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second)));

    // Neighbouring elements written the same way are one: the old version's emphasis around a deleted word and the new
    // version's around the inserted one read as one emphasis, as two adjacent identical inline elements would.
    private static bool Same(Element a, Element b) => a.Id == b.Id || a.StartTag == b.StartTag;

    private static List<Piece> Parse(string html, int firstId, bool keepIds)
    {
        var pieces = new List<Piece>();
        var stack = new List<Element>();
        IReadOnlyList<Element> frozen = [];
        var pos = 0;
        var id = firstId;
        var last = 0;
        foreach (Match m in Tag().Matches(html))
        {
            AddText(html[last..m.Index]);
            last = m.Index + m.Length;
            var raw = m.Value;
            var name = m.Groups["name"].Value.ToLowerInvariant();
            if (m.Groups["close"].Success)
            {
                var at = stack.FindLastIndex(e => e.Name == name);
                if (at >= 0) { stack.RemoveRange(at, stack.Count - at); frozen = [.. stack]; }
                continue;
            }
            if (!keepIds) raw = IdAttribute().Replace(raw, "");
            if (Void.Contains(name) || raw.EndsWith("/>", StringComparison.Ordinal))
            {
                pieces.Add(new Piece(frozen, pos, "", raw));
                continue;
            }
            if (raw.Contains("term-tip", StringComparison.Ordinal))
            {
                // A tooltip is shown whole, where it was, and adds nothing to the text.
                var end = html.IndexOf("</" + name + ">", last, StringComparison.OrdinalIgnoreCase);
                var stop = end < 0 ? html.Length : end + name.Length + 3;
                if (keepIds) pieces.Add(new Piece(frozen, pos, "", html[m.Index..stop]));
                last = stop;
                continue;
            }
            stack.Add(new Element(id++, name, raw));
            frozen = [.. stack];
        }
        AddText(html[last..]);
        return pieces;

        void AddText(string encoded)
        {
            if (encoded.Length == 0) return;
            var text = WebUtility.HtmlDecode(encoded).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
            pieces.Add(new Piece(frozen, pos, text, null));
            pos += text.Length;
        }
    }

    [GeneratedRegex("""<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")]
    private static partial Regex Tag();

    [GeneratedRegex("""\s(?:id|aria-describedby)="[^"]*"|\s(?:id|aria-describedby)='[^']*'""")]
    private static partial Regex IdAttribute();
}
