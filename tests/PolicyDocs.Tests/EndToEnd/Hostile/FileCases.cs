using System.Text;
using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>Files that are not what they seem: links out of the tree, FIFOs, devices, huge files, odd names.</summary>
internal static class FileCases
{
    private static string OutsideFolder(CaseFolder f, string file, string text)
    {
        var dir = Path.Combine(f.Root, "elsewhere", "tree");
        f.WriteRoot(Path.Combine("elsewhere", "tree", file), text);
        return dir;
    }

    public static IEnumerable<HostileCase> All()
    {
        yield return Build("files: data file linked to /etc/os-release", f => f.Link("data/os.yaml", "/etc/os-release"), Findings);
        yield return Build("files: data file linked to /etc/passwd", f => f.Link("data/passwd.yaml", "/etc/passwd"), Findings);
        yield return Build("files: data file linked out of the tree", f => f.Link("data/leak.yaml", f.Outside), Findings);
        yield return Build("files: data file linked through a relative path out of the tree", f => f.Link("data/leak.yaml", "../../outside/secret.txt"), Findings);
        yield return Build("files: prose file linked to /etc/passwd", f => f.Link(Doc + "/10-leak.md", "/etc/passwd"), Findings);
        yield return Build("files: prose file linked out of the tree", f =>
        {
            File.WriteAllText(f.Outside, "# Appendix A Leak\n\n" + CaseFolder.Canary + "\n");
            f.Link(Doc + "/10-leak.md", f.Outside);
        }, Findings);
        yield return Check("files: data file linked to /dev/urandom", f => f.Link("data/rand.yaml", "/dev/urandom"), Findings);
        yield return Check("files: data file linked to /dev/zero", f => f.Link("data/zero.yaml", "/dev/zero"), Findings);
        yield return Check("files: prose file linked to /dev/zero", f => f.Link(Doc + "/10-zero.md", "/dev/zero"), Findings);
        yield return Check("files: data file linked to /proc/self/environ", f => f.Link("data/env.yaml", "/proc/self/environ"), Findings);
        yield return Check("files: data file is a FIFO", f => f.Fifo("data/pipe.yaml"), Findings);
        yield return Check("files: prose file is a FIFO", f => f.Fifo(Doc + "/10-pipe.md"), Findings);
        yield return Check("files: document.yaml is a FIFO", f => f.Delete(Doc + "/document.yaml").Fifo(Doc + "/document.yaml"), Findings);
        yield return Check("files: policyset.yaml is a FIFO", f => f.Delete("policyset.yaml").Fifo("policyset.yaml"), Refused);
        yield return Check("files: ceremony file is a FIFO", f => f.Fifo("ceremonies/pipe.yaml"), Findings);
        yield return Build("files: ceremony file linked out of the tree", f => f.Link("ceremonies/leak.yaml", f.Outside), Findings);
        yield return Build("files: data folder linked out of the tree", f =>
        {
            var dir = OutsideFolder(f, "glossary.yaml", $"- term: Leak\n  definition: {CaseFolder.Canary}\n");
            Directory.Delete(f.Path_("data"), true);
            f.Link("data", dir);
        }, Refused);
        yield return Build("files: document folder linked out of the tree", f =>
        {
            var dir = OutsideFolder(f, "document.yaml", Document(title: CaseFolder.Canary));
            foreach (var file in Directory.GetFiles(f.Path_(Doc), "*.md"))
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            f.Link("documents/leak", dir);
            f.Write("policyset.yaml", PolicySet().Replace("[cp-cps]", "[cp-cps, leak]", StringComparison.Ordinal));
        }, Findings);
        yield return Build("files: templates folder linked out of the tree", f =>
        {
            OutsideFolder(f, "markdown/leak.sbn", CaseFolder.Canary);
            f.Link("templates", Path.Combine(f.Root, "elsewhere", "tree"));
            f.Prose("{{ include \"leak\" }}");
        }, Findings);
        yield return Build("files: a site asset linked to /etc/passwd", f => f.Link("templates/site/assets/leak.css", "/etc/passwd"), Findings);
        yield return Build("files: a site partial linked out of the tree", f => f.Link("templates/site/partials/footer.sbn", f.Outside), Findings);
        yield return Check("files: a data file over the size limit", f => f.Write("data/huge.yaml", "- a: " + Repeat("x", 40 << 20) + "\n"), Findings);
        yield return Check("files: a prose file over the size limit", f => f.Write(Doc + "/10-huge.md", Repeat("word ", 9 << 20)), Findings);
        yield return new HostileCase("files: --content /dev/zero", _ => { }, ["check", "--content", "/dev/zero"], Usage);
        yield return new HostileCase("files: --content /dev/null", _ => { }, ["check", "--content", "/dev/null"], Usage);
        yield return new HostileCase("files: --content a FIFO named .md", f => f.MakeFifo(Path.Combine(f.Root, "pipe.md")), ["check", "--content", "{root}/pipe.md"], Refused);
        yield return new HostileCase("files: --content a link to /dev/zero named .md", f => File.CreateSymbolicLink(Path.Combine(f.Root, "zero.md"), "/dev/zero"), ["check", "--content", "{root}/zero.md"], Refused);
        yield return new HostileCase("files: --content missing", _ => { }, ["check", "--content", "{root}/nothing"], Usage);
        yield return new HostileCase("files: --content empty", _ => { }, ["check", "--content", ""], Usage);
        yield return new HostileCase("files: build --content empty", _ => { }, ["build", "--content", "", "--output", "{site}"], Usage);
        yield return new HostileCase("files: --content a text file", f => f.WriteRoot("notes.txt", "hello"), ["check", "--content", "{root}/notes.txt"], Usage);
        yield return new HostileCase("files: --content a folder that is not a policy set", f => f.WriteRoot("empty/readme.txt", "x"), ["check", "--content", "{root}/empty"], Usage);
        yield return Check("files: a folder named like a data file", f => Directory.CreateDirectory(f.Path_("data/folder.yaml")), Any);
        yield return Check("files: a link loop", f => f.Link("data/a.yaml", f.Path_("data/b.yaml")).Link("data/b.yaml", f.Path_("data/a.yaml")), Findings);
        yield return Check("files: a dangling link", f => f.Link("data/gone.yaml", f.Path_("data/nothing.yaml")), Findings);
        yield return Check("files: a folder named like a prose file", f => Directory.CreateDirectory(f.Path_(Doc + "/10-folder.md")), Any);
        yield return new HostileCase("files: a single file linked to /etc/passwd", f => f.Link("leak.md", "/etc/passwd"), ["build", "--content", "{content}/leak.md", "--output", "{site}"], Refused);
        yield return Build("files: a link inside the tree is followed", f =>
        {
            var file = Doc + "/02-publication-and-repository-responsibilities.md";
            f.Write("shared/02.md", f.Read(file));
            f.Link(file, "../../shared/02.md");
        }, Ok);
        yield return Check("files: a file name with a newline and an escape character", f => f.Write(Doc + "/10-\u001b[31mred\nline.md", "stray text\n"), Any);
        yield return Check("files: a data file name with spaces and quotes", f => f.Write("data/it's \"odd\".yaml", "- a: 1\n"), Any);
        yield return Check("files: 2,000 data files", f =>
        {
            for (var i = 0; i < 2_000; i++) f.Write($"data/extra{i:0000}.yaml", $"- id: x{i}\n  v: {i}\n");
        }, Any);
        yield return Check("files: an image linked to /etc/passwd", f => f.Link(Doc + "/diagram.png", "/etc/passwd").Prose("![Diagram](diagram.png)"), Any);
        yield return Build("files: an image path out of the tree", f => f.Prose("![Secret](../../../elsewhere/secret.txt)"), Any);
        yield return Check("files: a prose file of noise", f => f.WriteBytes(Doc + "/10-noise.md", Noise(32_768, 7)), Findings);
        yield return Check("files: a prose file in UTF-16", f => f.WriteBytes(Intro, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(f.Read(Intro))]), Any);
    }
}
