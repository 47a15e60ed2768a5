using System.Runtime.InteropServices;

namespace PolicyDocs.Output;

/// <summary>Exchanges two folders in one step where the OS allows (Linux <c>renameat2(RENAME_EXCHANGE)</c>), so a
/// replaced folder is never missing, not even for an instant.</summary>
internal static partial class FolderSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    /// <summary>Swaps the folders <paramref name="a"/> and <paramref name="b"/> (both must exist) atomically; false when
    /// this OS or file system cannot, and then nothing has changed.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
