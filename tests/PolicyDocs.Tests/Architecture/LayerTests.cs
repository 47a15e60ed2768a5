using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace PolicyDocs.Tests.Architecture;

/// <summary>
/// The library's folders form layers, lowest first: a folder may use only the folders before it, so no two folders
/// depend on each other and no stage reaches into a later one. A new folder must be given its place here.
/// </summary>
public sealed class LayerTests
{
    /// <summary>The layers of the library, lowest first (namespaces under PolicyDocs; a sub-namespace belongs to the
    /// longest listed prefix).</summary>
    public static readonly string[] Layers =
    [
        "Text",
        "Output",
        "Outline",
        "Model",
        "Reporting",
        "Markdown",
        "Templates",
        "Loading",
        "Binding",
        "Xrefs",
        "Matrix",
        "Checks",
        "Publication",
        "Compiling",
        "Diff",
        "Versions",
        "Rendering.Markdown",
        "Rendering.Html",
        "Rendering.Docx",
        "Rendering.Docx.Redline",
        "Rendering.Pdf",
        "Pipeline",
        "Scaffolding",
    ];

    private static readonly Lazy<IReadOnlyList<(string From, string To, string Type, string Uses)>> Edges = new(LoadEdges);

    [Fact]
    public void No_folder_depends_on_a_later_layer()
    {
        var violations = Edges.Value
            .Where(e => Array.IndexOf(Layers, e.From) < Array.IndexOf(Layers, e.To))
            .GroupBy(e => (e.From, e.To))
            .Select(g => $"{g.Key.From} → {g.Key.To}: {string.Join(", ", g.Select(e => $"{e.Type} uses {e.Uses}").Distinct().Order(StringComparer.Ordinal).Take(5))}")
            .ToList();
        Assert.True(violations.Count == 0, "Dependencies against the layer order:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_has_a_layer()
    {
        var unplaced = LibraryTypes().Select(t => Relative(t.Namespace.FullName)).Where(n => LayerOf(n) is null).Distinct().ToList();
        Assert.True(unplaced.Count == 0, "Namespaces without a layer: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void The_check_sees_real_dependencies()
    {
        // Guards the test itself: known edges of the library are found, so an empty violation list means something.
        Assert.Contains(Edges.Value, e => e.From == "Rendering.Html" && e.To == "Model");
        Assert.Contains(Edges.Value, e => e.From == "Diff" && e.To == "Xrefs");
        Assert.Contains(Edges.Value, e => e.From == "Pipeline" && e.To == "Rendering.Docx.Redline");
        Assert.Contains(Edges.Value, e => e.From == "Pipeline" && e.To == "Rendering.Pdf");
    }

    [Theory]
    [InlineData("Matrix", "Rendering.Html", true)]
    [InlineData("Xrefs", "Diff", true)]
    [InlineData("Checks", "Diff", true)]
    [InlineData("Rendering.Html", "Pipeline", true)]
    [InlineData("Rendering.Html", "Model", false)]
    public void Edges_the_order_forbids(string from, string to, bool forbidden) =>
        Assert.Equal(forbidden, Array.IndexOf(Layers, from) < Array.IndexOf(Layers, to));

    private static IEnumerable<IType> LibraryTypes()
    {
        var architecture = Architecture.Value;
        return architecture.Types.Where(t => t.Namespace.FullName.StartsWith("PolicyDocs.", StringComparison.Ordinal) && t.Assembly.Name == "PolicyDocs");
    }

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Architecture =
        new(() => new ArchLoader().LoadAssemblies(typeof(PolicyDocs.Compiling.PolicyCompiler).Assembly).Build());

    private static List<(string, string, string, string)> LoadEdges()
    {
        var edges = new List<(string, string, string, string)>();
        foreach (var type in LibraryTypes())
        {
            var from = LayerOf(Relative(type.Namespace.FullName));
            if (from is null) continue;
            foreach (var dependency in type.Dependencies)
            {
                var target = dependency.Target;
                if (target?.Namespace?.FullName is not { } ns || !ns.StartsWith("PolicyDocs.", StringComparison.Ordinal)) continue;
                var to = LayerOf(Relative(ns));
                if (to is null || to == from) continue;
                edges.Add((from, to, type.Name, target.Name));
            }
        }
        return edges;
    }

    private static string Relative(string ns) => ns["PolicyDocs.".Length..];

    private static string? LayerOf(string ns) =>
        Layers.Where(l => ns == l || ns.StartsWith(l + ".", StringComparison.Ordinal)).OrderByDescending(l => l.Length).FirstOrDefault();
}
