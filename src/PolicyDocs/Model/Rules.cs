namespace PolicyDocs.Model;

/// <summary>
/// The catalogue of every rule PolicyDocs enforces. Codes are stable: never renumber or reuse one.
/// PD00xx loading and data, PD01xx RFC 3647 structure and changelog, PD02xx cross-references, PD03xx Markdown content,
/// PD04xx the website, PD05xx trusted roles and key ceremonies, PD06xx recommendations coverage and governance.
/// </summary>
internal static class Rules
{
    private const string Rfc3647 = "RFC 3647 §6; Mozilla Root Store Policy 3.3(5)";
    private const string MultiParty = "RFC 3647 §4.5.2 (5.2.2 persons per task); multi-party control";
    private const string Separation = "RFC 3647 §4.5.2 (5.2.4 separation of duties); auditors hold no other trusted role";
    private const string CeremonyReq = "RFC 3647 §4.6.1; CA/B Forum BR 6.1.1.1 (witnessed, scripted key generation)";

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

    /// <summary>A content or template file that is a FIFO, socket, device or folder instead of a regular file.</summary>
    public static readonly Rule NotRegularFile = new("PD0013", "not-a-regular-file", Severity.Error,
        "Replace it with an ordinary file; PolicyDocs never opens FIFOs, sockets or devices.");

    /// <summary>A link (or a path through a linked folder) that leads out of the content or templates folder.</summary>
    public static readonly Rule LinkOutsideRoot = new("PD0014", "link-outside-root", Severity.Error,
        "Put the file itself in the folder, or link only to files inside the content (or templates) folder.");

    /// <summary>A file larger than PolicyDocs reads (16 MiB).</summary>
    public static readonly Rule FileTooLarge = new("PD0015", "file-too-large", Severity.Error,
        "Split the file; one content or template file may hold at most 16 MiB.");

    /// <summary>A content or template file that is not valid UTF-8.</summary>
    public static readonly Rule InvalidUtf8 = new("PD0016", "invalid-utf8", Severity.Error,
        "Save the file as UTF-8 (with or without a BOM) and fix the byte at the position shown.");

    /// <summary>A YAML file holding more than one document.</summary>
    public static readonly Rule MultipleYamlDocuments = new("PD0017", "multiple-yaml-documents", Severity.Error,
        "Keep one YAML document per file: remove the second '---' and what follows it, or move that part to its own file.");

    /// <summary>YAML nested deeper than PolicyDocs reads.</summary>
    public static readonly Rule YamlTooDeep = new("PD0018", "yaml-too-deep", Severity.Error,
        "Flatten the data: mappings and lists may nest at most 64 levels.");

    /// <summary>YAML aliases that expand to more nodes than PolicyDocs reads (a "billion laughs" file).</summary>
    public static readonly Rule YamlAliasExpansion = new("PD0019", "yaml-alias-expansion", Severity.Error,
        "Write the values out or use fewer aliases: the aliases of one file may stand for at most 1,000,000 nodes in all.");

    /// <summary>CAs whose parent chain comes back to itself.</summary>
    public static readonly Rule CaParentCycle = new("PD0020", "ca-parent-cycle", Severity.Error,
        "Correct the parent of one CA of the cycle: every chain must end at a root CA, which names no parent.");

    /// <summary>The rule for a file <see cref="Text.ContentFile"/> refused or could not read.</summary>
    public static Rule ForFile(Text.FileFault fault) => fault switch
    {
        Text.FileFault.NotRegular => NotRegularFile,
        Text.FileFault.OutsideRoot => LinkOutsideRoot,
        Text.FileFault.TooLarge => FileTooLarge,
        Text.FileFault.InvalidUtf8 => InvalidUtf8,
        _ => Unreadable,
    };

    // Templates: limits, read-only data, reproducibility and links from data (PD0030-PD0039).

    /// <summary>A template that exceeded a limit: loop iterations, recursion depth, regex time or string size.</summary>
    public static readonly Rule TemplateLimit = new("PD0030", "template-limit", Severity.Error,
        "Simplify the template at the position shown: fewer iterations, less nesting, a regular expression without nested repetition.");

