using System.Text;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;

namespace PolicyDocs.Xrefs;

/// <summary>The one definition of the plain text of prose inlines, shared by the diff, the search index, the Word
/// writer and reference resolution: literal text, code, references as the text they render as.</summary>
internal static class InlineText
{
    /// <summary>The plain text of an inline container's children, references as their generated text.</summary>
    public static string Of(ContainerInline? inline, XrefIndex? xrefs)
    {
        var sb = new StringBuilder();
        Append(inline?.FirstChild, xrefs, sb);
        return sb.ToString();
    }

    /// <summary>The plain text of one inline (a literal, or a link, emphasis… with its children), as <see cref="Of(ContainerInline?, XrefIndex?)"/> reads it.</summary>
    public static string OfOne(Inline inline, XrefIndex? xrefs)
    {
        var sb = new StringBuilder();
        Append(inline, xrefs, sb, siblings: false);
        return sb.ToString();
    }

    private static void Append(Inline? inline, XrefIndex? xrefs, StringBuilder sb, bool siblings = true)
    {
        for (var node = inline; node is not null; node = siblings ? node.NextSibling : null)
        {
            switch (node)
            {
                case LiteralInline l: sb.Append(l.Content.AsSpan()); break;
                case CodeInline c: sb.Append(c.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case XrefInline x when x.Kind == XrefKind.Anchor: break;
                case XrefInline x: sb.Append(xrefs?.Resolve(x)?.Text ?? x.CustomText ?? x.Target); break;
                case AutolinkInline a: sb.Append(a.Url); break;
                case HtmlEntityInline e: sb.Append(e.Transcoded.AsSpan()); break;
                case HtmlInline h: sb.Append(h.Tag); break;
                case ContainerInline container: Append(container.FirstChild, xrefs, sb); break;
            }
        }
    }
}
