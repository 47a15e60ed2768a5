using System.Text.Json;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Cli;

/// <summary><c>--format json</c> and <c>--format sarif</c> are JSON that carries code, line and column.</summary>
public sealed class OutputFormatTests
{
    private static PolicySetBuilder TwoFindings() => PolicySetBuilder.Valid()
        .Body("cp", "4.9.3", "Intro.\n\nSee [[9.99]].")
        .Replace("documents/cp/04.md", "### 4.9.1 Circumstances for revocation", "### 4.9.1 Reasons we revoke");

    [Fact]
    public void JsonCarriesCodeLineAndColumn()
    {
        var b = TwoFindings();
        using var tree = b.Write();
        var (code, stdout, _) = Run.Cli("check", "--content", tree.Root, "--format", "json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("warnings").GetInt32());
        var items = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        var xref = items.Single(i => i.GetProperty("code").GetString() == "PD0201");
        Assert.Equal(b.LineOf("documents/cp/04.md", "See [[9.99]]"), xref.GetProperty("line").GetInt32());
        Assert.Equal(5, xref.GetProperty("column").GetInt32());
        Assert.Equal("error", xref.GetProperty("severity").GetString());
        Assert.EndsWith("documents/cp/04.md", xref.GetProperty("path").GetString(), StringComparison.Ordinal);
        var title = items.Single(i => i.GetProperty("code").GetString() == "PD0103");
        Assert.Equal("warning", title.GetProperty("severity").GetString());
        Assert.Equal(b.LineOf("documents/cp/04.md", "Reasons we revoke"), title.GetProperty("line").GetInt32());
    }

    [Fact]
    public void SarifCarriesRuleIdLineAndColumn()
    {
        var b = TwoFindings();
        using var tree = b.Write();
        var (code, stdout, _) = Run.Cli("check", "--content", tree.Root, "--format", "sarif");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("PD0101", ruleIds);
        Assert.Contains("PD0201", ruleIds);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var xref = results.Single(r => r.GetProperty("ruleId").GetString() == "PD0201");
        Assert.Equal("error", xref.GetProperty("level").GetString());
        var region = xref.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(b.LineOf("documents/cp/04.md", "See [[9.99]]"), region.GetProperty("startLine").GetInt32());
        Assert.Equal(5, region.GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void CleanSetGivesEmptyJsonAndExitZero()
    {
        using var tree = PolicySetBuilder.Valid().Write();
        var (code, stdout, _) = Run.Cli("check", "--content", tree.Root, "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void EveryRuleHasAUniqueCodeAndAHint()
    {
        var rules = PolicyDocs.Model.Rules.All;
        Assert.Equal(rules.Count, rules.Select(r => r.Code).Distinct().Count());
        Assert.All(rules, r => Assert.Matches(@"^PD\d{4}$", r.Code));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Hint)));
    }
}