    /// <summary>A template that assigns to shared data, which every section and document reads.</summary>
    public static readonly Rule ReadOnlyData = new("PD0031", "read-only-data", Severity.Error,
        "Data is read-only in templates; copy the value into a variable of your own (x = cas.root.name) and change that.");

    /// <summary>A template that calls a random or clock function.</summary>
    public static readonly Rule NonReproducible = new("PD0032", "non-reproducible", Severity.Error,
        "Write the value into the content or the data: the same content must give the same output on any machine and date.");

    /// <summary>A URL from the data, written as a link, whose scheme the link policy refuses.</summary>
    public static readonly Rule UnsafeDataUrl = new("PD0033", "unsafe-data-url", Severity.Error,
        "Use an http, https or mailto URL, or a relative link; the link is left out of the output.");

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

    /// <summary>A document that states neither kind nor outline and whose chapters are not RFC 3647's.</summary>
    public static readonly Rule NotRfc3647 = new("PD0108", "not-rfc3647", Severity.Warning,
        "Add 'kind: other' (or 'outline: none') to the front matter to say so, or 'outline: rfc3647' to check it against the outline.", Rfc3647);

    /// <summary>Revision dates that do not increase.</summary>
    public static readonly Rule RevisionOrder = new("PD0150", "revision-order", Severity.Error,
        "List revisions oldest first, each dated after the one before.", "TLS BRs §2.3; Mozilla Root Store Policy 3.3(4)");

    /// <summary>More than 365 days between consecutive revisions.</summary>
    public static readonly Rule AnnualReview = new("PD0151", "annual-review", Severity.Warning,
        "Review and re-issue the document at least every 365 days, with a new version and a dated changelog entry.",
        "Mozilla Root Store Policy 3.3(4); S/MIME BRs §2.3; TLS BRs §2.2 (366 days)");

    /// <summary>The document's version is not the latest revision in its history.</summary>
    public static readonly Rule VersionNotInHistory = new("PD0152", "version-not-in-history", Severity.Error,
        "Add a revision entry for the current version (version, date, summary) to document.yaml.", "TLS BRs §2.3; Mozilla Root Store Policy 3.3(4)");

    /// <summary>A release whose text changed but whose revision history has no new entry.</summary>
    public static readonly Rule MissingChangelogEntry = new("PD0153", "missing-changelog-entry", Severity.Error,
        "Add a dated revision entry describing the change.", "Mozilla Root Store Policy 3.3(4), 3.3.6; Microsoft Root Program 2.1.17");

    /// <summary>A release whose text changed but whose version number did not increase.</summary>
    public static readonly Rule VersionNotIncremented = new("PD0154", "version-not-incremented", Severity.Error,
        "Increment the version for every published change.", "TLS BRs §2.3; Mozilla Root Store Policy 3.3(4), 3.3.6");

    /// <summary>A declared release that cannot be read or compiled.</summary>
    public static readonly Rule ReleaseUnavailable = new("PD0155", "release-unavailable", Severity.Warning,
        "Check releases.tags in policyset.yaml and that the tagged content compiles.", "Mozilla Root Store Policy 3.3(7)");

    /// <summary>A [[...]] or xref: reference whose target does not exist.</summary>
    public static readonly Rule UnresolvedXref = new("PD0201", "unresolved-reference", Severity.Error,
        "Point the reference at an existing section, term, role, CA or document ([[4.9.1]], [[cp:1.3]], [[term:HSM]]).");

    /// <summary>A plain "Section N.N" mention of a section the document does not have.</summary>
    public static readonly Rule DanglingMention = new("PD0202", "dangling-section-mention", Severity.Warning,
        "Correct the number, or say which document it belongs to ('Section 3.2.2.4 of the Baseline Requirements').");

    /// <summary>A Markdown link to a #fragment that names no section or anchor.</summary>
    public static readonly Rule UnresolvedAnchor = new("PD0203", "unresolved-anchor", Severity.Error,
        "Link with [[4.9.1]] instead of heading slugs; slugs break when titles change.");

