using PolicyDocs.Tests.Loading;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary><c>check --fix</c> writes missing RFC 3647 sections with "No stipulation." where they belong.</summary>
public sealed class MissingSectionFixTests
{
    [Fact]
    public void Check_fix_writes_missing_sections_in_outline_order_above_the_next_section()
    {
        // Take out 3.3.1 and 3.3.2 (two missing in a row before 3.4) and 6.1.2 (one missing before 6.1.3).
        var text = SingleFileLayoutTests.CaStyleDocument()
            .Replace("### 3.3.1 Identification and authentication for routine re-key\n\nText of 3.3.1.\n\n", "", StringComparison.Ordinal)
            .Replace("### 3.3.2 Identification and authentication for re-key after revocation\n\nText of 3.3.2.\n\n", "", StringComparison.Ordinal)
            .Replace("### 6.1.2 Private key delivery to subscriber\n\nText of 6.1.2.\n\n", "", StringComparison.Ordinal);
        using var tree = new TempTree();
        var path = PolicySetBuilder.SingleFile("cps.md", text).WriteTo(tree.Root);
        Assert.Equal(3, Run.Compile(path).Of("PD0101").Count());

        var (code, _, stderr) = Run.Cli("check", "--fix", "--content", path);
        Assert.True(code == 0, stderr);
        Assert.Contains("Made 3 fixes", stderr, StringComparison.Ordinal);
        var written = File.ReadAllText(path);
        Assert.Contains("### 3.3.1 Identification and authentication for routine re-key\n\nNo stipulation.\n\n" +
                        "### 3.3.2 Identification and authentication for re-key after revocation\n\nNo stipulation.\n\n## 3.4 ", written, StringComparison.Ordinal);
        Assert.Contains("### 6.1.2 Private key delivery to subscriber\n\nNo stipulation.\n\n### 6.1.3 ", written, StringComparison.Ordinal);
        Assert.Empty(Run.Compile(path).Of("PD0101"));
    }

    [Fact]
    public void A_missing_chapter_file_is_not_filled_into_the_next_chapters_file()
    {
        // The folder layout without its chapter 1 file: its sections are missing, but the file after them is chapter 2's.
        var b = PolicySetBuilder.Valid().Remove(PolicySetBuilder.FileFor("cp", "1"));
        using var tree = new TempTree();
        var content = b.WriteTo(tree.Root);
        var chapter2 = Path.Combine(content, PolicySetBuilder.FileFor("cp", "2"));
        var before = File.ReadAllText(chapter2);
        var (_, _, stderr) = Run.Cli("check", "--fix", "--content", content);
        Assert.DoesNotContain("Made ", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(chapter2));
    }
}
