using PolicyDocs.Loading;
using PolicyDocs.Model;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.EndToEnd.Sample;

/// <summary>The sample's diagram is the generator's output; POLICYDOCS_UPDATE_GOLDEN=1 writes it again.</summary>
public sealed class CaHierarchyDiagramTests
{
    private static string Committed => Path.Combine(Run.RepoRoot(), "content", "documents", "cps", "images", "ca-hierarchy.png");

    [Fact]
    public void The_generator_is_deterministic_and_the_committed_diagram_is_its_output()
    {
        var png = CaHierarchyDiagram.Png();
        Assert.Equal(png, CaHierarchyDiagram.Png());
        if (Environment.GetEnvironmentVariable("POLICYDOCS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Committed)!);
            File.WriteAllBytes(Committed, png);
        }
        var committed = File.ReadAllBytes(Committed);
        var size = ImageHeader.Read(committed, out var problem);
        Assert.Null(problem);
        Assert.Equal(new ImageSize(ImageFormat.Png, 340, 200), size);
        Assert.True(committed.Length < 8 * 1024, $"the diagram is {committed.Length} bytes");
        Assert.Equal(png, committed);
    }
}