    /// <summary>A relative link in prose to a page the site does not have (only another document's page is one).</summary>
    public static readonly Rule RelativeLink = new("PD0205", "relative-link", Severity.Error,
        "Link a heading of this document with #its-id or [[4.9.1]], another document with xref:ID, and any other page with its full https:// URL.");

    /// <summary>A multi-party task with fewer than two persons.</summary>
    public static readonly Rule TaskMinPersons = new("PD0501", "task-min-persons", Severity.Error,
        "Set min_persons to 2 or more: a task under multi-party control needs at least two persons.", MultiParty);

    /// <summary>A task that requires a role which is not among the roles that may take part in it.</summary>
    public static readonly Rule RequiredRoleNotParticipant = new("PD0502", "required-role-not-participant", Severity.Error,
        "Add the role to the task's roles, or remove it from required_roles.", MultiParty);

    /// <summary>An auditor role that may be combined with another trusted role.</summary>
    public static readonly Rule AuditorNotSeparated = new("PD0503", "auditor-not-separated", Severity.Error,
        "List the roles as incompatible with each other: an auditor role must list every other role, and every role must list each auditor role.", Separation);

    /// <summary>A task that can reach its minimum only by counting persons in auditor roles.</summary>
    public static readonly Rule AuditorCounted = new("PD0504", "auditor-counted", Severity.Error,
        "Add a non-auditor role to the task's roles, or mark it 'audit_function: true' if it is an audit function.", MultiParty);

    /// <summary>A task that requires an auditor role but is not marked as an audit function.</summary>
    public static readonly Rule AuditorRequired = new("PD0505", "auditor-required-not-audit-function", Severity.Warning,
        "Mark the task 'audit_function: true' if it is an audit function; otherwise the auditor does not count toward min_persons.", MultiParty);

    /// <summary>A CPS section 5.2.1, 5.2.2 or 5.2.4 that does not include the block generated from the data.</summary>
    public static readonly Rule CpsBlockMissing = new("PD0506", "cps-roles-block-missing", Severity.Warning,
        "Include the generated block ({{ include \"trusted-roles\" }}, \"persons-per-task\", \"separation-of-duties\") so the CPS agrees with data/roles.yaml and data/tasks.yaml.", "RFC 3647 §4.5.2");

    /// <summary>A ceremony step actor or artifact custodian whose role is not present at the ceremony.</summary>
    public static readonly Rule CeremonyRoleAbsent = new("PD0510", "ceremony-role-absent", Severity.Error,
        "Add the role to the ceremony's roles, or give the step to a role that is present.", CeremonyReq);

    /// <summary>A ceremony without a witness, or whose witness role is not present.</summary>
    public static readonly Rule CeremonyWitnessMissing = new("PD0511", "ceremony-witness-missing", Severity.Error,
        "Name the witness role ('witness: internal-auditor') and list it under roles.", CeremonyReq);

    /// <summary>A step performing a task with fewer persons present than the task requires.</summary>
    public static readonly Rule CeremonyTaskPersons = new("PD0512", "ceremony-task-persons", Severity.Error,
        "Add persons in roles that may take part in the task (auditors count only for audit functions).", MultiParty);

    /// <summary>A step performing a task whose required role is not present.</summary>
    public static readonly Rule CeremonyTaskRoleMissing = new("PD0513", "ceremony-task-role-missing", Severity.Error,
        "Add the required role to the ceremony's roles.", MultiParty);

    /// <summary>A step performing a task by an actor whose role may not take part in that task.</summary>
    public static readonly Rule CeremonyActorNotInTask = new("PD0514", "ceremony-actor-not-in-task", Severity.Error,
        "Give the step to a role listed in the task's roles in data/tasks.yaml.", MultiParty);

    /// <summary>A ceremony role whose names do not match its count.</summary>
    public static readonly Rule CeremonyNamesCount = new("PD0515", "ceremony-names-count", Severity.Error,
        "List exactly 'count' names, or leave names out.");

