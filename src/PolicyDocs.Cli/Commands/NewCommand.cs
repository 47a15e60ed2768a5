using System.CommandLine;
using PolicyDocs.Scaffolding;

namespace PolicyDocs.Cli.Commands;

/// <summary><c>policydocs new DIR</c>: scaffold a complete, valid policy set in a new or empty folder.</summary>
internal static class NewCommand
{
    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string>("DIR") { Description = "The folder to create (must not exist, or be empty)." };
        var name = new Option<string>("--name") { Description = "Name of the policy set.", DefaultValueFactory = _ => "Example PKI Policy Set" };
        var command = new Command("new", "Create a complete, valid policy set to start from.") { dir, name };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(dir)!;
            if (string.IsNullOrWhiteSpace(target))
            {
                console.Error.WriteLine("policydocs: new needs the name of a folder to create, such as 'policydocs new my-pki'.");
                return CliApp.Usage;
            }
            if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            {
                console.Error.WriteLine($"policydocs: {target} already exists and is not empty; choose a new folder.");
                return CliApp.Usage;
            }
            var files = PolicySetScaffolder.Create(parse.GetValue(name)!);
            foreach (var (path, bytes) in files.Files)
            {
                var full = Path.Combine(target, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }
            console.Error.WriteLine($"Created a policy set in {target}/ ({files.Files.Count} files). Next: policydocs check --content {target}");
            return CliApp.Ok;
        });
        return command;
    }
}
