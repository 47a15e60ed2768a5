using System.Runtime.CompilerServices;

namespace PolicyDocs.Tests.Support;

/// <summary>
/// Golden files in a <c>Golden/</c> folder beside the test that uses them (tests/PolicyDocs.Tests/&lt;folder&gt;/Golden/),
/// rewritten only when POLICYDOCS_UPDATE_GOLDEN=1.
/// </summary>
public static class Golden
{
    /// <summary>The variable that, set to 1, makes golden and spec tests rewrite their expected files.</summary>
    public const string UpdateVariable = "POLICYDOCS_UPDATE_GOLDEN";

    /// <summary>Whether this run rewrites the expected files instead of comparing with them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Asserts <paramref name="actual"/> equals the golden file <paramref name="name"/> (or rewrites it when updating).</summary>
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = PathOf(name, callerFile);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with {UpdateVariable}=1 to create it");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }

    /// <summary>The golden file <paramref name="name"/> in the Golden/ folder beside the calling test's source file.</summary>
    public static string PathOf(string name, [CallerFilePath] string callerFile = "") =>
        Path.Combine(SourceFolderOf(callerFile), "Golden", name);

    /// <summary>
    /// The folder of the test source file <paramref name="callerFile"/> within this checkout: the part of the compiled
    /// path after tests/PolicyDocs.Tests/ joined to the repository root, so a mapped or moved build path still works.
    /// </summary>
    public static string SourceFolderOf(string callerFile)
    {
        var project = Path.Combine(Run.RepoRoot(), "tests", "PolicyDocs.Tests");
        var normalised = callerFile.Replace('\\', '/');
        const string marker = "tests/PolicyDocs.Tests/";
        var at = normalised.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"{callerFile} is not under {marker}");
        var relative = Path.GetDirectoryName(normalised[(at + marker.Length)..]) ?? "";
        return Path.Combine(project, relative.Replace('/', Path.DirectorySeparatorChar));
    }
}