    /// <summary>One person named in two roles that may not be combined.</summary>
    public static readonly Rule CeremonyIncompatiblePerson = new("PD0516", "ceremony-incompatible-person", Severity.Error,
        "Assign another person to one of the roles; see data/roles.yaml incompatible lists.", Separation);

    /// <summary>A ceremony record without its script.</summary>
    public static readonly Rule RecordWithoutScript = new("PD0520", "record-without-script", Severity.Error,
        "Name the record after its script: ceremonies/<id>.record.yaml next to ceremonies/<id>.yaml.");

    /// <summary>A record entry or deviation naming a step the script does not have.</summary>
    public static readonly Rule RecordUnknownStep = new("PD0521", "record-unknown-step", Severity.Error,
        "Use the id of a step of the script.");

    /// <summary>A script step the record does not account for.</summary>
    public static readonly Rule RecordStepMissing = new("PD0522", "record-step-missing", Severity.Error,
        "Record every step of the script: its time and the operator's and witness's initials, or mark it deviated and explain.", CeremonyReq);

    /// <summary>A step marked deviated without an explanation, or a deviation with no text.</summary>
    public static readonly Rule RecordDeviationUnexplained = new("PD0523", "record-deviation-unexplained", Severity.Error,
        "Add a deviations entry for the step with an explanation.", CeremonyReq);

    /// <summary>Initials that belong to no participant, or to one not holding the role the step needs.</summary>
    public static readonly Rule RecordInitials = new("PD0524", "record-initials", Severity.Error,
        "Use the initials of a participant who holds the step's actor role (operator) or the witness role (witness).", CeremonyReq);

    /// <summary>A participant in a role the script does not have present.</summary>
    public static readonly Rule RecordParticipantRole = new("PD0525", "record-participant-role", Severity.Error,
        "Record the participant under a role of the script, or record a deviation.");

    /// <summary>A step performed without its time or initials.</summary>
    public static readonly Rule RecordStepIncomplete = new("PD0526", "record-step-incomplete", Severity.Error,
        "Give the step's time and the operator's and witness's initials, or mark it deviated and explain.", CeremonyReq);

    /// <summary>A sealed bag whose serial the script's materials do not list.</summary>
    public static readonly Rule RecordUnknownBag = new("PD0527", "record-unknown-bag", Severity.Warning,
        "List the bag serial in the script's materials, or record a deviation.");
    /// <summary>A recommendation that applies to a CA at its impact level but is not addressed for it.</summary>
    public static readonly Rule CoverageGap = new("PD0601", "recommendation-gap", Severity.Error,
        "Map the recommendation to a section of a document that applies to the CA (sections: [cps:6.2.1]), or mark it not-applicable with a justification.");

    /// <summary>A recommendation that names a document or section that does not exist.</summary>
    public static readonly Rule UnknownSectionReference = new("PD0602", "unknown-section-reference", Severity.Error,
        "Name an existing document id and section number, e.g. cps:6.2.1.");

    /// <summary>A planned recommendation whose due date is before the effective date of the documents it maps to.</summary>
    public static readonly Rule OverdueRecommendation = new("PD0603", "overdue-recommendation", Severity.Warning,
        "Implement it and update its status, or agree a new due date with the Policy Authority.");

    /// <summary>An approved document version that no Policy Authority decision approves.</summary>
    public static readonly Rule MissingApproval = new("PD0604", "missing-approval", Severity.Error,
        "Record the decision in data/approvals.yaml (approves: document and version) and cite it from the revision.",
        "RFC 3647 §4.1.5 (policy administration); CP/CPS section 1.5.4");

    /// <summary>A revision that cites an approval which does not approve that document version.</summary>
    public static readonly Rule ApprovalMismatch = new("PD0605", "approval-mismatch", Severity.Error,
        "Cite the decision that approved this version, or add the version to that decision's 'approves' list.");

