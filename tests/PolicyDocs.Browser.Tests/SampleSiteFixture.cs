using PolicyDocs.Cli;

namespace PolicyDocs.Browser.Tests;

/// <summary>The repository's sample policy set (<c>content/</c>) built with <c>policydocs build</c> and opened in Chromium.</summary>
public sealed class SampleSiteFixture : SiteFixture
{
    /// <inheritdoc />
    protected override void BuildSite()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(["build", "--content", Path.Combine(RepoRoot, "content"), "--output", SiteDir], stdout, stderr);
        if (exit != 0) throw new InvalidOperationException($"policydocs build exited with {exit}:\n{stdout}\n{stderr}");
    }
}
