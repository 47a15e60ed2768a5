using System.CommandLine;

namespace PolicyDocs.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Content() => PathValue(new Option<string>("--content", "-c")
    {
        Description = "The policy set: a content folder, or a single Markdown CP/CPS file.",
        DefaultValueFactory = _ => "content",
    });

    /// <summary>Makes <paramref name="option"/> refuse an empty path or one with a NUL character, as a usage error.</summary>
    public static Option<T> PathValue<T>(Option<T> option)
    {
        option.Validators.Add(r =>
        {
            if (PathProblem(r.Tokens.Count > 0 ? r.Tokens[^1].Value : null) is { } problem) r.AddError($"{option.Name}: {problem}.");
        });
        return option;
    }

    /// <summary>Makes <paramref name="argument"/> refuse an empty path or one with a NUL character, as a usage error.</summary>
    public static Argument<string> PathValue(Argument<string> argument)
    {
        argument.Validators.Add(r =>
        {
            if (PathProblem(r.Tokens.Count > 0 ? r.Tokens[^1].Value : null) is { } problem) r.AddError($"{argument.Name}: {problem}.");
        });
        return argument;
    }

    private static string? PathProblem(string? value) =>
        value is null ? null
        : value.Trim().Length == 0 ? "the path is empty"
        : value.Contains('\0', StringComparison.Ordinal) ? "the path contains a NUL character"
        : null;

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat warnings (such as BR title variants) as errors.",
    };

    /// <summary><c>--no-pdf</c>: skip printing the Word files as PDF with LibreOffice.</summary>
    public static Option<bool> NoPdf(string description) => new("--no-pdf") { Description = description };

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
