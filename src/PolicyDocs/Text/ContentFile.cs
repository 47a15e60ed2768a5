using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace PolicyDocs.Text;

/// <summary>Why a content or template file was not read.</summary>
internal enum FileFault
{
    /// <summary>The file does not exist or the operating system refused to read it.</summary>
    Unreadable,
    /// <summary>A FIFO, socket, device or folder where a regular file is expected.</summary>
    NotRegular,
    /// <summary>A link (or a path through a linked folder) that ends outside the root.</summary>
    OutsideRoot,
    /// <summary>Larger than <see cref="ContentFile.MaxBytes"/>.</summary>
    TooLarge,
    /// <summary>Not valid UTF-8.</summary>
    InvalidUtf8,
}

/// <summary>A file that was refused or could not be read. <see cref="Line"/> and <see cref="Column"/> locate
/// the first byte that is not UTF-8; otherwise they are 1.</summary>
/// <param name="Fault">What is wrong.</param>
/// <param name="Message">A sentence to follow the file's name ("is a FIFO (named pipe), ...").</param>
/// <param name="Line">1-based line of the problem.</param>
/// <param name="Column">1-based column (in characters) of the problem.</param>
internal sealed record FileProblem(FileFault Fault, string Message, int Line = 1, int Column = 1);

/// <summary>
/// The one way PolicyDocs reads content and template files. A file is read only when, after every symbolic link
/// in its path is resolved, it is a regular file inside its root and at most <see cref="MaxBytes"/> long; FIFOs,
/// sockets and devices are never opened (opening a FIFO blocks), and text must be UTF-8 (a BOM is allowed).
/// </summary>
internal static class ContentFile
{
    /// <summary>The largest file PolicyDocs reads: 16 MiB.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private const int MaxLinks = 40;

    /// <summary>Reads <paramref name="path"/> as UTF-8 text (without its BOM), or returns null and why not.</summary>
    /// <param name="root">The folder the file must be inside once links are resolved.</param>
    /// <param name="path">The file.</param>
    /// <param name="rootName">How messages name the root ("the content folder", "templates/").</param>
    /// <param name="problem">Why the file was not read.</param>
    public static string? ReadText(string root, string path, string rootName, out FileProblem? problem)
    {
        var bytes = ReadBytes(root, path, rootName, out problem);
        return bytes is null ? null : Decode(bytes, out problem);
    }

    /// <summary>Reads <paramref name="path"/>'s bytes, or returns null and why not; see <see cref="ReadText"/>.</summary>
    public static byte[]? ReadBytes(string root, string path, string rootName, out FileProblem? problem)
    {
        var real = Check(root, path, rootName, out problem);
        if (real is null) return null;
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(stream.Length, MaxBytes) + 1];
            var n = 0;
            int read;
            while (n < buffer.Length && (read = stream.Read(buffer, n, buffer.Length - n)) > 0) n += read;
            if (n > MaxBytes)
            {
                problem = TooLarge();
                return null;
            }
            return n == buffer.Length ? buffer : buffer[..n];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = new FileProblem(FileFault.Unreadable, $"cannot be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Checks <paramref name="path"/> without opening it: returns its real path when it is a regular file inside
    /// <paramref name="root"/> of at most <see cref="MaxBytes"/>, else null and why not.
    /// </summary>
    public static string? Check(string root, string path, string rootName, out FileProblem? problem)
    {
        var real = Resolve(root, path, rootName, out problem);
        if (real is null) return null;
        var info = new FileInfo(real);
        if (!info.Exists)
        {
            problem = Directory.Exists(real)
                ? new FileProblem(FileFault.NotRegular, "is a folder, not a file; it is not read.")
                : new FileProblem(FileFault.Unreadable, real == Path.GetFullPath(path) ? "does not exist." : $"is a link to {real}, which does not exist.");
            return null;
        }
        if (info.Length > MaxBytes)
        {
            problem = TooLarge();
            return null;
        }
        var kind = KindOf(real);
        if (kind != FileKind.Regular)
        {
            problem = new FileProblem(FileFault.NotRegular, $"is {Describe(kind)}, not a regular file; it is not read.");
            return null;
        }
        return real;
    }

    /// <summary>
    /// The real path of folder <paramref name="dir"/> when it exists and lies inside <paramref name="root"/> once links
    /// are resolved (or is the root), else null and why not (null problem when the folder simply does not exist).
    /// Enumerate folders through this so a linked folder never leads out of the tree.
    /// </summary>
    public static string? Folder(string root, string dir, string rootName, out FileProblem? problem)
    {
        problem = null;
        if (!Directory.Exists(dir)) return null;
        var realRoot = RealPath(Path.GetFullPath(root));
        var real = realRoot is null ? null : RealPath(Path.GetFullPath(dir));
        if (realRoot is null || real is null)
        {
            problem = Loop();
            return null;
        }
        if (real != realRoot && !IsInside(realRoot, real))
        {
            problem = new FileProblem(FileFault.OutsideRoot, $"is a link to {real}, outside {rootName}; it is not read.");
            return null;
        }
        return real;
    }

    /// <summary>
    /// Every file below <paramref name="dir"/> (its subfolders too), as paths under <paramref name="dir"/>, in ordinal
    /// order. Linked folders are followed only when they stay inside <paramref name="root"/>, each real folder once;
    /// the others are returned as problems.
    /// </summary>
    public static (List<string> Files, List<(string Path, FileProblem Problem)> Problems) AllFiles(string root, string dir, string rootName)
    {
        var files = new List<string>();
        var problems = new List<(string, FileProblem)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var real = Folder(root, current, rootName, out var problem);
            if (problem is not null) problems.Add((current, problem));
            if (real is null || !seen.Add(real)) continue;
            try
            {
                files.AddRange(Directory.GetFiles(current));
                foreach (var sub in Directory.GetDirectories(current).Order(StringComparer.Ordinal).Reverse()) pending.Push(sub);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add((current, new FileProblem(FileFault.Unreadable, $"cannot be read: {ex.Message}")));
            }
        }
        files.Sort(StringComparer.Ordinal);
        return (files, problems);
    }

