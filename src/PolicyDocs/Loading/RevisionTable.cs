using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyDocs.Model;

namespace PolicyDocs.Loading;

/// <summary>
/// Reads the revision table a published document already has into its history. A table counts when it sits in
/// section 1.2 (or below it), in the text before section 1, in a section titled "Revision History", "Document History",
/// "Revisions", "Change History" (and the like, see HistoryTitles), or under such an unnumbered heading anywhere; and when its header names a version column
/// ("Version", "Vers.", "Ver.", "Rev."; see Columns) and a date column ("Date", "Adopted", "Approved", "Published", "Effective"). A
/// "Description", "Changes", "Summary" or "Comments" column gives the summary; a "Ballot" column is added to it.
/// Rows whose version cell holds no version number ("--") are not versions of the document and are passed over;
/// a row with a version but no date that can be read is reported as a warning and left out.
/// </summary>
internal static partial class RevisionTable
{
    /// <summary>One row read: the revision (dated by its first date column) and its "Effective" date, if the table has one.</summary>
    internal sealed record Row(Revision Revision, DateOnly? Effective);

    /// <summary>The rows of every revision table of the document, in version order (lowest first), one per version.</summary>
    public static ImmutableArray<Row> Read(Section? preamble, ImmutableArray<Section> sections, ImmutableArray<Section> appendices, DiagnosticBag d)
    {
        var rows = new List<Row>();
        if (preamble is not null) Scan(preamble, true, rows, d);
        void Walk(Section s)
        {
            Scan(s, s.Number == "1.2" || s.Number.StartsWith("1.2.", StringComparison.Ordinal) || IsHistoryTitle(s.Title), rows, d);
            foreach (var c in s.Children) Walk(c);
        }
        foreach (var s in sections) Walk(s);
        foreach (var s in appendices) Walk(s);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. rows.Where(r => seen.Add(r.Revision.Version)).OrderBy(r => r.Revision.Version, Comparer<string>.Create(VersionNumber.Compare))];
    }

    private static void Scan(Section section, bool sectionCounts, List<Row> rows, DiagnosticBag d)
    {
        var lines = SectionSplitter.EnumerateLines(section.Source).ToList();
        var underHeading = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var heading = Heading().Match(lines[i]);
            if (heading.Success)
            {
                underHeading = IsHistoryTitle(heading.Groups[1].Value);
                continue;
            }
            if (i + 1 >= lines.Count || !lines[i].Contains('|') || !Delimiter().IsMatch(lines[i + 1])) continue;
            var start = i;
            var end = i + 2;
            while (end < lines.Count && lines[end].Contains('|') && !string.IsNullOrWhiteSpace(lines[end])) end++;
            if (sectionCounts || underHeading) ReadTable(section, lines, start, end, rows, d);
            i = end - 1;
        }
    }

    private static void ReadTable(Section section, List<string> lines, int start, int end, List<Row> rows, DiagnosticBag d)
    {
        var header = Cells(lines[start]).Select(ColumnOf).ToList();
        var version = header.IndexOf(Column.Version);
        var effective = header.IndexOf(Column.Effective);
        var dated = header.Select((c, i) => (c, i)).Where(x => x.c == Column.Date).Select(x => x.i).ToList();
        if (effective >= 0) dated.Add(effective);
        if (version < 0 || dated.Count == 0) return;
        var summary = header.IndexOf(Column.Summary);
        var ballot = header.IndexOf(Column.Ballot);
        for (var i = start + 2; i < end; i++)
        {
            var cells = Cells(lines[i]);
            string Cell(int c) => c >= 0 && c < cells.Count ? cells[c] : "";
            var v = VersionCell().Match(Cell(version));
            if (!v.Success) continue;
            var span = new SourceSpan(section.Span.Path, section.SourceLine + i, 1);
            var date = dated.Select(c => WrittenDate.TryParse(Cell(c))).FirstOrDefault(x => x is not null);
            if (date is null)
            {
                d.Add(Rules.BadValue.At(span, $"The revision table's row for version {v.Groups[1].Value} has no date PolicyDocs can read (e.g. 2026-03-31 or March 31, 2026); it is left out of the document history.", Severity.Warning));
                continue;
            }
            var text = Cell(summary);
            if (ballot >= 0 && Cell(ballot).Length > 0 && Cell(ballot) is not ("-" or "--" or "n/a" or "N/A"))
                text = text.Length == 0 ? $"Ballot {Cell(ballot)}" : $"{text} (Ballot {Cell(ballot)})";
            rows.Add(new Row(new Revision(v.Groups[1].Value, date.Value, text, null, span), effective >= 0 ? WrittenDate.TryParse(Cell(effective)) : null));
        }
    }

    // The cells of a pipe-table row as plain text: emphasis markers, escapes and line breaks removed.
    private static List<string> Cells(string line)
    {
        var t = line.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|') && !t.EndsWith("\\|", StringComparison.Ordinal)) t = t[..^1];
        return [.. CellSplit().Split(t).Select(c => Spaces().Replace(Markup().Replace(Break().Replace(c, " "), ""), " ").Replace("\\", "").Trim())];
    }

    private static string Key(string header) => NonLetters().Replace(header.ToLowerInvariant(), "");

    /// <summary>What a revision table's column holds.</summary>
    private enum Column { Other, Version, Effective, Date, Summary, Ballot }

    /// <summary>
    /// The column names read, as header keys (lower-case letters only: "Vers." is "vers"): a name matches its key
    /// exactly, or as a prefix when it ends in '*', or anywhere when it also starts with '*'. The first column whose
    /// names match wins, so "Effective Date" is the effective column, not a date column.
    /// </summary>
    private static readonly (Column Column, string[] Names)[] Columns =
    [
        (Column.Version, ["version", "vers", "ver", "v", "versionno", "versionnumber", "rev", "revision", "revisionno"]),
        (Column.Effective, ["*effective*"]),
        (Column.Date, ["*date*", "adopted", "approved", "published", "released", "issued"]),
        (Column.Summary, ["description", "changes", "change", "summary", "summaryofchanges", "changedescription",
            "descriptionofchanges", "comments", "comment", "notes", "details", "remarks"]),
        (Column.Ballot, ["ballot*"]),
    ];

    /// <summary>
    /// Titles of a section or heading holding the revision table, as keys (lower-case letters and single spaces).
    /// </summary>
    private static readonly FrozenSet<string> HistoryTitles = FrozenSet.Create(StringComparer.Ordinal,
        "revision history", "document history", "version history", "change history", "history of changes",
        "revisions", "revision", "document revisions", "change log", "changelog", "record of changes");

    private static Column ColumnOf(string header)
    {
        var key = Key(header);
        foreach (var (column, names) in Columns)
            if (names.Any(n => n.StartsWith('*') ? key.Contains(n.Trim('*'), StringComparison.Ordinal)
                    : n.EndsWith('*') ? key.StartsWith(n[..^1], StringComparison.Ordinal) : key == n))
                return column;
        return Column.Other;
    }

    /// <summary>True when <paramref name="title"/> names a revision history ("Revision History", "Change Log", "Revisions").</summary>
    private static bool IsHistoryTitle(string title) =>
        HistoryTitles.Contains(Spaces().Replace(NonLettersOrSpace().Replace(title.ToLowerInvariant(), " "), " ").Trim());

    [GeneratedRegex("[^a-z ]")]
    private static partial Regex NonLettersOrSpace();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex Delimiter();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"\*\*|__|(?<![\w\\])[*_]|[*_](?!\w)")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[^a-z]")]
    private static partial Regex NonLetters();

    [GeneratedRegex(@"^(?:v(?:er(?:sion)?)?\.?\s*)?(\d+(?:\.\d+)*)$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionCell();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")]
    private static partial Regex Heading();
}
