using PolicyDocs.Pipeline;
using System.Text;
using PolicyDocs.Output;
using PolicyDocs.Compiling;
using PolicyDocs.Tests.Support;


namespace PolicyDocs.Tests.Rendering.Html;

/// <summary>Builds the test policy set once per test class (with and without a base URL).</summary>
public sealed class SiteFixture : IDisposable
{
    private readonly TempTree _dir = new();

    public SiteFixture()
    {
        Content = TestPolicySet.Write(_dir.PathOf("content"));
        Compilation = Run.Compile(Content);
        Build = Compilation.ErrorCount == 0 && Compilation.Fatal is null
            ? SiteBuilder.Build(Compilation.Published!)
            : throw new InvalidOperationException("test policy set does not compile:\n" + string.Join("\n", Compilation.Diagnostics) + Compilation.Fatal);
    }

    public string Content { get; }
    internal Compilation Compilation { get; }
    internal SiteBuild Build { get; }
    internal OutputSet Output => Build.Output;

    public string Text(string path) => Encoding.UTF8.GetString(Output.Get(path) ?? throw new Xunit.Sdk.XunitException($"{path} was not produced"));

    public void Dispose() => _dir.Dispose();
}
