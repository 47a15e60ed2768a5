using PolicyDocs.Tests.Matrix;
using Xunit;

namespace PolicyDocs.Tests.Cli;

public sealed class MatrixCommandTests
{
    [Fact]
    public void Matrix_prints_coverage_and_exits_zero_without_gaps()
    {
        using var t = new TestPolicySet();
        t.Compile();
        var (code, output, err) = Support.Run.Cli("matrix", "--content", t.Root);
        Assert.Equal(0, code);
        Assert.Contains("root (High External): 2/2 addressed (100%)", output);
        Assert.Contains("0 gaps", err);
    }

    [Fact]
    public void Matrix_exits_one_on_a_gap_and_two_on_an_unknown_ca()
    {
        using var t = new TestPolicySet();
        t.Recommendations = t.Recommendations.Replace("  sections: [cp:1.1]\n", "", StringComparison.Ordinal);
        t.Compile();
        Assert.Equal(1, Support.Run.Cli("matrix", "--content", t.Root).Code);
        Assert.Equal(0, Support.Run.Cli("matrix", "--content", t.Root, "--ca", "internal").Code); // PROC-01 does not apply to it
        var (code, _, err) = Support.Run.Cli("matrix", "--content", t.Root, "--ca", "roo");
        Assert.Equal(2, code);
        Assert.Contains("there is no CA 'roo' in data/cas.yaml (did you mean 'root'?)", err);
        var csv = Support.Run.Cli("matrix", "--content", t.Root, "--format", "csv").Out;
        Assert.StartsWith("Id,Chapter,", csv);
    }
}
