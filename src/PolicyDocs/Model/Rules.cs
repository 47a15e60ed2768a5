namespace PolicyDocs.Model;

/// <summary>
/// The catalogue of every rule PolicyDocs enforces. Codes are stable: never renumber or reuse one.
/// PD00xx loading and data, PD01xx RFC 3647 structure, PD02xx cross-references, PD03xx Markdown content.
/// </summary>
public static class Rules
{
    private const string Rfc3647 = "RFC 3647 §6; Mozilla Root Store Policy 3.3(5)";

    /// <summary>A YAML file that does not parse.</summary>
    public static readonly Rule YamlSyntax = new("PD0001", "yaml-syntax", Severity.Error,
        "Fix the YAML syntax at the position shown (indentation, a missing colon, an unclosed quote).");

    /// <summary>A key that the schema does not know.</summary>
    public static readonly Rule UnknownKey = new("PD0002", "unknown-key", Severity.Error,
        "Remove the key or correct its spelling; the schemas are listed in docs/content-format.md.");

    /// <summary>A value of the wrong YAML type (a list where a text is expected, ...).</summary>
    public static readonly Rule WrongType = new("PD0003", "wrong-type", Severity.Error,
        "Give the value the type the schema expects.");

    /// <summary>A required key that is absent.</summary>
    public static readonly Rule MissingKey = new("PD0004", "missing-key", Severity.Error,
        "Add the key; the schemas are listed in docs/content-format.md.");

    /// <summary>Two records or documents with the same id.</summary>
    public static readonly Rule DuplicateId = new("PD0005", "duplicate-id", Severity.Error,
        "Ids must be unique within their kind; rename one of them.");

    /// <summary>Two headings carrying the same section number in one document.</summary>
    public static readonly Rule DuplicateSection = new("PD0006", "duplicate-section", Severity.Error,
        "Each section number may appear once per document; renumber or merge the sections.", Rfc3647);

    /// <summary>A file or folder that cannot be read or is missing.</summary>
    public static readonly Rule Unreadable = new("PD0007", "unreadable", Severity.Error,
        "Check the path and that the file exists and is readable.");

    /// <summary>A value that has the right type but is not allowed (bad date, unknown enum word, bad id).</summary>
    public static readonly Rule BadValue = new("PD0008", "bad-value", Severity.Error,
        "Use one of the allowed values shown.");

    /// <summary>Text in a document file before its first numbered section heading.</summary>
    public static readonly Rule TextOutsideSection = new("PD0009", "text-outside-section", Severity.Error,
        "Move the text under a numbered heading such as '## 1.1 Overview'.");

    /// <summary>A data record that names another record or document that does not exist.</summary>
    public static readonly Rule UnknownRecord = new("PD0010", "unknown-record", Severity.Error,
        "Use the id of an existing record (see content/data/).");

    /// <summary>A Scriban template error in prose.</summary>
    public static readonly Rule TemplateError = new("PD0011", "template-error", Severity.Error,
        "Fix the {{ ... }} expression; data is available as cas, roles, tasks, glossary, document, policyset.");

    /// <summary>A document with no sections at all.</summary>
    public static readonly Rule EmptyDocument = new("PD0012", "empty-document", Severity.Error,
        "Add Markdown files with numbered headings ('# 1. Introduction', '## 1.1 Overview').");

    /// <summary>A section required by RFC 3647 that the document lacks.</summary>
    public static readonly Rule MissingSection = new("PD0101", "missing-section", Severity.Error,
        "Add the heading; write 'No stipulation.' if the document imposes no requirement there.", Rfc3647);

    /// <summary>A section that appears before one that precedes it in the outline.</summary>
    public static readonly Rule OutOfOrder = new("PD0102", "out-of-order", Severity.Error,
        "Move the section to its place in the RFC 3647 order.", Rfc3647);

    /// <summary>A title that differs from RFC 3647.</summary>
    public static readonly Rule TitleMismatch = new("PD0103", "title-mismatch", Severity.Warning,
        "Use the RFC 3647 title; the BRs' variants are accepted with a warning.", "RFC 3647 §6");

    /// <summary>A section whose number and title disagree with the outline but match another entry.</summary>
    public static readonly Rule Renumbered = new("PD0104", "renumbered-section", Severity.Error,
        "Give the section its RFC 3647 number; put new material in extra subsections after the RFC ones.", Rfc3647);

    /// <summary>A section with no text and no subsections.</summary>
    public static readonly Rule BlankSection = new("PD0105", "blank-section", Severity.Error,
        "Write the practice, or 'No stipulation.' (policydocs check --fix inserts it).", Rfc3647);

    /// <summary>"No stipulation" together with other text in one section.</summary>
    public static readonly Rule MixedNoStipulation = new("PD0106", "mixed-no-stipulation", Severity.Warning,
        "Use 'No stipulation.' alone, only when the document imposes no requirement for the section.", Rfc3647);

    /// <summary>An extra section whose parent section does not exist.</summary>
    public static readonly Rule OrphanSection = new("PD0107", "orphan-section", Severity.Error,
        "Add the parent section or fix the number.", Rfc3647);

    /// <summary>A [[...]] or xref: reference whose target does not exist.</summary>
    public static readonly Rule UnresolvedXref = new("PD0201", "unresolved-reference", Severity.Error,
        "Point the reference at an existing section, term, role, CA or document ([[4.9.1]], [[cp:1.3]], [[term:HSM]]).");

    /// <summary>A plain "Section N.N" mention of a section the document does not have.</summary>
    public static readonly Rule DanglingMention = new("PD0202", "dangling-section-mention", Severity.Warning,
        "Correct the number, or say which document it belongs to ('Section 3.2.2.4 of the Baseline Requirements').");

    /// <summary>A Markdown link to a #fragment that names no section or anchor.</summary>
    public static readonly Rule UnresolvedAnchor = new("PD0203", "unresolved-anchor", Severity.Error,
        "Link with [[4.9.1]] instead of heading slugs; slugs break when titles change.");

    /// <summary>A Markdown table row with fewer or more cells than the header.</summary>
    public static readonly Rule RaggedTable = new("PD0301", "ragged-table", Severity.Warning,
        "Give every row as many cells as the header row; missing cells are rendered empty.");

    /// <summary>An image whose file does not exist.</summary>
    public static readonly Rule MissingImage = new("PD0302", "missing-image", Severity.Error,
        "Correct the image path (relative to the Markdown file) or add the file.");

    /// <summary>Raw HTML in prose, which the Word output cannot render.</summary>
    public static readonly Rule RawHtml = new("PD0303", "raw-html", Severity.Warning,
        "Use Markdown instead of HTML; the Word document shows the HTML as text.");

    /// <summary>All rules, for documentation and SARIF output.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        YamlSyntax, UnknownKey, WrongType, MissingKey, DuplicateId, DuplicateSection, Unreadable, BadValue,
        TextOutsideSection, UnknownRecord, TemplateError, EmptyDocument,
        MissingSection, OutOfOrder, TitleMismatch, Renumbered, BlankSection, MixedNoStipulation, OrphanSection,
        UnresolvedXref, DanglingMention, UnresolvedAnchor,
        RaggedTable, MissingImage, RawHtml,
    ];
}
