using System.Globalization;
using System.Net;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using PolicyDocs.Diff;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Versions;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Rendering.Html;

/// <summary>Where the text of a redline links to: per version, the href of a reference's target (null: shown as text).</summary>
/// <param name="Depth">How many folders below the root of its folder the page is (images are found from there).</param>
/// <param name="Old">Links of the old version's text.</param>
/// <param name="New">Links of the new version's text.</param>
internal sealed record RedlineLinks(int Depth, Func<XrefTarget, string?> Old, Func<XrefTarget, string?> New)
{
    /// <summary>On the site: each version's references lead to the page of that version (the current or an archived one).</summary>
    public static RedlineLinks OnSite(PolicySet current, VersionChange change, int depth) =>
        new(depth, t => VersionLink(current, change.OldSet.Set, t, depth), t => VersionLink(current, change.NewSet.Set, t, depth));

    /// <summary>Away from the site: references lead to the published site when its address is known, else stay text.</summary>
    public static RedlineLinks Standalone(PolicySet current, int depth)
    {
        if (current.Info.BaseUrl is not { } baseUrl) return new(depth, _ => null, _ => null);
        string? Link(XrefTarget t) =>
            t.Kind == XrefKind.Recommendation ? SiteFeeds.Url(baseUrl, SitePaths.MatrixPage) + "#" + t.Anchor
            : t.DocumentId is { } d ? SiteFeeds.Url(baseUrl, SitePaths.DocumentPage(d)) + (t.Anchor.Length == 0 ? "" : "#" + t.Anchor)
            : null;
        return new(depth, Link, Link);
    }

    private static string? VersionLink(PolicySet current, PolicySet version, XrefTarget t, int depth)
    {
        if (t.DocumentId is not { } d || version.Find(d) is not { } doc) return SiteLinks.Href(t, null, depth);
        var page = current.Find(d)?.Info.Version == doc.Info.Version ? SitePaths.DocumentPage(d) : SitePaths.ArchivedPage(d, doc.Info.VersionKey);
        return SiteLinks.Root(depth) + page + (t.Anchor.Length == 0 ? "" : "#" + t.Anchor);
    }
}

/// <summary>
/// The HTML redline of one document: a summary table of changed sections linking to each change, a filter for
/// normative changes only, and every changed section with inline insertions and deletions. Text is rendered as the
/// site renders it (links, emphasis, code, table headers), each version's with its own references.
/// </summary>
internal static class RedlineHtmlRenderer
{
    /// <summary>The main content of the redline page (no page chrome).</summary>
    public static string Body(VersionChange version, RedlineLinks links)
    {
        var changes = version.Changes;
        var doc = version.Change;
        var text = new TwoVersions(
            Renderer(version.OldSet, version.Old, doc.DocumentId, links.Depth, links.Old),
            Renderer(version.NewSet, version.New, doc.DocumentId, links.Depth, links.New));
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<h1>Changes to {Esc(doc.Title)}</h1>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p>From <strong>{Esc(doc.FromVersion ?? "(none)")}</strong> ({Esc(changes.From)}) to <strong>{Esc(doc.ToVersion ?? "(none)")}</strong> ({Esc(changes.To)}): {doc.Sections.Count} section{(doc.Sections.Count == 1 ? "" : "s")} changed, {doc.Sections.Count(s => s.Class == ChangeClass.Normative)} normative.</p>\n");
        h.Append("<p class=\"filter\"><label><input type=\"checkbox\" id=\"normative-only\"> Show normative changes only</label></p>\n");
        if (doc.Metadata.Count > 0)
        {
            h.Append("<table class=\"metadata editorial\"><caption>Document metadata</caption><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Old</th><th scope=\"col\">New</th></tr></thead><tbody>\n");
            foreach (var m in doc.Metadata)
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{Esc(m.Field)}</td><td>{Esc(m.Old ?? "")}</td><td>{Esc(m.New ?? "")}</td></tr>\n");
            h.Append("</tbody></table>\n");
        }
        h.Append("<table class=\"summary\"><caption>Changed sections</caption><thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Title</th><th scope=\"col\">Change</th><th scope=\"col\">Class</th></tr></thead><tbody>\n");
        for (var i = 0; i < doc.Sections.Count; i++)
        {
            var s = doc.Sections[i];
            var cls = s.Class.ToString().ToLowerInvariant();
            var number = s.Kind == ChangeKind.Moved ? $"{s.OldNumber} → {s.NewNumber}" : s.Number;
            h.Append(CultureInfo.InvariantCulture, $"<tr class=\"{cls}\"><td><a href=\"#change-{i + 1}\">{Esc(number)}</a></td><td>{Esc(s.Title)}</td><td>{Kind(s)}</td><td>{cls}</td></tr>\n");
        }
        h.Append("</tbody></table>\n");
        for (var i = 0; i < doc.Sections.Count; i++) Section(h, doc.Sections[i], i + 1, text);
        return h.ToString();
    }