    /// <summary>A vote taken with fewer voting members present than the quorum.</summary>
    public static readonly Rule NoQuorum = new("PD0606", "no-quorum", Severity.Error,
        "Record the members present (members_present) and the votes; a decision without quorum cannot approve a document.");

    /// <summary>A vote that did not carry (no more votes for than against), or counts that do not add up.</summary>
    public static readonly Rule VoteNotCarried = new("PD0607", "vote-not-carried", Severity.Error,
        "Check the vote counts: a decision needs more votes for than against, and no more votes than members present.");

    /// <summary>A revision of an approved or superseded document that cites no approval.</summary>
    public static readonly Rule RevisionWithoutApproval = new("PD0608", "revision-without-approval", Severity.Warning,
        "Add 'approval: <id>' to the revision, naming the decision in data/approvals.yaml.");
    /// <summary>A link in the generated site to a page or #anchor the build does not produce.</summary>
    public static readonly Rule DanglingLink = new("PD0401", "dangling-link", Severity.Error,
        "Fix the template or the link in the prose so it points at a page and anchor the site has.");

    /// <summary>A site template (templates/site/) that does not parse or fails while rendering a page.</summary>
    public static readonly Rule SiteTemplateError = new("PD0402", "site-template-error", Severity.Error,
        "Fix the template at the position shown; the values pages can use are listed in docs/site.md.");

    /// <summary>A PDF download that could not be made: LibreOffice is not installed, or it failed on a Word file. The
    /// site and the other downloads are published without it.</summary>
    public static readonly Rule PdfSkipped = new("PD0403", "pdf-skipped", Severity.Warning,
        "Install LibreOffice (soffice on PATH; on Debian the package libreoffice-writer-nogui) to publish PDFs, or build with --no-pdf.");
    /// <summary>A Markdown table row with fewer or more cells than the header.</summary>
    public static readonly Rule RaggedTable = new("PD0301", "ragged-table", Severity.Warning,
        "Give every row as many cells as the header row; missing cells are rendered empty.");

    /// <summary>An image that cannot be published: a missing file, a path outside the Markdown file's folder, an
    /// absolute or remote URL, a link out of the tree, or a file that is no PNG, JPEG, GIF or SVG image.</summary>
    public static readonly Rule MissingImage = new("PD0302", "missing-image", Severity.Error,
        "Link a PNG, JPEG, GIF or SVG file by a relative path inside the Markdown file's folder (images/ca.png), and add the file.");

    /// <summary>An SVG image without a PNG of the same name beside it: Word cannot show SVG alone.</summary>
    public static readonly Rule ImageWithoutWordFallback = new("PD0309", "svg-without-png", Severity.Warning,
        "Add a PNG rendering of the SVG beside it with the same name (ca.svg and ca.png); the Word file shows the alternative text until then.");

    /// <summary>Raw HTML in prose, which the Word output cannot render.</summary>
    public static readonly Rule RawHtml = new("PD0303", "raw-html", Severity.Warning,
        "Use Markdown instead of HTML; the Word document shows the HTML as text.");

    /// <summary>Raw HTML in prose that could run script or load content: removed from every output.</summary>
    public static readonly Rule UnsafeHtml = new("PD0304", "unsafe-html", Severity.Error,
        "Remove the element or attribute; prose HTML may format text (sup, sub, u, br, tables) but not run script, embed or submit.");

    /// <summary>Raw HTML in prose outside the formatting allowlist (an unknown element, a style or other attribute): removed.</summary>
    public static readonly Rule HtmlRemoved = new("PD0305", "html-removed", Severity.Warning,
        "Use Markdown or an allowed element (sup, sub, u, br, b, i, span, div, tables, lists); styles and other attributes are removed.");

    /// <summary>A prose link, image, autolink or reference definition whose URL scheme the link policy refuses.</summary>
    public static readonly Rule UnsafeLink = new("PD0306", "unsafe-link", Severity.Error,
        "Use an http, https or mailto URL, a relative link or a cross-reference; the link is published as plain text.");

