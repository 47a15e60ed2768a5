namespace PolicyDocs.Output;

/// <summary>Writes an <see cref="OutputSet"/> to a temporary folder beside the target and swaps it in whole,
/// so a failed build never leaves a half-written site.</summary>
public static class OutputWriter
{
    /// <summary>Writes <paramref name="output"/> to <paramref name="directory"/>, replacing what was there.</summary>
    public static void Write(OutputSet output, string directory)
    {
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var temp = Path.Combine(parent, $".{name}.building-{Environment.ProcessId}");
        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        if (Directory.Exists(temp)) Directory.Delete(temp, true);
        try
        {
            foreach (var (path, content) in output.Files)
            {
                var full = Path.Combine(temp, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, content);
            }
            Directory.CreateDirectory(temp);
            if (Directory.Exists(target)) Directory.Move(target, old);
            Directory.Move(temp, target);
            if (Directory.Exists(old)) Directory.Delete(old, true);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, true);
            if (!Directory.Exists(target) && Directory.Exists(old)) Directory.Move(old, target);
            throw;
        }
    }
}