    private sealed record TwoVersions(HtmlBodyRenderer Old, HtmlBodyRenderer New);

    private static HtmlBodyRenderer Renderer(Publication.PublishedSet set, Publication.PublishedDocument? doc, string documentId, int depth, Func<XrefTarget, string?> links) =>
        new(set.Xrefs, documentId, depth, doc?.Document.Images, links);

    private static string Kind(SectionChange s) => s.Kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.Moved => "moved (renumbered)",
        _ => s.DataDriven ? "modified (data)" : "modified",
    };

    private static void Section(StringBuilder h, SectionChange s, int index, TwoVersions text)
    {
        var cls = s.Class.ToString().ToLowerInvariant();
        h.Append(CultureInfo.InvariantCulture, $"<section class=\"change {cls}\" id=\"change-{index}\">\n<h2>");
        if (s.Kind == ChangeKind.Moved) h.Append(CultureInfo.InvariantCulture, $"<del>{Esc(s.OldNumber!)}</del> <ins>{Esc(s.NewNumber!)}</ins>");
        else if (s.Kind == ChangeKind.Added) h.Append(CultureInfo.InvariantCulture, $"<ins>{Esc(s.Number)}</ins>");
        else if (s.Kind == ChangeKind.Removed) h.Append(CultureInfo.InvariantCulture, $"<del>{Esc(s.Number)}</del>");
        else h.Append(Esc(s.Number));
        h.Append(' ');
        if (s.OldTitle is not null && s.NewTitle is not null && s.OldTitle != s.NewTitle) Spans(h, TextDiff.Words(s.OldTitle, s.NewTitle));
        else if (s.Kind == ChangeKind.Added) h.Append("<ins>").Append(Esc(s.Title)).Append("</ins>");
        else if (s.Kind == ChangeKind.Removed) h.Append("<del>").Append(Esc(s.Title)).Append("</del>");
        else h.Append(Esc(s.Title));
        h.Append(CultureInfo.InvariantCulture, $"<span class=\"badge {cls}\">{Kind(s)}, {cls}</span></h2>\n");
        var inTable = false;
        var inDeletedTable = false;
        var n = 0;
        foreach (var (block, change) in s.Layout)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"change-{index}-{++n}");
            if (block.Kind == BlockKind.TableRow)
            {
                // An old table deleted whole is a table of its own, never rows of the new one.
                var wholeDeleted = change is { Op: DiffOp.Deleted, WholeTable: true };
                if (inTable && wholeDeleted != inDeletedTable) { h.Append("</table>\n"); inTable = false; }
                inDeletedTable = wholeDeleted;
                if (!inTable) { h.Append("<table>\n"); inTable = true; }
                Row(h, block, change, text, prefix);
                continue;
            }
            if (inTable) { h.Append("</table>\n"); inTable = false; }
            var tag = block.Kind switch { BlockKind.Heading => "h3", BlockKind.Code => "pre", BlockKind.Quote => "blockquote", _ => "p" };
            if (change is null)
            {
                h.Append(CultureInfo.InvariantCulture, $"<{tag} class=\"unchanged\">").Append(Inline(text.New, block, prefix)).Append(CultureInfo.InvariantCulture, $"</{tag}>\n");
                continue;
            }
            var blockCls = change.Op switch { DiffOp.Inserted => "block-inserted", DiffOp.Deleted => "block-deleted", _ => "block-modified" };
            h.Append(CultureInfo.InvariantCulture, $"<{tag} class=\"{blockCls} {change.Class.ToString().ToLowerInvariant()}\">");
            if (block.Kind == BlockKind.ListItem) h.Append("• ");
            if (block.Kind == BlockKind.Code) Spans(h, change.Spans);
            else h.Append(change.Op switch
            {
                DiffOp.Inserted => HtmlChangeMarks.Whole(Inline(text.New, change.New ?? block, prefix), deleted: false),
                DiffOp.Deleted => HtmlChangeMarks.Whole(Inline(text.Old, change.Old ?? block, prefix), deleted: true),
                _ => Modified(Inline(text.Old, change.Old, prefix + "-old"), Inline(text.New, change.New ?? block, prefix), change.Spans),
            });
            h.Append(CultureInfo.InvariantCulture, $"</{tag}>\n");
        }
        if (inTable) h.Append("</table>\n");
        h.Append("</section>\n");
    }

    // The block's inline content as the site renders it; a code block, or a block without inlines, as its text.
    private static string Inline(HtmlBodyRenderer renderer, TextBlock? block, string prefix) =>
        block is null ? ""
        : block.Kind != BlockKind.Code && block.Node is LeafBlock { Inline: not null } leaf ? renderer.RenderInline(leaf, prefix)
        : Esc(block.Text);

    private static string Modified(string oldHtml, string newHtml, IReadOnlyList<DiffSpan> model) =>
        HtmlChangeMarks.Compose(newHtml, oldHtml, TextDiff.Fit(model, HtmlChangeMarks.Text(oldHtml), HtmlChangeMarks.Text(newHtml)));

    // Each cell's paragraphs as the site renders them, joined by a space (as the model joins their text).
    private static List<string>? Cells(HtmlBodyRenderer renderer, TextBlock? block, string prefix)
    {
        if (block?.Node is not TableRow row) return null;
        return [.. row.OfType<TableCell>().Select((cell, i) => string.Join(" ", cell.OfType<ParagraphBlock>()
            .Select((p, k) => renderer.RenderInline(p, string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i + 1}-{k + 1}")))))];
    }

    private static void Row(StringBuilder h, TextBlock block, BlockChange? change, TwoVersions text, string prefix)
    {
        var cls = change?.Op switch { DiffOp.Inserted => " class=\"row-inserted\"", DiffOp.Deleted => " class=\"row-deleted\"", _ => "" };
        var shown = change?.Op == DiffOp.Deleted ? change.Old ?? block : change?.New ?? block;
        var header = shown.Node is TableRow { IsHeader: true };
        var (open, close) = header ? ("<th scope=\"col\">", "</th>") : ("<td>", "</td>");
        h.Append(CultureInfo.InvariantCulture, $"<tr{cls}>");
        var newCells = change?.Op == DiffOp.Deleted ? null : Cells(text.New, change?.New ?? block, prefix);
        var oldCells = change is null or { Op: DiffOp.Inserted } ? null : Cells(text.Old, change.Old ?? block, prefix + "-old");
        if (change is { Op: null, CellSpans.IsDefaultOrEmpty: false } && newCells is not null && oldCells is not null
            && newCells.Count == oldCells.Count && newCells.Count == change.CellSpans.Length)
        {
            for (var i = 0; i < newCells.Count; i++)
                h.Append(open).Append(Modified(oldCells[i], newCells[i], change.CellSpans[i])).Append(close);
        }
        else if (change is { Op: null })
        {
            // Cells added or removed: the row's text with its word changes, in one cell.
            h.Append(open);
            Spans(h, change.Spans);
            h.Append(close);
        }
        else if ((change?.Op == DiffOp.Deleted ? oldCells : newCells) is { } cells)
        {
            foreach (var c in cells) h.Append(open).Append(change is null ? c : HtmlChangeMarks.Whole(c, change.Op == DiffOp.Deleted)).Append(close);
        }
        else
        {
            foreach (var c in shown.Cells.IsDefaultOrEmpty ? [shown.Text] : shown.Cells) h.Append(open).Append(Esc(c)).Append(close);
        }
        h.Append("</tr>\n");
    }

    private static void Spans(StringBuilder h, IEnumerable<DiffSpan> spans)
    {
        foreach (var span in spans)
        {
            switch (span.Op)
            {
                case DiffOp.Inserted: h.Append("<ins>").Append(Esc(span.Text)).Append("</ins>"); break;
                case DiffOp.Deleted: h.Append("<del>").Append(Esc(span.Text)).Append("</del>"); break;
                default: h.Append(Esc(span.Text)); break;
            }
        }
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
