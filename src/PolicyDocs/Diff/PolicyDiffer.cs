using System.Globalization;
using PolicyDocs.Model;
using PolicyDocs.Outline;
using PolicyDocs.Publication;

namespace PolicyDocs.Diff;

/// <summary>
/// Compares two resolved versions of a policy set. Sections are matched by number and normalised title;
/// a section found under another number is "moved" (renumbered), not deleted and added.
/// </summary>
internal static class PolicyDiffer
{
    /// <summary>Compares <paramref name="from"/> with <paramref name="to"/>; <paramref name="onlyDocument"/> limits it to one document.</summary>
    public static ChangeSet Compare(PublishedSet from, PublishedSet to, string fromLabel, string toLabel, string? onlyDocument = null)
    {
        var docs = new List<DocumentChange>();
        foreach (var newDoc in to.Documents)
        {
            if (onlyDocument is not null && newDoc.Id != onlyDocument) continue;
            docs.Add(CompareDocument(from.Find(newDoc.Id), newDoc, from, to));
        }
        foreach (var oldDoc in from.Documents)
        {
            if (onlyDocument is not null && oldDoc.Id != onlyDocument) continue;
            if (to.Find(oldDoc.Id) is null) docs.Add(CompareDocument(oldDoc, null, from, to));
        }
        var data = onlyDocument is null || docs.Count > 0 ? DataDiffer.Compare(from.Set, to.Set, docs) : [];
        return new ChangeSet(fromLabel, toLabel, docs, data);
    }

    // The sections a document's changes are counted in: every numbered section depth-first, then the appendices.
    private static List<PublishedSection> Compared(PublishedDocument? doc)
    {
        var list = new List<PublishedSection>();
        void Walk(PublishedSection s)
        {
            list.Add(s);
            foreach (var c in s.Children) Walk(c);
        }
        if (doc is null) return list;
        foreach (var s in doc.Sections) Walk(s);
        foreach (var a in doc.Appendices) Walk(a);
        return list;
    }

