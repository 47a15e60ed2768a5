namespace PolicyDocs.Output;

/// <summary>What an output folder must never be, contain or lie inside: the content, the templates, and the user's
/// home folder (which it must also not be or contain).</summary>
/// <param name="Protected">Folders or files by what they are ("the content", "the templates") and their paths.</param>
/// <param name="Home">The user's home folder, or null when there is none.</param>
internal sealed record OutputGuard(IReadOnlyList<(string What, string Path)> Protected, string? Home)
{
    /// <summary>The guard for a build of <paramref name="contentPaths"/>: each content path, the <c>templates/</c>
    /// folder beside a content folder (one inside it is inside the content), and the current user's home folder.</summary>
    public static OutputGuard ForContent(params string[] contentPaths)
    {
        var list = new List<(string, string)>();
        foreach (var content in contentPaths.Where(p => p.Length > 0))
        {
            list.Add(("the content", content));
            if (Directory.Exists(content) && Path.GetDirectoryName(Path.GetFullPath(content).TrimEnd(Path.DirectorySeparatorChar)) is { } parent)
                list.Add(("the templates", Path.Combine(parent, "templates")));
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new OutputGuard(list, home.Length > 0 ? home : null);
    }
}