    /// <summary>Decodes UTF-8 strictly (dropping a BOM); on the first invalid byte returns null and its line and column.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out FileProblem? problem)
    {
        problem = null;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            problem = new FileProblem(FileFault.InvalidUtf8, "is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8; save it as UTF-8.");
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done) return new string(chars, 0, written);
            var before = bytes[..read];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var line = 1 + before.Count((byte)'\n');
            var column = 1 + System.Text.Encoding.UTF8.GetCharCount(before[lineStart..]);
            problem = new FileProblem(FileFault.InvalidUtf8,
                $"is not valid UTF-8: byte 0x{bytes[read]:X2} at line {line}, column {column} begins no character; save the file as UTF-8.", line, column);
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// The path with every symbolic link resolved, component by component (".." after a link climbs from the
    /// link's target, as the operating system does); null when links loop.
    /// </summary>
    public static string? RealPath(string fullPath)
    {
        var rootPart = Path.GetPathRoot(fullPath) ?? "/";
        var pending = new Stack<string>(Split(fullPath[rootPart.Length..]).Reverse());
        var current = rootPart;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) return null;
            foreach (var p in Split(Path.IsPathRooted(target) ? target[(Path.GetPathRoot(target)?.Length ?? 0)..] : target).Reverse()) pending.Push(p);
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) ?? rootPart;
        }
        return current;
    }

    private static string? Resolve(string root, string path, string rootName, out FileProblem? problem)
    {
        problem = null;
        var realRoot = RealPath(Path.GetFullPath(root));
        var real = RealPath(Path.GetFullPath(path));
        if (realRoot is null || real is null)
        {
            problem = Loop();
            return null;
        }
        if (!IsInside(realRoot, real))
        {
            problem = new FileProblem(FileFault.OutsideRoot, $"is a link to {real}, outside {rootName}; it is not read.");
            return null;
        }
        return real;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static FileProblem TooLarge() =>
        new(FileFault.TooLarge, $"is larger than {MaxBytes / (1024 * 1024)} MiB, the most PolicyDocs reads from one file; it is not read.");

    private static FileProblem Loop() =>
        new(FileFault.Unreadable, $"cannot be read: its path goes through more than {MaxLinks} symbolic links (a loop?).");

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        _ => "a special file",
    };

    private enum FileKind
    {
        Regular, Fifo, CharacterDevice, Directory, BlockDevice, Link, Socket, Other,
    }

    // .NET 10 has no public API for a file's type (SafeFileHandle.Type comes in a later release), and opening a
    // FIFO to ask blocks. The runtime's own portable shim, System.Native, exposes lstat with one layout on every Unix
    // (FileStatus: Flags, then Mode) and the S_IFMT values below; Native AOT links it statically. Windows has no
    // FIFOs or devices among ordinary paths, so there every existing non-folder counts as a regular file.
    private static FileKind KindOf(string realPath)
    {
        if (OperatingSystem.IsWindows()) return FileKind.Regular;
        var status = new byte[256];
        if (LStat(realPath, status) != 0) return FileKind.Regular;
        return (BitConverter.ToInt32(status, 4) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x4000 => FileKind.Directory,
            0x6000 => FileKind.BlockDevice,
            0xA000 => FileKind.Link,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    // When lstat fails the file is treated as regular: opening it then reports the operating system's reason.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