    private static DocumentChange CompareDocument(PublishedDocument? oldDoc, PublishedDocument? newDoc, PublishedSet from, PublishedSet to)
    {
        var doc = (newDoc ?? oldDoc)!.Document;
        var metadata = oldDoc is not null && newDoc is not null ? Metadata(oldDoc.Document.Info, newDoc.Document.Info) : [];
        var sections = new List<SectionChange>();
        var oldSections = Compared(oldDoc);
        var newSections = Compared(newDoc);
        var pairs = Match(oldSections, newSections);
        var matchedOld = pairs.Values.ToHashSet(ReferenceEqualityComparer.Instance);
        var oldIndex = new Dictionary<PublishedSection, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < oldSections.Count; i++) oldIndex[oldSections[i]] = i;
        var pendingRemoved = oldSections.Where(s => !matchedOld.Contains(s)).ToList();
        foreach (var n in newSections)
        {
            if (pairs.TryGetValue(n, out var o))
            {
                // Emit removed sections that came before this one in the old document.
                foreach (var r in pendingRemoved.Where(r => oldIndex[r] < oldIndex[o]).ToList())
                {
                    sections.Add(Whole(r, ChangeKind.Removed, from));
                    pendingRemoved.Remove(r);
                }
                var change = CompareSection(o, n, from, to);
                if (change is not null) sections.Add(change);
            }
            else sections.Add(Whole(n, ChangeKind.Added, to));
        }
        sections.AddRange(pendingRemoved.Select(r => Whole(r, ChangeKind.Removed, from)));
        ChangeKind? kind = oldDoc is null ? ChangeKind.Added : newDoc is null ? ChangeKind.Removed
            : sections.Count > 0 || metadata.Count > 0 ? ChangeKind.Modified : null;
        return new DocumentChange
        {
            DocumentId = doc.Id,
            Title = doc.Info.Title,
            FromVersion = oldDoc?.Document.Info.Version,
            ToVersion = newDoc?.Document.Info.Version,
            Kind = kind,
            Metadata = metadata,
            Sections = sections,
        };
    }

    /// <summary>Pairs new sections with old ones: same number and title; same title elsewhere (moved); same number (retitled).</summary>
    private static Dictionary<PublishedSection, PublishedSection> Match(List<PublishedSection> olds, List<PublishedSection> news)
    {
        var pairs = new Dictionary<PublishedSection, PublishedSection>(ReferenceEqualityComparer.Instance);
        var usedOld = new HashSet<PublishedSection>(ReferenceEqualityComparer.Instance);
        string Id(PublishedSection s) => (s.IsAppendix ? "appendix " : "") + s.Number;
        string Key(PublishedSection s) => (s.IsAppendix ? "appendix " : "") + TitleKey.Normalize(s.Title);
        var oldById = olds.GroupBy(Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var n in news)
            if (oldById.TryGetValue(Id(n), out var o) && Key(o) == Key(n) && usedOld.Add(o)) pairs[n] = o;
        var oldByKey = olds.Where(o => !usedOld.Contains(o)).GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var n in news)
        {
            if (pairs.ContainsKey(n) || !oldByKey.TryGetValue(Key(n), out var candidates)) continue;
            var o = candidates.Where(c => !usedOld.Contains(c))
                .OrderBy(c => SectionNumber.Parent(c.Number) == SectionNumber.Parent(n.Number) ? 0 : 1).FirstOrDefault();
            if (o is not null && usedOld.Add(o)) pairs[n] = o;
        }
        foreach (var n in news)
            if (!pairs.ContainsKey(n) && oldById.TryGetValue(Id(n), out var o) && !usedOld.Contains(o) && !news.Any(x => Id(x) != Id(n) && Key(x) == Key(o)))
            {
                usedOld.Add(o);
                pairs[n] = o;
            }
        return pairs;
    }

    private static SectionChange? CompareSection(PublishedSection o, PublishedSection n, PublishedSet from, PublishedSet to)
    {
        var oldBlocks = BlockExtractor.Extract(o.Body, from.Xrefs);
        var newBlocks = BlockExtractor.Extract(n.Body, to.Xrefs);
        var (layout, changes) = BlockDiffer.Compare(oldBlocks, newBlocks);
        var moved = o.Number != n.Number;
        var retitled = o.Title != n.Title;
        if (!moved && !retitled && changes.Count == 0) return null;
        var titleClass = retitled ? BlockDiffer.Classify(o.Title, n.Title) : ChangeClass.Editorial;
        var cls = changes.Any(c => c.Class == ChangeClass.Normative) || titleClass == ChangeClass.Normative ? ChangeClass.Normative : ChangeClass.Editorial;
        return new SectionChange
        {
            Kind = moved ? ChangeKind.Moved : ChangeKind.Modified,
            OldNumber = o.Number,
            NewNumber = n.Number,
            OldTitle = o.Title,
            NewTitle = n.Title,
            Class = cls,
            Blocks = changes,
            Layout = layout,
            DataDriven = changes.Count > 0 && o.Source.Source == n.Source.Source,
            Span = n.Source.Span,
            OldSection = o,
            NewSection = n,
        };
    }

    private static SectionChange Whole(PublishedSection s, ChangeKind kind, PublishedSet c)
    {
        var op = kind == ChangeKind.Added ? DiffOp.Inserted : DiffOp.Deleted;
        var blocks = BlockExtractor.Extract(s.Body, c.Xrefs);
        var changes = blocks.Select(b => new BlockChange(op, b.Kind, op == DiffOp.Deleted ? b : null, op == DiffOp.Inserted ? b : null,
            [new DiffSpan(op, b.Text)], [], ChangeClass.Normative)).ToList();
        return new SectionChange
        {
            Kind = kind,
            OldNumber = kind == ChangeKind.Removed ? s.Number : null,
            NewNumber = kind == ChangeKind.Added ? s.Number : null,
            OldTitle = kind == ChangeKind.Removed ? s.Title : null,
            NewTitle = kind == ChangeKind.Added ? s.Title : null,
            Class = s.IsNoStipulation ? ChangeClass.Editorial : ChangeClass.Normative,
            Blocks = changes,
            Layout = blocks.Zip(changes, (b, ch) => (b, (BlockChange?)ch)).ToList(),
            Span = s.Source.Span,
            OldSection = kind == ChangeKind.Removed ? s : null,
            NewSection = kind == ChangeKind.Added ? s : null,
        };
    }

    private static List<MetadataChange> Metadata(DocumentInfo a, DocumentInfo b)
    {
        var result = new List<MetadataChange>();
        void Cmp(string field, string? x, string? y)
        {
            if (x != y) result.Add(new MetadataChange(field, x, y));
        }
        // A title taken from the file's name is no statement of the document: renaming the file changes nothing.
        if (a.TitleStated && b.TitleStated) Cmp("title", a.Title, b.Title);
        if (a.TitleStated && b.TitleStated) Cmp("short_title", a.ShortTitle, b.ShortTitle);
        Cmp("subtitle", a.Subtitle, b.Subtitle);
        Cmp("oid", a.Oid, b.Oid);
        Cmp("version", a.Version, b.Version);
        Cmp("effective_date", Date(a.EffectiveDate), Date(b.EffectiveDate));
        Cmp("status", a.Status?.ToString().ToLowerInvariant(), b.Status?.ToString().ToLowerInvariant());
        Cmp("cas", string.Join(", ", a.Cas), string.Join(", ", b.Cas));
        Cmp("implements", string.Join(", ", a.Implements), string.Join(", ", b.Implements));
        var oldRevs = a.Revisions.Select(r => r.Version).ToHashSet();
        foreach (var r in b.Revisions.Where(r => !oldRevs.Contains(r.Version)))
            result.Add(new MetadataChange("revisions", null, $"{r.Version} ({Date(r.Date)}): {r.Summary}"));
        return result;
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
