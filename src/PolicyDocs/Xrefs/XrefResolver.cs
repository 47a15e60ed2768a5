using System.Runtime.CompilerServices;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Text;

using SourceSpan = PolicyDocs.Model.SourceSpan;

namespace PolicyDocs.Xrefs;

/// <summary>
/// Resolve stage for references: gives every <c>[[...]]</c>, <c>xref:</c> link and <c>#fragment</c> link its target
/// and text, records backlinks, and reports unresolved references and plain "Section N" mentions of sections
/// that do not exist.
/// </summary>
internal static partial class XrefResolver
{
    /// <summary>Resolves all references in the bound <paramref name="set"/>.</summary>
    public static XrefIndex Resolve(PolicySet set, DiagnosticBag diagnostics)
    {
        var targets = new ConditionalWeakTable<MarkdownObject, XrefTarget>();
        var backlinks = new Dictionary<(string, string), SortedSet<(string, string, string)>>();
        var anchors = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var headingIds = new ConditionalWeakTable<HeadingBlock, string>();
        var sectionSlugs = new Dictionary<(string, string), string>();

        foreach (var doc in set.Documents)
        {
            var a = new Dictionary<string, string>(StringComparer.Ordinal);
            var repeated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in Everything(doc))
            {
                if (section.Number.Length > 0) a.TryAdd(section.Anchor, section.Number);
                // Anchors written in the prose, [[#id]] and bare HTML anchors (<a id="id"></a>): the first with an id is
                // the link target; a repeat is reported once per id.
                foreach (var (node, id, literal) in AnchorsIn(section))
                    if (!a.TryAdd(id, section.Number) && repeated.Add(id))
                        diagnostics.Add(Rules.DuplicateAnchor, SourceLocator.Locate(section, node, literal),
                            $"The anchor id '{SingleLine.Escape(id)}' is defined again here; links to #{SingleLine.Escape(id)} go to its first definition (in {(a[id].Length == 0 ? "the text before section 1" : "section " + a[id])}).");
            }
            // Every heading of the file in order, as GitHub gives them ids: each section's heading, then the headings in
            // its body. A heading's GitHub id is an anchor of the page (unless an anchor above has it already), and its
            // pandoc id another name for it.
            var s = new Dictionary<string, string>(StringComparer.Ordinal);
            var github = new GitHubSlugger();
            var pandoc = new GitHubSlugger();
            var smart = new GitHubSlugger();
            var aliases = new List<(string Alias, string Anchor)>();
            // Other names for a heading: its pandoc id, and its GitHub-style id with pandoc's smart dashes.
            void Alias(string text, string anchor)
            {
                aliases.Add((pandoc.Unique(GitHubSlug.Pandoc(text)), anchor));
                aliases.Add((smart.Unique(GitHubSlug.Smart(text)), anchor));
            }
            foreach (var section in Everything(doc))
            {
                if (section.Number.Length > 0)
                {
                    var text = HeadingText.Of(section);
                    var slug = github.Next(text);
                    if (a.TryAdd(slug, section.Number)) sectionSlugs[(doc.Id, section.Anchor)] = slug;
                    s.TryAdd(slug, section.Anchor);
                    Alias(text, section.Anchor);
                }
                foreach (var heading in section.Body?.Descendants<HeadingBlock>() ?? [])
                {
                    var text = InlineText.Of(heading.Inline, null);
                    var slug = github.Next(text);
                    var written = heading.TryGetAttributes()?.Id;
                    var id = written ?? slug;
                    if (!a.TryAdd(id, section.Number) && written is null) continue;
                    headingIds.AddOrUpdate(heading, id);
                    s.TryAdd(slug, id);
                    Alias(text, id);
                }
            }
            foreach (var (alias, anchor) in aliases)
                if (!a.ContainsKey(alias)) s.TryAdd(alias, anchor);
            anchors[doc.Id] = a;
            slugs[doc.Id] = s;
        }

