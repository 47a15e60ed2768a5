using PolicyDocs.Model;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Checks;

/// <summary>
/// Policy Authority governance: an approved document version needs a decision that approves it (PD0604); a revision
/// must cite the decision that approved that version (PD0605, PD0608); a decision's vote needs quorum when one is
/// configured (PD0606) and must carry (PD0607).
/// </summary>
internal static class GovernanceCheck
{
    /// <summary>Checks <paramref name="set"/>.</summary>
    public static void Check(PolicySet set, DiagnosticBag d)
    {
        // Governance is checked where the policy set records its decisions; a set without data/approvals.yaml
        // (such as a single published CP/CPS file) has nothing to check approvals against.
        if (!set.Data.Files.ContainsKey("approvals")) return;
        var approvals = set.Data.Approvals;
        var byId = approvals.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var doc in set.Documents)
        {
            var info = doc.Info;
            var approved = info.Status is DocumentStatus.Approved or DocumentStatus.Superseded;
            foreach (var rev in info.Revisions)
            {
                if (rev.Approval is null)
                {
                    var coveredByMissingApproval = info.Status == DocumentStatus.Approved && rev.Version == info.Version && !approvals.Any(a => Approves(a, doc.Id, rev.Version));
                    if (approved && !coveredByMissingApproval)
                        d.Add(Rules.RevisionWithoutApproval, rev.Span, $"Revision {rev.Version} of '{doc.Id}' cites no approval.");
                    continue;
                }
                if (byId.TryGetValue(rev.Approval, out var a) && !Approves(a, doc.Id, rev.Version))
                    d.Add(Rules.ApprovalMismatch, rev.Span,
                        $"Revision {rev.Version} of '{doc.Id}' cites approval '{a.Id}', which does not approve {doc.Id} {rev.Version} (it approves {Describe(a)}).");
            }
            if (info.Status == DocumentStatus.Approved && !approvals.Any(a => Approves(a, doc.Id, info.VersionKey)))
                d.Add(Rules.MissingApproval, info.Span,
                    $"Document '{doc.Id}' version {info.Version} is approved, but no decision in data/approvals.yaml approves {doc.Id} {info.Version}.");
        }

        var quorum = set.Info.Governance.Quorum;
        foreach (var a in approvals)
        {
            if (a.Votes is { } v)
            {
                if (v.For <= v.Against)
                    d.Add(Rules.VoteNotCarried, a.Span, $"Approval '{a.Id}' records {v.For} for and {v.Against} against: the vote did not carry.");
                if (a.MembersPresent is { } p && v.Total > p)
                    d.Add(Rules.VoteNotCarried, a.Span, $"Approval '{a.Id}' records {v.Total} votes but only {p} voting members present.");
            }
            if (quorum is null || a.Approves.IsEmpty) continue;
            var present = a.MembersPresent ?? a.Votes?.Total;
            if (present is null)
                d.Add(Rules.NoQuorum, a.Span, $"Approval '{a.Id}' records neither members_present nor votes, so the quorum of {quorum} cannot be shown.");
            else if (present < quorum)
                d.Add(Rules.NoQuorum, a.Span, $"Approval '{a.Id}' was voted with {present} voting member{(present == 1 ? "" : "s")} present; the quorum is {quorum}.");
        }
    }

    /// <summary>True when <paramref name="a"/> approves version <paramref name="version"/> of <paramref name="documentId"/>.</summary>
    public static bool Approves(ApprovalRecord a, string documentId, string version) =>
        a.Approves.Any(x => x.Document == documentId && x.Version == version);

    private static string Describe(ApprovalRecord a) =>
        a.Approves.IsEmpty ? "nothing" : string.Join(", ", a.Approves.Select(x => $"{x.Document} {x.Version}"));
}
