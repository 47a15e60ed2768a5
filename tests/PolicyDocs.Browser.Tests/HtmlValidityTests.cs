using System.Diagnostics;
using Xunit;

namespace PolicyDocs.Browser.Tests;

/// <summary>
/// Every page of the published sample site is valid HTML, by the Nu Html Checker (vnu.jar, from the npm package
/// vnu-jar, run with Java). Skips with the install command when either is missing.
/// </summary>
public sealed class HtmlValidityTests(SampleSiteFixture fx) : IClassFixture<SampleSiteFixture>
{
    private static readonly string Vnu = Path.Combine(SiteFixture.RepoRoot, "tests", "PolicyDocs.Browser.Tests", "node", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task Every_page_is_valid_html()
    {
        Assert.SkipUnless(File.Exists(Vnu), $"vnu.jar is missing: npm install --prefix tests/PolicyDocs.Browser.Tests/node vnu-jar@26");
        Assert.SkipUnless(File.Exists("/usr/bin/java"), "Java is missing: apt-get install -y default-jre-headless");
        var pages = Directory.GetFiles(fx.SiteDir, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 10, $"only {pages.Length} pages were built");
        var psi = new ProcessStartInfo("/usr/bin/java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-jar", Vnu, "--errors-only", "--skip-non-html", fx.SiteDir]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var cancel = TestContext.Current.CancellationToken;
        var output = p.StandardOutput.ReadToEndAsync(cancel);
        var errors = await p.StandardError.ReadToEndAsync(cancel);
        await p.WaitForExitAsync(cancel);
        Assert.True(p.ExitCode == 0, $"The Nu Html Checker found errors:\n{errors}{await output}");
    }
}
