using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>Output targets PolicyDocs must refuse (anything it did not create) or may replace (its own output).</summary>
internal static class OutputCases
{
    private static HostileCase BuildTo(string name, string target, Action<CaseFolder> arrange, int[] exits) =>
        new(name, arrange, ["build", "--content", "{content}", "--output", target], exits);

    private static void GitRepo(CaseFolder f, string folder)
    {
        f.WriteRoot(Path.Combine(folder, ".git", "HEAD"), "ref: refs/heads/main\n");
        f.WriteRoot(Path.Combine(folder, "README.md"), "A repository.\n");
    }

    private static string? NoLeftovers(CaseFolder f, CaseResult _)
    {
        var left = Directory.GetFileSystemEntries(f.Root, ".site*").Select(Path.GetFileName).ToList();
        return left.Count == 0 ? null : "leftover copies beside the site: " + string.Join(", ", left);
    }

    public static IEnumerable<HostileCase> All()
    {
        yield return BuildTo("output: . in a repository root", ".", f => GitRepo(f, "."), Usage);
        yield return BuildTo("output: ./ in a repository root", "./", f => GitRepo(f, "."), Usage);
        yield return BuildTo("output: the content folder", "{content}", _ => { }, Usage);
        yield return BuildTo("output: the content folder with a trailing slash", "{content}/", _ => { }, Usage);
        yield return BuildTo("output: the content folder by a relative path", "content/../content", _ => { }, Usage);
        yield return BuildTo("output: the documents folder", "{content}/documents", _ => { }, Usage);
        yield return BuildTo("output: the data folder", "{content}/data", _ => { }, Usage);
        yield return BuildTo("output: the content's parent", "{root}", _ => { }, Usage);
        yield return BuildTo("output: the home folder", "{home}", f => f.WriteRoot("home/notes.txt", "mine"), Usage);
        yield return BuildTo("output: the empty home folder", "{home}", _ => { }, Usage);
        yield return BuildTo("output: a link to the content", "{root}/out-link", f => File.CreateSymbolicLink(Path.Combine(f.Root, "out-link"), f.Content), Usage);
        yield return BuildTo("output: a link to a folder outside", "{root}/out-link", f => File.CreateSymbolicLink(Path.Combine(f.Root, "out-link"), Path.GetDirectoryName(f.Outside)!), Usage);
        yield return BuildTo("output: the templates folder", "{content}/templates", f => f.Write("templates/markdown/x.sbn", "x"), Usage);
        yield return BuildTo("output: a file", "{outside}", _ => { }, Usage);
        yield return BuildTo("output: below a file", "{outside}/site", _ => { }, Usage);
        yield return BuildTo("output: a folder with someone's files", "{root}/mine", f => f.WriteRoot("mine/thesis.txt", "years of work"), Usage);
        yield return BuildTo("output: a folder holding a git work tree", "{root}/repo", f => GitRepo(f, "repo"), Usage);
        yield return BuildTo("output: a folder with only a .git file", "{root}/wt", f => f.WriteRoot("wt/.git", "gitdir: /elsewhere\n"), Usage);
        yield return BuildTo("output: a folder that contains the content", "{root}", f => f.WriteRoot("marker-free.txt", "x"), Usage);
        yield return BuildTo("output: a previous site with a file added", "{site}", f => f.WriteRoot("site/added-by-hand.txt", "x"), Ok);
        yield return BuildTo("output: an empty folder", "{root}/out-empty", f => Directory.CreateDirectory(Path.Combine(f.Root, "out-empty")), Ok);
        yield return BuildTo("output: a new folder", "{root}/out-new/deeper/site", _ => { }, Ok);
        yield return BuildTo("output: the previous site", "{site}", _ => { }, Ok) with { Then = NoLeftovers };
        yield return BuildTo("output: empty", "", _ => { }, Usage);
        yield return BuildTo("output: a name too long", "{root}/" + new string('n', 300), _ => { }, Usage);
        yield return BuildTo("output: a path too long", "{root}/" + string.Join('/', Enumerable.Repeat(new string('p', 200), 30)), _ => { }, Usage);
        yield return BuildTo("output: under /proc", "/proc/policydocs-site", _ => { }, Usage);
        yield return BuildTo("output: under /dev/null", "/dev/null/site", _ => { }, Usage);
        yield return BuildTo("output: /dev/null", "/dev/null", _ => { }, Usage);
        yield return BuildTo("output: leftovers of an interrupted build are cleaned", "{site}", f =>
        {
            foreach (var (path, bytes) in CaseFolder.PreviousSite)
            {
                var full = Path.Combine(f.Root, ".site.building-99999", path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }
        }, Ok) with { Then = NoLeftovers, MayDelete = [".site.building-99999"] };
        yield return BuildTo("output: a site lost between the two renames is restored", "{site}", f =>
        {
            Directory.Move(f.Site, Path.Combine(f.Root, ".site.old-99999"));
            f.Prose("{{ broken"); // the build fails, so what is in place afterwards is what recovery restored
        }, Findings) with { MayDelete = [".site.old-99999"] };
        yield return BuildTo("output: a hidden folder that only looks like a leftover is kept", "{site}", f => f.WriteRoot(".site.old-12345/mine.txt", "not PolicyDocs output"), Ok);
        yield return new HostileCase("output: diff --html to a file", _ => { }, ["diff", "{content}", "{content}", "--html", "{outside}"], Usage);
        yield return new HostileCase("output: diff --html to the content", _ => { }, ["diff", "{content}", "{content}", "--html", "{content}"], Usage);
        yield return new HostileCase("output: diff --docx to the content's parent", _ => { }, ["diff", "{content}", "{content}", "--docx", "{root}"], Usage);
        yield return new HostileCase("output: diff --html to a folder with someone's files", f => f.WriteRoot("mine/thesis.txt", "x"), ["diff", "{content}", "{content}", "--html", "{root}/mine"], Usage);
        yield return new HostileCase("output: diff --docx to a git work tree", f => GitRepo(f, "repo"), ["diff", "{content}", "{content}", "--docx", "{root}/repo"], Usage);
        yield return new HostileCase("output: diff --html to a new folder", _ => { }, ["diff", "{content}", "{content}", "--html", "{root}/out-html"], Any);
        yield return new HostileCase("output: new into a non-empty folder", f => f.WriteRoot("mine/thesis.txt", "x"), ["new", "{root}/mine"], Usage);
        yield return new HostileCase("output: new into a file", _ => { }, ["new", "{outside}"], Usage);
        yield return new HostileCase("output: new with an empty name", _ => { }, ["new", ""], Usage);
        yield return new HostileCase("output: new under /proc", _ => { }, ["new", "/proc/policydocs-new"], Usage);
    }
}
