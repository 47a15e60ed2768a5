using PolicyDocs.Pipeline;
using System.Security.Cryptography;
using PolicyDocs.Output;
using PolicyDocs.Compiling;

using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Output;

public sealed class ChecksumTests
{
    [Fact]
    public void Sha256sums_lists_every_published_file_with_its_hash()
    {
        using var sample = new SampleCopy();
        var output = SiteBuilder.Build(PolicyCompiler.Compile(sample.Content).Published!).Output;
        var lines = System.Text.Encoding.UTF8.GetString(output.Get(Checksums.Path)!).TrimEnd('\n').Split('\n');
        var files = output.Files.Where(f => f.Key != Checksums.Path).ToList();
        Assert.Equal(files.Count, lines.Length);
        Assert.Contains(lines, l => l.EndsWith("  downloads/cps-1.1.docx", StringComparison.Ordinal));
        foreach (var (line, (path, bytes)) in lines.Zip(files))
            Assert.Equal($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {path}", line);
    }
}
