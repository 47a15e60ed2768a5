namespace PolicyDocs.Outline;

/// <summary>
/// Title variants of the RFC 3647 outline seen in the CA/Browser Forum's TLS, S/MIME and Code Signing BRs,
/// in RFC 3647's own §4/§7 spellings and in combined CP/CPS documents. A section titled with one of these
/// gets a warning naming its source instead of an error.
/// </summary>
internal static class KnownVariants
{
    private const string Tls = "TLS Baseline Requirements";
    private const string Smime = "S/MIME Baseline Requirements";
    private const string Cs = "Code Signing Baseline Requirements";
    private const string Rfc = "RFC 3647 §4/§7 spelling";
    private const string Combined = "combined CP/CPS wording";

    /// <summary>All known variants.</summary>
    public static IReadOnlyList<TitleVariant> All { get; } =
    [
        new("2.2", "Publication of information", Tls),
        new("3.2.2", "Authentication of Organization and Domain Identity", Tls),
        new("3.2.6", "Criteria for Interoperation or Certification", Tls),
        new("5", "Management, Operational, and Physical Controls", Tls),
        new("5.1", "Physical Security Controls", Tls),
        new("5.2.2", "Number of Individuals Required per Task", Tls),
        new("5.3.3", "Training Requirements and Procedures", Tls),
        new("5.3.7", "Independent Contractor Controls", Tls),
        new("5.4.2", "Frequency of processing audit log", Tls),
        new("5.4.2", "Frequency for Processing and Archiving Audit Logs", Tls),
        new("5.4.3", "Retention Period for Audit Logs", Tls),
        new("5.4.6", "Audit Log Accumulation System (internal vs. external)", Tls),
        new("6.2.11", "Cryptographic Module Capabilities", Tls),
        new("5.7.2", "Recovery Procedures if Computing resources, software, and/or data are corrupted", Tls),
        new("5.7.3", "Recovery Procedures after Key Compromise", Tls),
        new("6.2.8", "Activating Private Keys", Tls),
        new("6.2.9", "Deactivating Private Keys", Tls),
        new("6.2.10", "Destroying Private Keys", Tls),
        new("7.1.2", "Certificate Content and Extensions", Tls),
        new("7.1.2", "Certificate Content and Extensions; Application of RFC 5280", Tls),

        new("3.2.2", "Authentication of organization identity", Smime, "3.2.3"),
        new("3.2.3", "Authentication of individual identity", Smime, "3.2.4"),
        new("3.2.4", "Non-verified subscriber information", Smime, "3.2.5"),
        new("3.2.5", "Validation of authority", Smime, "3.2.6"),
        new("3.2.6", "Criteria for interoperation", Smime, "3.2.7"),
        new("5.4.2", "Frequency of processing audit log", Smime),
        new("7.1.2", "Certificate content and extensions; application of RFC 6818", Smime),

        new("5.3.3", "Training requirements and procedures", Cs),
        new("6.1.7", "Key usage purposes", Cs),

        new("3.1.1", "Type of names", Rfc),
        new("3.3", "Identification and authentication for re-key requests", Rfc),
        new("3.4", "Identification and authentication for revocation requests", Rfc),
        new("4.3.2", "Notifications to subscriber by the CA of issuance of certificate", Rfc),
        new("4.6.1", "Circumstances for certificate renewal", Rfc),
        new("4.7.1", "Circumstances for certificate re-key", Rfc),
        new("4.8.1", "Circumstances for certificate modification", Rfc),
        new("4.9.6", "Revocation checking requirements for relying parties", Rfc),
        new("4.10.3", "Operational features", Rfc),
        new("5.1", "Physical security controls", Rfc),
        new("6.6", "Life cycle security controls", Rfc),
        new("6.8", "Timestamping", Rfc),
        new("8", "Compliance audit and other assessment", Rfc),
        new("8.1", "Frequency and circumstances of assessment", Rfc),
        new("8.6", "Communications of results", Rfc),
        new("9.13", "Dispute resolution procedures", Rfc),
        new("9.16.4", "Enforcement (attorney's fees and waiver of rights)", Rfc),

        new("1.5.3", "Person determining CP/CPS suitability for the policy", Combined),
        new("1.5.4", "CP/CPS approval procedures", Combined),
    ];
}
