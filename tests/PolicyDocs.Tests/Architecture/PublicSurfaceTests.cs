using System.Reflection;
using PolicyDocs.Cli;
using PolicyDocs.Compiling;

namespace PolicyDocs.Tests.Architecture;

/// <summary>
/// The command line is PolicyDocs' one public face: neither the library nor the CLI assembly exports a type, so no
/// caller can come to depend on the model's shape. The CLI, the tests and the benchmarks see the types through
/// InternalsVisibleTo.
/// </summary>
public sealed class PublicSurfaceTests
{
    public static TheoryData<string> Assemblies() => new() { "library", "cli" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void The_assembly_exports_no_type(string which)
    {
        var assembly = which == "library" ? typeof(PolicyCompiler).Assembly : typeof(CliApp).Assembly;
        var exported = assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.True(exported.Count == 0, $"{assembly.GetName().Name} exports: " + string.Join(", ", exported.Take(20)));
    }

    [Fact]
    public void The_library_still_has_types()
    {
        // Guards the test above against a reflection change that would list nothing for any assembly.
        Assert.Contains(typeof(PolicyCompiler).Assembly.GetTypes(), t => t == typeof(PolicyCompiler));
        Assert.False(typeof(PolicyCompiler).IsVisible);
    }
}
