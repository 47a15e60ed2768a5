namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>
/// The hostile-input corpus, one test per case, grouped by class so the classes run side by side. Each case runs
/// the real CLI in its own process and is held to <see cref="HostileRunner"/>'s invariants.
/// </summary>
public abstract class HostileCorpusTests(Func<IEnumerable<HostileCase>> cases)
{
    private static readonly Dictionary<string, HostileCase> ByName = new[]
    {
        YamlCases.All(), MarkdownCases.All(), TemplateCases.All(), XssCases.All(), FileCases.All(), OutputCases.All(), CliCases.All(), DiffCases.All(),
    }.SelectMany(c => c).ToDictionary(c => c.Name);

    /// <summary>Every case's name in a class.</summary>
    protected static TheoryData<string> Names(IEnumerable<HostileCase> cases) => [.. cases.Select(c => c.Name)];

    /// <summary>Runs one case.</summary>
    protected static void Holds(string name)
    {
        var failures = HostileRunner.Check(ByName[name]);
        Assert.True(failures.Count == 0, $"{name}:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>The number of cases in every class together.</summary>
    public static int Count => ByName.Count + ServeCases.All().Count();

    /// <summary>No two cases share a name (a shared name would hide one of them).</summary>
    [Fact]
    public void Case_names_are_unique()
    {
        var all = cases().Select(c => c.Name).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}

public sealed class YamlCorpusTests() : HostileCorpusTests(YamlCases.All)
{
    public static TheoryData<string> Cases => Names(YamlCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class MarkdownCorpusTests() : HostileCorpusTests(MarkdownCases.All)
{
    public static TheoryData<string> Cases => Names(MarkdownCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class TemplateCorpusTests() : HostileCorpusTests(TemplateCases.All)
{
    public static TheoryData<string> Cases => Names(TemplateCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class XssCorpusTests() : HostileCorpusTests(XssCases.All)
{
    public static TheoryData<string> Cases => Names(XssCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class FileCorpusTests() : HostileCorpusTests(FileCases.All)
{
    public static TheoryData<string> Cases => Names(FileCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class OutputCorpusTests() : HostileCorpusTests(OutputCases.All)
{
    public static TheoryData<string> Cases => Names(OutputCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class CliCorpusTests() : HostileCorpusTests(CliCases.All)
{
    public static TheoryData<string> Cases => Names(CliCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class DiffCorpusTests() : HostileCorpusTests(DiffCases.All)
{
    public static TheoryData<string> Cases => Names(DiffCases.All());
    [Theory, MemberData(nameof(Cases))] public void Holds_for(string name) => Holds(name);
}

public sealed class ServeCorpusTests
{
    public static TheoryData<string> Cases => [.. ServeCases.All().Select(c => c.Name)];

    [Theory, MemberData(nameof(Cases))]
    public void Holds_for(string name)
    {
        var failures = ServeCases.Check(ServeCases.All().Single(c => c.Name == name));
        Assert.True(failures.Count == 0, $"{name}:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>The corpus keeps its promised size: at least 150 cases across the classes.</summary>
    [Fact]
    public void The_corpus_has_at_least_150_cases() => Assert.InRange(HostileCorpusTests.Count, 150, int.MaxValue);
}