    /// <summary>A Markdown attribute block ({...}) that sets anything but id and class.</summary>
    public static readonly Rule AttributeNotAllowed = new("PD0307", "attribute-not-allowed", Severity.Error,
        "Markdown attributes may set only an id (#name) and classes (.name); the other attributes are removed.");

    /// <summary>Markdown beyond what the parser can take: nested too deeply, or a table with too many rows.</summary>
    public static readonly Rule MarkdownBeyondLimit = new("PD0308", "markdown-beyond-limit", Severity.Error,
        "Flatten the nesting at this line (at most 100 levels of block quotes, lists, emphasis or brackets) or split the table (at most 5,000 rows).");

    /// <summary>A footnote reference <c>[^label]</c> with no <c>[^label]: text</c> definition anywhere in the document.</summary>
    public static readonly Rule UndefinedFootnote = new("PD0310", "undefined-footnote", Severity.Warning,
        "Define the footnote ([^label]: text) anywhere in the document, or escape the bracket (\\[^...]) when it is not a footnote; until then the reference prints as written.");

    /// <summary>A link whose text names one section but whose target is another.</summary>
    public static readonly Rule LinkTextMismatch = new("PD0204", "link-text-mismatch", Severity.Warning,
        "Make the link text and target agree, or write [[4.9.1]] and let the text be generated.");

    /// <summary>An anchor id (an HTML anchor or [[#id]]) defined more than once in a document: the first is the link target.</summary>
    public static readonly Rule DuplicateAnchor = new("PD0206", "duplicate-anchor", Severity.Warning,
        "Give each anchor its own id; links go to the first anchor with the id, the later ones are no link target.");

    /// <summary>A kramdown attribute list ({: .class key="value"}) or block attribute line, which only kramdown reads.</summary>
    public static readonly Rule KramdownAttributes = new("PD0311", "kramdown-attributes", Severity.Warning,
        "Remove the kramdown attribute lists, or write Markdown attributes ({#id .class}) after the element; only ids and classes are kept.");

    /// <summary>All rules, for documentation and SARIF output.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        YamlSyntax, UnknownKey, WrongType, MissingKey, DuplicateId, DuplicateSection, Unreadable, BadValue,
        TextOutsideSection, UnknownRecord, TemplateError, EmptyDocument,
        NotRegularFile, LinkOutsideRoot, FileTooLarge, InvalidUtf8, MultipleYamlDocuments, YamlTooDeep, YamlAliasExpansion, CaParentCycle,
        TemplateLimit, ReadOnlyData, NonReproducible, UnsafeDataUrl,
        MissingSection, OutOfOrder, TitleMismatch, Renumbered, BlankSection, MixedNoStipulation, OrphanSection, NotRfc3647,
        RevisionOrder, AnnualReview, VersionNotInHistory, MissingChangelogEntry, VersionNotIncremented, ReleaseUnavailable,
        UnresolvedXref, DanglingMention, UnresolvedAnchor, LinkTextMismatch, RelativeLink, DuplicateAnchor,
        TaskMinPersons, RequiredRoleNotParticipant, AuditorNotSeparated, AuditorCounted, AuditorRequired, CpsBlockMissing,
        CeremonyRoleAbsent, CeremonyWitnessMissing, CeremonyTaskPersons, CeremonyTaskRoleMissing, CeremonyActorNotInTask,
        CeremonyNamesCount, CeremonyIncompatiblePerson,
        RecordWithoutScript, RecordUnknownStep, RecordStepMissing, RecordDeviationUnexplained, RecordInitials,
        RecordParticipantRole, RecordStepIncomplete, RecordUnknownBag,
        CoverageGap, UnknownSectionReference, OverdueRecommendation, MissingApproval, ApprovalMismatch, NoQuorum,
        VoteNotCarried, RevisionWithoutApproval,
        DanglingLink, SiteTemplateError,
        RaggedTable, MissingImage, ImageWithoutWordFallback, RawHtml, UnsafeHtml, HtmlRemoved, UnsafeLink, AttributeNotAllowed, MarkdownBeyondLimit, UndefinedFootnote, KramdownAttributes,
    ];
}
