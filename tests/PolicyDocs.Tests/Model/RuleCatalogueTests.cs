using System.Text.RegularExpressions;
using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Model;

/// <summary>The catalogue of rules: unique codes and names, and every rule exercised by at least one test.</summary>
public sealed partial class RuleCatalogueTests
{
    [Fact]
    public void Codes_and_names_are_unique()
    {
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Code).Distinct().Count());
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void Every_rule_has_a_test_that_names_its_code()
    {
        var tests = Path.Combine(Run.RepoRoot(), "tests");
        var named = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(nameof(RuleCatalogueTests) + ".cs", StringComparison.Ordinal))
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        var untested = Rules.All.Select(r => r.Code).Where(c => !named.Contains(c)).ToList();
        Assert.True(untested.Count == 0, "Rules no test names: " + string.Join(", ", untested));
    }

    [GeneratedRegex("PD[0-9]{4}")]
    private static partial Regex Code();
}
