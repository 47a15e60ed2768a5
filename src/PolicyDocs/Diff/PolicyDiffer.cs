using System.Globalization;
using PolicyDocs.Model;
using PolicyDocs.Outline;
using PolicyDocs.Compiling;

namespace PolicyDocs.Diff;

/// <summary>
/// Compares two resolved versions of a policy set. Sections are matched by number and normalised title;
/// a section found under another number is "moved" (renumbered), not deleted and added.
/// </summary>
public static class PolicyDiffer
{
    /// <summary>Compares <paramref name="from"/> with <paramref name="to"/>; <paramref name="onlyDocument"/> limits it to one document.</summary>
    public static ChangeSet Compare(Compilation from, Compilation to, string fromLabel, string toLabel, string? onlyDocument = null)
    {
        var a = from.Set ?? throw new ArgumentException("old version did not load", nameof(from));
        var b = to.Set ?? throw new ArgumentException("new version did not load", nameof(to));
        var docs = new List<DocumentChange>();
        foreach (var newDoc in b.Documents)
        {
            if (onlyDocument is not null && newDoc.Id != onlyDocument) continue;
            docs.Add(CompareDocument(a.Find(newDoc.Id), newDoc, from, to));
        }
        foreach (var oldDoc in a.Documents)
        {
            if (onlyDocument is not null && oldDoc.Id != onlyDocument) continue;
            if (b.Find(oldDoc.Id) is null) docs.Add(CompareDocument(oldDoc, null, from, to));
        }
        var data = onlyDocument is null || docs.Count > 0 ? DataDiffer.Compare(a, b, docs) : [];
        return new ChangeSet(fromLabel, toLabel, docs, data);
    }

    private static DocumentChange CompareDocument(PolicyDocument? oldDoc, PolicyDocument? newDoc, Compilation from, Compilation to)
    {
        var doc = (newDoc ?? oldDoc)!;
        var metadata = oldDoc is not null && newDoc is not null ? Metadata(oldDoc.Info, newDoc.Info) : [];
        var sections = new List<SectionChange>();
        var oldSections = oldDoc is null ? [] : oldDoc.AllSections.Concat(oldDoc.Appendices).ToList();
        var newSections = newDoc is null ? [] : newDoc.AllSections.Concat(newDoc.Appendices).ToList();
        var pairs = Match(oldSections, newSections);
        var matchedOld = pairs.Values.ToHashSet();
        var oldIndex = oldSections.Select((s, i) => (s, i)).ToDictionary(t => t.s, t => t.i);
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
            FromVersion = oldDoc?.Info.Version,
            ToVersion = newDoc?.Info.Version,
            Kind = kind,
            Metadata = metadata,
            Sections = sections,
        };
    }

    /// <summary>Pairs new sections with old ones: same number and title; same title elsewhere (moved); same number (retitled).</summary>
    private static Dictionary<Section, Section> Match(List<Section> olds, List<Section> news)
    {
        var pairs = new Dictionary<Section, Section>(ReferenceEqualityComparer.Instance);
        var usedOld = new HashSet<Section>(ReferenceEqualityComparer.Instance);
        string Id(Section s) => (s.IsAppendix ? "appendix " : "") + s.Number;
        string Key(Section s) => (s.IsAppendix ? "appendix " : "") + TitleKey.Normalize(s.Title);
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

    private static SectionChange? CompareSection(Section o, Section n, Compilation from, Compilation to)
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
            DataDriven = changes.Count > 0 && o.Source == n.Source,
            Span = n.Span,
        };
    }

    private static SectionChange Whole(Section s, ChangeKind kind, Compilation c)
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
            Span = s.Span,
        };
    }

    private static List<MetadataChange> Metadata(DocumentInfo a, DocumentInfo b)
    {
        var result = new List<MetadataChange>();
        void Cmp(string field, string? x, string? y)
        {
            if (x != y) result.Add(new MetadataChange(field, x, y));
        }
        Cmp("title", a.Title, b.Title);
        Cmp("short_title", a.ShortTitle, b.ShortTitle);
        Cmp("oid", a.Oid, b.Oid);
        Cmp("version", a.Version, b.Version);
        Cmp("effective_date", Date(a.EffectiveDate), Date(b.EffectiveDate));
        Cmp("status", a.Status.ToString().ToLowerInvariant(), b.Status.ToString().ToLowerInvariant());
        Cmp("cas", string.Join(", ", a.Cas), string.Join(", ", b.Cas));
        Cmp("implements", string.Join(", ", a.Implements), string.Join(", ", b.Implements));
        var oldRevs = a.Revisions.Select(r => r.Version).ToHashSet();
        foreach (var r in b.Revisions.Where(r => !oldRevs.Contains(r.Version)))
            result.Add(new MetadataChange("revisions", null, $"{r.Version} ({Date(r.Date)}): {r.Summary}"));
        return result;
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