        var context = new Context(set, anchors, slugs, targets, backlinks, diagnostics);
        foreach (var doc in set.Documents)
            foreach (var section in Everything(doc))
                context.ResolveSection(doc, section);
        return new XrefIndex(targets, backlinks, anchors, headingIds, sectionSlugs);
    }

    /// <summary>The anchors the prose of <paramref name="section"/> defines, in order: each node, its id and its text.</summary>
    private static IEnumerable<(MarkdownObject Node, string Id, string Literal)> AnchorsIn(Section section)
    {
        if (section.Body is null) yield break;
        foreach (var node in section.Body.Descendants())
        {
            if (node is XrefInline { Kind: XrefKind.Anchor } x) yield return (x, x.Target, "[[" + x.Raw + "]]");
            else foreach (var id in HtmlAnchors.Of(node)) yield return (node, id, node is HtmlInline html ? html.Tag : id);
        }
    }

    /// <summary>A host name: dot-separated labels ending in a top-level domain that is no common file extension.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?!(?:md|html?|pdf|txt|docx?|xlsx?|png|jpe?g|gif|svg|zip|csv|json|ya?ml|xml|asc|crt|cer|crl|pem)$)[A-Za-z]{2,24}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex HostLike();

    /// <summary>The text before section 1, every section and every appendix section of <paramref name="doc"/>, in document order.</summary>
    private static IEnumerable<Section> Everything(PolicyDocument doc) =>
        [.. doc.Preamble is { } p ? [p] : Array.Empty<Section>(), .. doc.AllSections, .. doc.AllAppendices];

    /// <summary>True for a link that names no scheme and no host: a path, relative or from the root, that is no
    /// <c>#fragment</c> or <c>xref:</c> reference.</summary>
    private static bool IsRelative(string url)
    {
        if (url.StartsWith('#') || url.StartsWith("//", StringComparison.Ordinal)) return false;
        var end = url.AsSpan().IndexOfAny('/', '?', '#');
        return !(end < 0 ? url.AsSpan() : url.AsSpan(0, end)).Contains(':');
    }

    /// <summary>The section holding an anchor, by its number (a section's or an appendix's).</summary>
    private static Section? Holder(PolicyDocument doc, string number) =>
        doc.Find(number) ?? doc.AllAppendices.FirstOrDefault(a => a.Number == number);

    private sealed class Context(
        PolicySet set,
        Dictionary<string, Dictionary<string, string>> anchors,
        Dictionary<string, Dictionary<string, string>> slugs,
        ConditionalWeakTable<MarkdownObject, XrefTarget> targets,
        Dictionary<(string, string), SortedSet<(string, string, string)>> backlinks,
        DiagnosticBag diagnostics)
    {
        public void ResolveSection(PolicyDocument doc, Section section)
        {
            if (section.Body is null) return;
            foreach (var node in section.Body.Descendants())
            {
                switch (node)
                {
                    case XrefInline x when x.Kind != XrefKind.Anchor:
                        Record(doc, section, x, ResolveXref(doc, section, x));
                        break;
                    case LinkInline { IsImage: false, Url: { } url } link when url.StartsWith("xref:", StringComparison.Ordinal):
                        Record(doc, section, link, CheckText(section, link, ResolveXrefUrl(doc, section, link, url)));
                        break;
                    case LinkInline { IsImage: false, Url: { } url } link when url.StartsWith('#'):
                        Record(doc, section, link, CheckText(section, link, ResolveFragment(doc, section, link, url[1..])));
                        break;
                    case LinkInline { IsImage: false, Url: { Length: > 0 } url } link when IsRelative(url):
                        Record(doc, section, link, CheckText(section, link, ResolveRelative(doc, section, link, url)));
                        break;
                    case LiteralInline literal:
                        MentionScanner.Check(doc, section, literal, diagnostics);
                        break;
                }
            }
        }

        /// <summary>A link reading "Section 5.4.1.1" that lands on 5.4.1.2 is almost certainly wrong.</summary>
        private XrefTarget? CheckText(Section section, LinkInline link, XrefTarget? target)
        {
            if (target is not { Kind: XrefKind.Section, SectionNumber: { } number }) return target;
            var text = InlineText.Of(link, null);
            var m = System.Text.RegularExpressions.Regex.Match(text, @"^\s*(?:(?:[Ss]ection|§)\s*)?(?<n>\d{1,2}(?:\.\d{1,3})+)\b");
            if (m.Success && m.Groups["n"].Value != number)
                diagnostics.Add(Rules.LinkTextMismatch, SourceLocator.Locate(section, link, link.Url),
                    $"The link reads \"{text.Trim()}\" but leads to section {number}.");
            return target;
        }

        private void Record(PolicyDocument doc, Section from, MarkdownObject node, XrefTarget? target)
        {
            if (target is null) return;
            targets.AddOrUpdate(node, target);
            // The text before section 1 is no section to list among a section's backlinks.
            if (from.Number.Length > 0 && target is { Kind: XrefKind.Section, DocumentId: { } d, SectionNumber: { } n } && !(d == doc.Id && n == from.Number))
            {
                lock (backlinks)
                {
                    if (!backlinks.TryGetValue((d, n), out var list)) backlinks[(d, n)] = list = [];
                    list.Add((doc.Id, from.Number, from.DisplayTitle));
                }
            }
        }

        private XrefTarget? ResolveXref(PolicyDocument doc, Section section, XrefInline x)
        {
            var literal = "[[" + x.Raw + "]]";
            XrefTarget? Fail(string message)
            {
                diagnostics.Add(Rules.UnresolvedXref, SourceLocator.Locate(section, x, literal), message);
                return null;
            }
            switch (x.Kind)
            {
                case XrefKind.Document:
                {
                    var target = set.Find(x.Target);
                    if (target is null) return Fail($"[[{x.Raw}]] names no document or section{Suggest(x.Target, set.Documents.Select(d => d.Id))}.");
                    return new XrefTarget(XrefKind.Document, target.Id, null, "", x.CustomText ?? target.Info.Title, target.Info.Title);
                }
                case XrefKind.Section:
                {
                    var targetDoc = x.DocumentId is null ? doc : set.Find(x.DocumentId);
                    if (targetDoc is null)
                        return Fail($"[[{x.Raw}]]: there is no document '{x.DocumentId}'{Suggest(x.DocumentId!, set.Documents.Select(d => d.Id))}.");
                    var s = targetDoc.Find(x.Target);
                    if (s is null)
                        return Fail($"[[{x.Raw}]]: {(x.DocumentId is null ? "this document" : targetDoc.Info.ShortTitle)} has no section {x.Target}.");
                    var prefix = x.DocumentId is null || targetDoc == doc ? "" : targetDoc.Info.KindLabel + " ";
                    return new XrefTarget(XrefKind.Section, targetDoc.Id, s.Number, s.Anchor,
                        x.CustomText ?? $"{prefix}Section {s.Number} ({s.Title})", s.Title);
                }
                case XrefKind.Term:
                {
                    var term = set.Data.Glossary.FirstOrDefault(t => t.Id == x.Target)
                               ?? set.Data.Glossary.FirstOrDefault(t => string.Equals(t.Term, x.Target, StringComparison.OrdinalIgnoreCase));
                    if (term is null)
                        return Fail($"[[{x.Raw}]]: the glossary (data/glossary.yaml) has no term '{x.Target}'{Suggest(x.Target, set.Data.Glossary.Select(t => t.Term))}.");
                    return Anchored(doc, XrefKind.Term, "term-" + term.Id, x.CustomText ?? term.Term, term.Definition);
                }
                case XrefKind.Role:
                {
                    var role = set.Data.Roles.FirstOrDefault(r => r.Id == x.Target);
                    if (role is null)
                        return Fail($"[[{x.Raw}]]: data/roles.yaml has no role '{x.Target}'{Suggest(x.Target, set.Data.Roles.Select(r => r.Id))}.");
                    return Anchored(doc, XrefKind.Role, "role-" + role.Id, x.CustomText ?? role.Name, string.Join("; ", role.Duties));
                }
                case XrefKind.Ca:
                {
                    var ca = set.Data.Cas.FirstOrDefault(c => c.Id == x.Target);
                    if (ca is null)
                        return Fail($"[[{x.Raw}]]: data/cas.yaml has no CA '{x.Target}'{Suggest(x.Target, set.Data.Cas.Select(c => c.Id))}.");
                    return Anchored(doc, XrefKind.Ca, "ca-" + ca.Id, x.CustomText ?? ca.Name, ca.Subject);
                }
                case XrefKind.Recommendation:
                {
                    var rec = set.Data.Recommendations.FirstOrDefault(r => r.Id == x.Target);
                    if (rec is null)
                        return Fail($"[[{x.Raw}]]: data/recommendations.yaml has no recommendation '{x.Target}'{Suggest(x.Target, set.Data.Recommendations.Select(r => r.Id))}.");
                    return new XrefTarget(XrefKind.Recommendation, null, null, "rec-" + rec.Id, x.CustomText ?? rec.Id, rec.Text);
                }
                case XrefKind.AnchorLink:
                {
                    // An anchor anywhere in this document, the section of the link included; a section's own anchor
                    // ([[#section-4.9.1|...]]) is a link to that section.
                    if (!anchors[doc.Id].TryGetValue(x.Target, out var holder))
                        return Fail($"[[{x.Raw}]]: this document has no anchor '{x.Target}'{Suggest(x.Target, anchors[doc.Id].Keys)}.");
                    var s = Holder(doc, holder);
                    return s is not null && s.Anchor == x.Target
                        ? new XrefTarget(XrefKind.Section, doc.Id, s.Number, s.Anchor, x.CustomText ?? s.DisplayTitle, s.Title)
                        : new XrefTarget(XrefKind.Anchor, doc.Id, holder, x.Target, x.CustomText ?? x.Target, null);
                }
                default:
                    return null;
            }
        }

        /// <summary>Terms, roles and CAs link to the block that defines them: in this document if it has it, else the first that does.</summary>
        private XrefTarget Anchored(PolicyDocument doc, XrefKind kind, string anchor, string text, string? title)
        {
            foreach (var d in set.Documents.OrderBy(d => d == doc ? 0 : 1))
                if (anchors[d.Id].TryGetValue(anchor, out var number))
                    return new XrefTarget(kind, d.Id, number, anchor, text, title);
            return new XrefTarget(kind, null, null, anchor, text, title);
        }

        private XrefTarget? ResolveXrefUrl(PolicyDocument doc, Section section, LinkInline link, string url)
        {
            var rest = url["xref:".Length..];
            var hash = rest.IndexOf('#');
            var docId = hash < 0 ? rest : rest[..hash];
            var fragment = hash < 0 ? null : rest[(hash + 1)..];
            var targetDoc = docId.Length == 0 ? doc : set.Find(docId);
            var span = SourceLocator.Locate(section, link, url);
            if (targetDoc is null)
            {
                diagnostics.Add(Rules.UnresolvedXref, span, $"Link {url}: there is no document '{docId}'{Suggest(docId, set.Documents.Select(d => d.Id))}.");
                return null;
            }
            return ResolveInDocument(targetDoc, url, fragment, span);
        }

        /// <summary>A link to <paramref name="targetDoc"/>, at <paramref name="fragment"/> (a section number, an anchor or
        /// a heading's id) when there is one.</summary>
        private XrefTarget? ResolveInDocument(PolicyDocument targetDoc, string url, string? fragment, SourceSpan span)
        {
            if (string.IsNullOrEmpty(fragment))
                return new XrefTarget(XrefKind.Document, targetDoc.Id, null, "", targetDoc.Info.Title, targetDoc.Info.Title);
            var number = fragment.StartsWith("section-", StringComparison.Ordinal) ? fragment["section-".Length..] : fragment;
            var s = targetDoc.Find(number);
            if (s is not null)
                return new XrefTarget(XrefKind.Section, targetDoc.Id, s.Number, s.Anchor, $"Section {s.Number} ({s.Title})", s.Title);
            if (slugs[targetDoc.Id].TryGetValue(fragment, out var canonical) && anchors[targetDoc.Id].ContainsKey(canonical))
                fragment = canonical;
            if (anchors[targetDoc.Id].TryGetValue(fragment, out var holder))
                return Holder(targetDoc, holder) is { } h && h.Anchor == fragment
                    ? new XrefTarget(XrefKind.Section, targetDoc.Id, h.Number, h.Anchor, $"Section {h.Number} ({h.Title})", h.Title)
                    : new XrefTarget(XrefKind.Anchor, targetDoc.Id, holder, fragment, fragment, null);
            diagnostics.Add(Rules.UnresolvedXref, span, $"Link {url}: {targetDoc.Info.ShortTitle} has no section or anchor '{fragment}'.");
            return null;
        }

        /// <summary>
        /// A relative link, taken from the document's page as a browser would: to another document's page (<c>../cp/</c>,
        /// <c>../cp/index.html#section-1.2</c>) it is a link to that document; anything else is a page the site does not
        /// have, and the error says so at the link. A bare heading id without its <c>#</c> (<c>161-definitions</c>) is fixed
        /// by <c>check --fix</c>.
        /// </summary>
        private XrefTarget? ResolveRelative(PolicyDocument doc, Section section, LinkInline link, string url)
        {
            var span = SourceLocator.Locate(section, link, url);
            var hash = url.IndexOf('#');
            var path = hash < 0 ? url : url[..hash];
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
            if (path.IndexOf('?') is var q and >= 0) path = path[..q];
            var decoded = Uri.UnescapeDataString(path);
            var parts = decoded.StartsWith('/') ? new List<string>() : [doc.Id];
            var outside = false;
            foreach (var p in decoded.Split('/'))
            {
                if (p is "" or ".") continue;
                if (p != "..") parts.Add(p);
                else if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                else outside = true;
            }
            if (parts.Count == 2 && parts[1] == "index.html") parts.RemoveAt(1);
            if (!outside && parts.Count == 1 && set.Find(parts[0]) is { } target)
                return ResolveInDocument(target, url, fragment, span);

            if (fragment is null && !decoded.Contains('/') && HeadingId(doc, decoded) is { } id)
            {
                diagnostics.Add(Rules.RelativeLink.At(span,
                    $"Link '{url}' is a relative link to a page the site does not have; '#{id}' is a heading of this document (check --fix adds the '#').")
                    with { Fix = new TextFix("](" + url, "](#" + url) });
                return null;
            }
            var where = outside ? "outside the site" : string.Join('/', parts);
            // "rfc-editor.org/rfc/rfc7292.txt": a web address that lost its scheme.
            var web = HostLike().IsMatch(decoded.Split('/')[0]) && (decoded.Contains('/') || decoded.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
                ? $" It looks like a web address without its scheme: write https://{url}." : "";
            diagnostics.Add(Rules.RelativeLink, span,
                $"Link '{url}' is a relative link to {where}, a page the site does not have; only another document of the set is one ({string.Join(", ", set.Documents.Select(d => "../" + d.Id + "/"))}).{web}");
            return null;
        }

        /// <summary>The id of this document's section or heading that <paramref name="text"/> names, if any.</summary>
        private string? HeadingId(PolicyDocument doc, string text) =>
            anchors[doc.Id].ContainsKey(text) || slugs[doc.Id].ContainsKey(text) ? text
            : slugs[doc.Id].ContainsKey(text.ToLowerInvariant()) ? text.ToLowerInvariant() : null;

        private XrefTarget? ResolveFragment(PolicyDocument doc, Section section, LinkInline link, string fragment)
        {
            var decoded = Uri.UnescapeDataString(fragment);
            if (slugs[doc.Id].TryGetValue(decoded, out var canonical) && anchors[doc.Id].TryGetValue(decoded, out _) && canonical != decoded)
                decoded = canonical; // a section's GitHub id: the link goes to the section
            if (anchors[doc.Id].TryGetValue(decoded, out var number))
            {
                var s = Holder(doc, number);
                return new XrefTarget(s is not null && s.Anchor == decoded ? XrefKind.Section : XrefKind.Anchor, doc.Id, number, decoded, decoded, s?.Title);
            }
            if (slugs[doc.Id].TryGetValue(decoded, out var anchor) || slugs[doc.Id].TryGetValue(decoded.ToLowerInvariant(), out anchor))
            {
                var holder = anchors[doc.Id][anchor];
                var s = Holder(doc, holder);
                return s is not null && s.Anchor == anchor
                    ? new XrefTarget(XrefKind.Section, doc.Id, s.Number, anchor, anchor, s.Title)
                    : new XrefTarget(XrefKind.Anchor, doc.Id, holder, anchor, anchor, null);
            }
            if (fragment.StartsWith("fn", StringComparison.Ordinal)) return null; // footnote links generated by Markdig
            diagnostics.Add(Rules.UnresolvedAnchor, SourceLocator.Locate(section, link, "#" + fragment),
                $"Link to #{fragment} matches no section heading or anchor of this document{Suggest(decoded, anchors[doc.Id].Keys)}.");
            return null;
        }

        private static string Suggest(string word, IEnumerable<string> candidates) => Loading.Suggest.Hint(word, candidates);
    }
}
