using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Checks;

/// <summary>Markdown that the outputs cannot carry faithfully, reported at its source line.</summary>
public sealed class MarkdownRuleTests
{
    [Fact]
    public void Pd0301_a_table_row_with_fewer_cells_than_the_header()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "| Algorithm | Size |\n|---|---|\n| RSA | 3072 |\n| ECDSA |\n");
        var d = Assert.Single(Run.Compile(b).Of("PD0301"));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(b.LineOf("documents/cp/06.md", "| ECDSA |"), d.Span.Line);
    }

    [Fact]
    public void Pd0301_a_table_row_with_more_cells_than_the_header()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "| Algorithm | Size |\n|---|---|\n| RSA | 3072 | extra |\n");
        Assert.Single(Run.Compile(b).Of("PD0301"));
    }

    [Fact]
    public void Pd0301_rows_as_wide_as_the_header_are_clean_even_with_an_escaped_pipe()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "| Algorithm | Size |\n|---|---|\n| RSA \\| PSS | 3072 |\n");
        Assert.Empty(Run.Compile(b).Of("PD0301"));
    }

    [Fact]
    public void Pd0302_an_image_whose_file_is_missing_is_an_error_at_its_line()
    {
        var b = PolicySetBuilder.Valid().Body("cp", "6.1.5", "Keys are generated as shown.\n\n![Key generation](images/keygen.png)\n");
        var d = Assert.Single(Run.Compile(b).Of("PD0302"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(b.LineOf("documents/cp/06.md", "![Key generation]"), d.Span.Line);
    }
}
