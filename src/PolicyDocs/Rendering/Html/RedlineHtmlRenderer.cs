using System.Globalization;
using System.Net;
using System.Text;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// The HTML redline of one document: a summary table of changed sections linking to each change, a filter for
/// normative changes only, and every changed section with inline insertions and deletions.
/// </summary>
public static class RedlineHtmlRenderer
{
    /// <summary>The main content of the redline page (no page chrome).</summary>
    public static string Body(ChangeSet changes, DocumentChange doc)
    {
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
        for (var i = 0; i < doc.Sections.Count; i++) Section(h, doc.Sections[i], i + 1);
        return h.ToString();
    }

    /// <summary>A complete standalone page, linking redline.css and redline.js at <paramref name="assetRoot"/>.</summary>
    public static string Page(ChangeSet changes, DocumentChange doc, string assetRoot) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        $"<meta http-equiv=\"Content-Security-Policy\" content=\"{SecurityHeaders.MetaContentSecurityPolicy}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>Changes to {Esc(doc.Title)}: {Esc(doc.FromVersion ?? "")} to {Esc(doc.ToVersion ?? "")}</title>\n" +
        $"<link rel=\"stylesheet\" href=\"{assetRoot}redline.css\">\n</head>\n<body class=\"standalone\">\n<main id=\"main\">\n" + Body(changes, doc) +
        $"</main>\n<script src=\"{assetRoot}redline.js\"></script>\n</body>\n</html>\n";

    private static string Kind(SectionChange s) => s.Kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.Moved => "moved (renumbered)",
        _ => s.DataDriven ? "modified (data)" : "modified",
    };

    private static void Section(StringBuilder h, SectionChange s, int index)
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
        foreach (var (block, change) in s.Layout)
        {
            if (block.Kind == BlockKind.TableRow)
            {
                if (!inTable) { h.Append("<table>\n"); inTable = true; }
                Row(h, block, change);
                continue;
            }
            if (inTable) { h.Append("</table>\n"); inTable = false; }
            var tag = block.Kind switch { BlockKind.Heading => "h3", BlockKind.Code => "pre", BlockKind.Quote => "blockquote", _ => "p" };
            if (change is null)
            {
                h.Append(CultureInfo.InvariantCulture, $"<{tag} class=\"unchanged\">{Esc(block.Text)}</{tag}>\n");
                continue;
            }
            var blockCls = change.Op switch { DiffOp.Inserted => "block-inserted", DiffOp.Deleted => "block-deleted", _ => "block-modified" };
            h.Append(CultureInfo.InvariantCulture, $"<{tag} class=\"{blockCls} {change.Class.ToString().ToLowerInvariant()}\">");
            if (block.Kind == BlockKind.ListItem) h.Append("• ");
            Spans(h, change.Spans);
            h.Append(CultureInfo.InvariantCulture, $"</{tag}>\n");
        }
        if (inTable) h.Append("</table>\n");
        h.Append("</section>\n");
    }

    private static void Row(StringBuilder h, TextBlock block, BlockChange? change)
    {
        var cls = change?.Op switch { DiffOp.Inserted => " class=\"row-inserted\"", DiffOp.Deleted => " class=\"row-deleted\"", _ => "" };
        h.Append(CultureInfo.InvariantCulture, $"<tr{cls}>");
        if (change is { Op: null, CellSpans.IsDefaultOrEmpty: false })
        {
            foreach (var cell in change.CellSpans) { h.Append("<td>"); Spans(h, cell); h.Append("</td>"); }
        }
        else if (change is { Op: null })
        {
            h.Append("<td>"); Spans(h, change.Spans); h.Append("</td>");
        }
        else
        {
            var cells = (change?.Old ?? block).Cells;
            foreach (var c in cells.IsDefaultOrEmpty ? [block.Text] : cells) h.Append("<td>").Append(Esc(c)).Append("</td>");
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
