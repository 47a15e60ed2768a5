using PolicyDocs.Cli;

return CliApp.Run(args, Console.Out, Console.Error);

/// <summary>The entry point stays internal like every other type of the CLI.</summary>
internal partial class Program;
