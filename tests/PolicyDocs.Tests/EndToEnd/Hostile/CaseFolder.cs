using System.Diagnostics;
using System.Text;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>
/// A case's own temporary folder: a valid policy set in <c>content/</c> (the one <c>policydocs new</c> writes), a
/// previous PolicyDocs site in <c>site/</c>, a file outside the content holding a canary text, and a home folder.
/// Helpers write, replace and link files relative to the content.
/// </summary>
public sealed class CaseFolder : IDisposable
{
    /// <summary>Text that must never be published: it sits outside the content, as a host file would.</summary>
    public const string Canary = "CANARY-OUTSIDE-THE-CONTENT-5f2e9a";

    private static readonly Lazy<PolicySetBuilder> Scaffold = new(() => PolicySetBuilder.Scaffolded("Hostile Test PKI"));

    private static readonly Lazy<SortedDictionary<string, byte[]>> PreviousSiteFiles = new(BuildPreviousSite);

    /// <summary>Creates the folder with its content, previous site, outside file and home.</summary>
    public CaseFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "policydocs-hostile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Scaffold.Value.WriteTo(Content);
        WriteTree(Site, PreviousSiteFiles.Value);
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Path.Combine(Root, "elsewhere"));
        File.WriteAllText(Outside, Canary + "\n");
    }

    /// <summary>The case folder.</summary>
    public string Root { get; }

    /// <summary>The policy set.</summary>
    public string Content => Path.Combine(Root, "content");

    /// <summary>Where the previous site is, and where builds write by default.</summary>
    public string Site => Path.Combine(Root, "site");

    /// <summary>The home folder the command runs with.</summary>
    public string Home => Path.Combine(Root, "home");

    /// <summary>A file outside the content whose text (<see cref="Canary"/>) must never be published.</summary>
    public string Outside => Path.Combine(Root, "elsewhere", "secret.txt");

    /// <summary>The one document of the set.</summary>
    public const string Doc = "documents/cp-cps";

    /// <summary>A content file as the scaffold writes it.</summary>
    public static string ScaffoldText(string relative) => Scaffold.Value.Files[relative];

    private System.Net.Sockets.TcpListener? _held;

    /// <summary>The port <see cref="HoldPort"/> holds, for <c>{port}</c> in a case's arguments.</summary>
    public int Port { get; private set; }

    /// <summary>Listens on a free loopback port for the whole case, so a server started on it finds it in use.</summary>
    public CaseFolder HoldPort()
    {
        _held = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        _held.Start();
        Port = ((System.Net.IPEndPoint)_held.LocalEndpoint).Port;
        return this;
    }

    /// <summary>The previous site's files, as every case starts with them.</summary>
    public static SortedDictionary<string, byte[]> PreviousSite => PreviousSiteFiles.Value;

    /// <summary>Full path of a content file.</summary>
    public string Path_(string relative) => Path.Combine(Content, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Text of a content file.</summary>
    public string Read(string relative) => File.ReadAllText(Path_(relative));

    /// <summary>Writes a content file (UTF-8, no BOM), creating its folder.</summary>
    public CaseFolder Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes a content file's bytes, creating its folder.</summary>
    public CaseFolder WriteBytes(string relative, byte[] bytes)
    {
        var full = Path_(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full) || IsLink(full)) File.Delete(full);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>Appends text to a content file.</summary>
    public CaseFolder Append(string relative, string text)
    {
        File.AppendAllText(Path_(relative), text);
        return this;
    }

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in a content file; fails when it is absent.</summary>
    public CaseFolder Replace(string relative, string old, string replacement)
    {
        var text = Read(relative);
        var i = text.IndexOf(old, StringComparison.Ordinal);
        if (i < 0) throw new InvalidOperationException($"'{old}' is not in {relative}");
        return Write(relative, string.Concat(text.AsSpan(0, i), replacement, text.AsSpan(i + old.Length)));
    }

    /// <summary>Appends prose to the end of section 1.1 of the document (its first section body).</summary>
    public CaseFolder Prose(string markdown) =>
        Replace(Doc + "/01-introduction.md", "## 1.1 Overview\n\nNo stipulation.\n", "## 1.1 Overview\n\n" + markdown + "\n");

    /// <summary>The 1-based line where <see cref="Prose"/> puts the first line of its text.</summary>
    public const int ProseLine = 5;

    /// <summary>Makes <paramref name="relative"/> a symbolic link to <paramref name="target"/> (any path).</summary>
    public CaseFolder Link(string relative, string target)
    {
        var full = Path_(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full) || IsLink(full)) File.Delete(full);
        else if (Directory.Exists(full)) Directory.Delete(full, true);
        File.CreateSymbolicLink(full, target);
        return this;
    }

    /// <summary>Makes <paramref name="relative"/> a named pipe (FIFO) with no writer, so opening it would block.</summary>
    public CaseFolder Fifo(string relative) => MakeFifo(Path_(relative));

    /// <summary>Makes a FIFO at a full path.</summary>
    public CaseFolder MakeFifo(string full)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full)) File.Delete(full);
        var psi = new ProcessStartInfo("mkfifo") { ArgumentList = { full }, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("mkfifo did not start");
        if (!p.WaitForExit(TimeSpan.FromSeconds(30)) || p.ExitCode != 0)
            throw new InvalidOperationException("mkfifo failed: " + p.StandardError.ReadToEnd());
        SpecialPaths[full] = 0;
        return this;
    }

    /// <summary>Deletes a content file.</summary>
    public CaseFolder Delete(string relative)
    {
        File.Delete(Path_(relative));
        return this;
    }

    /// <summary>Writes a file anywhere under the case root.</summary>
    public string WriteRoot(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>True when <paramref name="path"/> is a symbolic link (to anything, even nothing).</summary>
    public static bool IsLink(string path)
    {
        try { return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0; }
        catch (IOException) { return false; }
    }

    /// <summary>
    /// Every entry under <paramref name="folder"/> without following links or opening anything but regular files:
    /// regular files by their bytes' hash, links by their target, other entries (FIFOs, devices) by their kind.
    /// </summary>
    public static SortedDictionary<string, string> Fingerprint(string folder, Func<string, bool>? skip = null)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return result;
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                var rel = Path.GetRelativePath(folder, entry.FullName).Replace('\\', '/');
                if (skip?.Invoke(rel) == true) continue;
                if (entry.LinkTarget is { } target) result[rel] = "link -> " + target;
                else if (entry is DirectoryInfo) { result[rel + "/"] = "folder"; pending.Push(entry.FullName); }
                else if (SpecialPaths.ContainsKey(entry.FullName)) result[rel] = "special";
                else result[rel] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(entry.FullName)));
            }
        }
        return result;
    }

    /// <summary>Paths the cases made special (FIFOs): .NET cannot tell their type, so fingerprints know them by name and never open them.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> SpecialPaths = new();

    private static void WriteTree(string folder, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    private static SortedDictionary<string, byte[]> BuildPreviousSite()
    {
        using var tree = new Support.TempTree();
        Scaffold.Value.WriteTo(tree.PathOf("content"));
        var (code, stdout, stderr) = Support.Run.Cli("build", "--content", tree.PathOf("content"), "--output", tree.PathOf("site"));
        if (code != 0) throw new InvalidOperationException($"The scaffolded set does not build: {stdout}{stderr}");
        return Support.TempTree.Snapshot(tree.PathOf("site"));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _held?.Stop();
        foreach (var p in SpecialPaths.Keys.Where(p => p.StartsWith(Root, StringComparison.Ordinal))) SpecialPaths.TryRemove(p, out _);
        try { Directory.Delete(Root, true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
