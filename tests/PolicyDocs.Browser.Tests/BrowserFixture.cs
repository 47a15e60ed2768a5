using PolicyDocs.Pipeline;
using PolicyDocs.Output;
using PolicyDocs.Compiling;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Browser.Tests;

/// <summary>The small test policy set (<see cref="TestPolicySet"/>) built and opened in Chromium.</summary>
public sealed class BrowserFixture : SiteFixture
{
    /// <summary>The content folder of the test policy set.</summary>
    public string ContentDir => Path.Combine(Dir, "content");

    /// <inheritdoc />
    protected override void BuildSite()
    {
        TestPolicySet.Write(ContentDir);
        var compilation = PolicyCompiler.Compile(ContentDir, new CompileOptions());
        if (compilation.ErrorCount > 0) throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics));
        var build = SiteBuilder.Build(compilation.Published!);
        if (build.HasErrors) throw new InvalidOperationException(string.Join("\n", build.Diagnostics));
        if (OutputWriter.Write(build.Output, SiteDir, OutputGuard.ForContent(ContentDir)) is { } refused) throw new IOException(refused);
    }
}
