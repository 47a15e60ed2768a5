using System.Security.Cryptography;
using System.Text;

namespace PolicyDocs.Output;

/// <summary>The SHA256SUMS file of a build: one line per published file, in the format <c>sha256sum -c</c> reads.</summary>
internal static class Checksums
{
    /// <summary>Where the file is written.</summary>
    public const string Path = "SHA256SUMS";

    /// <summary>"&lt;hex&gt;  &lt;path&gt;" for every file of <paramref name="output"/> but the checksum file itself, sorted by path.</summary>
    public static string Of(OutputSet output)
    {
        var sb = new StringBuilder();
        foreach (var (path, bytes) in output.Files)
        {
            if (path == Path) continue;
            sb.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append("  ").Append(path).Append('\n');
        }
        return sb.ToString();
    }
}
