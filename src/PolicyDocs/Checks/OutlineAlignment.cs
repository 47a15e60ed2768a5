using PolicyDocs.Model;
using PolicyDocs.Outline;

namespace PolicyDocs.Checks;

/// <summary>
/// Aligns each document's sections to the RFC 3647 outline by number AND normalised title, then reports
/// missing sections (PD0101), sections out of outline order (PD0102), titles that differ (PD0103, naming the
/// known variant) and sections that are shifted or renumbered (PD0104). Returns the documents with every
/// section's <see cref="Section.Outline"/> set.
/// </summary>
internal static class OutlineAlignment
{
    /// <summary>Aligns one document.</summary>
    /// <param name="doc">The document.</param>
    /// <param name="diagnostics">Where findings go.</param>
    /// <param name="strict">Raise title differences to errors.</param>
    public static PolicyDocument Align(PolicyDocument doc, DiagnosticBag diagnostics, bool strict)
    {
        if (!doc.Info.FollowsRfc3647) return doc; // kind: other, outline: none: numbered sections of its own
        var outline = Rfc3647Outline.Instance;
        if (!doc.Info.OutlineStated && !LooksLikeRfc3647(doc, outline))
        {
            diagnostics.Add(Rules.NotRfc3647, doc.Info.Span,
                $"'{doc.Info.Title}' does not follow the RFC 3647 outline: fewer than half of its chapters ({string.Join(", ", doc.Sections.Select(c => c.Number))}) carry RFC 3647's chapter titles, so it is checked without the outline.");
            return doc.WithInfo(doc.Info with { FollowsRfc3647 = false });
        }
        var sections = doc.AllSections;
        var match = new Dictionary<Section, OutlineEntry>(ReferenceEqualityComparer.Instance);
        var taken = new Dictionary<string, Section>(StringComparer.Ordinal);
        var titleSeverity = strict ? Severity.Error : Severity.Warning;

        // Pass 1: number and title agree (exactly, or as a known variant of that number).
        foreach (var s in sections)
        {
            var entry = outline.Find(s.Number);
            if (entry is null || taken.ContainsKey(entry.Id)) continue;
            var key = TitleKey.Normalize(s.Title);
            if (entry.Key == key)
            {
                Take(s, entry);
                continue;
            }
            var variant = outline.FindVariants(key).FirstOrDefault(v => v.Id == s.Number && v.Number is null);
            if (variant is not null)
            {
                Take(s, entry);
                diagnostics.Add(Rules.TitleMismatch.At(s.Span,
                    $"Section {s.Number} \"{s.Title}\" uses the {variant.Source} title; RFC 3647 calls it \"{entry.Title}\".", titleSeverity));
            }
        }

        // Pass 2: the title belongs to another outline entry: the section is shifted or renumbered.
        foreach (var s in sections)
        {
            if (match.ContainsKey(s)) continue;
            var key = TitleKey.Normalize(s.Title);
            var known = outline.FindVariants(key).FirstOrDefault(v => v.Number == s.Number && !taken.ContainsKey(v.Id));
            if (known is not null)
            {
                var entry = outline.Find(known.Id)!;
                Take(s, entry);
                diagnostics.Add(Rules.Renumbered.At(s.Span,
                    $"Section {s.Number} \"{s.Title}\" is RFC 3647 {entry.Id} \"{entry.Title}\", renumbered as in the {known.Source}.", titleSeverity));
                continue;
            }
            var candidates = outline.FindByKey(key)
                .Concat(outline.FindVariants(key).Where(v => v.Number is null).Select(v => outline.Find(v.Id)!))
                .Where(e => e.Id != s.Number && !taken.ContainsKey(e.Id))
                .Distinct()
                .OrderBy(e => SectionNumber.Parent(e.Id) == SectionNumber.Parent(s.Number) ? 0 : 1)
                .ThenBy(e => Math.Abs(e.Index - (outline.Find(s.Number)?.Index ?? e.Index)))
                .ToList();
            if (candidates.Count > 0 && (outline.Find(s.Number) is not { } own || !TitleOwnedElsewhere(own, sections, s)
                                         || IsShiftChain(candidates[0], sections, outline)))
            {
                var entry = candidates[0];
                Take(s, entry);
                diagnostics.Add(Rules.Renumbered, s.Span,
                    $"Section {s.Number} \"{s.Title}\" is RFC 3647 section {entry.Id}: it is shifted or renumbered; RFC 3647 {s.Number} is \"{outline.Find(s.Number)?.Title ?? "not defined"}\".");
            }
        }

        // Pass 3: the number exists but the title is different and matches nothing else.
        foreach (var s in sections)
        {
            if (match.ContainsKey(s)) continue;
            var entry = outline.Find(s.Number);
            if (entry is null || taken.ContainsKey(entry.Id)) continue;
            Take(s, entry);
            diagnostics.Add(Rules.TitleMismatch.At(s.Span,
                $"Section {s.Number} is titled \"{s.Title}\"; RFC 3647 calls it \"{entry.Title}\".", titleSeverity));
        }

        ReportMissing(doc, outline, taken, diagnostics);
        ReportOrder(sections, match, diagnostics);
        // MapSections hands the map a copy (with mapped children), so look sections up by their heading's place.
        var byHeading = match.ToDictionary(kv => kv.Key.Span, kv => kv.Value);
        return doc.MapSections(s => byHeading.TryGetValue(s.Span, out var e) ? s with { Outline = e } : s);

        void Take(Section s, OutlineEntry e)
        {
            match[s] = e;
            taken[e.Id] = s;
        }
    }

