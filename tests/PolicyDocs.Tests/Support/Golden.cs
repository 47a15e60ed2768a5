namespace PolicyDocs.Tests.Support;

/// <summary>Golden files under tests/PolicyDocs.Tests/Golden/, rewritten only when POLICYDOCS_UPDATE_GOLDEN=1.</summary>
public static class Golden
{
    /// <summary>Asserts <paramref name="actual"/> equals the golden file <paramref name="name"/> (or rewrites it when updating).</summary>
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Run.RepoRoot(), "tests", "PolicyDocs.Tests", "Golden", name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("POLICYDOCS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with POLICYDOCS_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }
}
