using System.CommandLine;

namespace PolicyDocs.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Content() => new("--content", "-c")
    {
        Description = "The policy set: a content folder, or a single Markdown CP/CPS file.",
        DefaultValueFactory = _ => "content",
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat warnings (such as BR title variants) as errors.",
    };

    public static Option<string> Format(params string[] formats)
    {
        var o = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        o.AcceptOnlyFromAmong(formats);
        return o;
    }
}
