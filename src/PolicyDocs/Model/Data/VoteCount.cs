namespace PolicyDocs.Model.Data;

/// <summary>The votes cast on a Policy Authority decision.</summary>
/// <param name="For">Votes in favour.</param>
/// <param name="Against">Votes against.</param>
/// <param name="Abstain">Abstentions.</param>
internal sealed record VoteCount(int For, int Against, int Abstain)
{
    /// <summary>Votes cast, abstentions included.</summary>
    public int Total => For + Against + Abstain;
}
