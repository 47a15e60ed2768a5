using PolicyDocs.Tests.Support;
using PolicyDocs.Versions;

namespace PolicyDocs.Tests.Versions;

/// <summary>A git ref is read with the date of the commit it names; a path has none.</summary>
public sealed class VersionSourceTests : IDisposable
{
    private readonly SampleCopy _repo = new();

    [Fact]
    public void A_tag_is_read_with_its_commits_date_and_a_path_without_one()
    {
        _repo.Git("init", "-q");
        _repo.Git("add", "-A");
        _repo.Git("commit", "-q", "-m", "first");
        _repo.Git("tag", "-a", "v1", "-m", "v1");
        var (code, stdout, _) = Tool.Run("git", ["show", "-s", "--format=%cI", "v1^{commit}"], _repo.Root);
        Assert.Equal(0, code);
        var expected = DateOnly.FromDateTime(DateTimeOffset.Parse(stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture).DateTime);

        using var tagged = VersionSource.Resolve("v1", _repo.Content).Version!;
        Assert.Equal(expected, tagged.CommitDate);
        using var path = VersionSource.Resolve(_repo.Content, _repo.Content).Version!;
        Assert.Null(path.CommitDate);
    }

    public void Dispose() => _repo.Dispose();
}