    // The section holding the candidate's number carries yet another entry's title: a run of shifted sections.
    private static bool IsShiftChain(OutlineEntry candidate, IEnumerable<Section> sections, Rfc3647Outline outline) =>
        sections.Any(o => o.Number == candidate.Id && TitleKey.Normalize(o.Title) is var key && key != candidate.Key
                          && outline.FindByKey(key).Count > 0);

    // A section's own number entry is still a better home when no other section carries that entry's title.
    private static bool TitleOwnedElsewhere(OutlineEntry own, IEnumerable<Section> sections, Section self) =>
        !sections.Any(o => !ReferenceEquals(o, self) && TitleKey.Normalize(o.Title) == own.Key);

    private static void ReportMissing(PolicyDocument doc, Rfc3647Outline outline, Dictionary<string, Section> taken, DiagnosticBag diagnostics)
    {
        var entries = outline.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (taken.ContainsKey(e.Id)) continue;
            // Only report the topmost missing entry of a missing subtree once per entry, located where it belongs:
            // at the next present section in outline order, else the parent, else the document.
            SourceSpan? at = null;
            for (var j = i + 1; j < entries.Count && at is null; j++)
                if (taken.TryGetValue(entries[j].Id, out var next)) at = next.Span;
            // check --fix writes the missing heading with "No stipulation." just above the next section's heading, when the
            // section before it in the outline is in the same file (so the file is the right one, and a file not read is no gap to fill).
            SourceSpan? previous = null;
            for (var j = i - 1; j >= 0 && previous is null; j--)
                if (taken.TryGetValue(entries[j].Id, out var earlier)) previous = earlier.Span;
            var fix = at is { } before && previous is { } after && after.Path == before.Path
                ? new TextFix("", $"{new string('#', e.Depth)} {e.Id} {e.Title}\n\nNo stipulation.\n\n")
                : null;
            for (var p = e.ParentId; at is null && p is not null; p = SectionNumber.Parent(p))
                if (taken.TryGetValue(p, out var parent)) at = parent.Span;
            at ??= doc.AllSections.LastOrDefault()?.Span ?? doc.Info.Span;
            diagnostics.Add(Rules.MissingSection.At(at.Value,
                $"Section {e.Id} \"{e.Title}\" is missing from {doc.Info.ShortTitle}; it belongs before this line.") with { Fix = fix });
        }
    }

    private static void ReportOrder(IEnumerable<Section> sections, Dictionary<Section, OutlineEntry> match, DiagnosticBag diagnostics)
    {
        OutlineEntry? latest = null;
        Section? latestSection = null;
        foreach (var s in sections)
        {
            if (!match.TryGetValue(s, out var e)) continue;
            if (latest is not null && e.Index < latest.Index)
            {
                diagnostics.Add(Rules.OutOfOrder, s.Span,
                    $"Section {s.Number} \"{s.Title}\" comes after section {latestSection!.Number}, but RFC 3647 puts {e.Id} before {latest.Id}.");
                continue;
            }
            latest = e;
            latestSection = s;
        }
    }

    /// <summary>
    /// True when at least half of the document's chapters carry RFC 3647's chapter title (or a known variant) for
    /// their number, or a number the outline gives that title: a CP/CPS, even a loosely titled one, passes; a
    /// requirements document with chapters of its own ("1. Scope", "2. Purpose") does not.
    /// </summary>
    private static bool LooksLikeRfc3647(PolicyDocument doc, Rfc3647Outline outline)
    {
        if (doc.Sections.IsEmpty) return true;
        var matching = doc.Sections.Count(c =>
        {
            var key = TitleKey.Normalize(c.Title);
            return outline.Find(c.Number) is { } entry && (entry.Key == key || outline.FindVariants(key).Any(v => v.Id == c.Number))
                || outline.FindByKey(key).Any(e => e.Depth == 1);
        });
        return matching * 2 >= doc.Sections.Length;
    }
}
