namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>
/// One hostile input or fault: how to prepare the case folder, which command to run on it, and what must hold.
/// Every case is also held to the corpus-wide invariants checked by <see cref="HostileRunner"/>: it ends within the
/// time bound, prints no stack trace, prints every diagnostic on one line, changes no content file, leaves the
/// previous site intact unless it succeeded, and publishes no script, host file or truncated page.
/// </summary>
/// <param name="Name">A short unique name, shown as the test case.</param>
/// <param name="Arrange">Prepares the case folder (content in <c>content/</c>, a previous site in <c>site/</c>).</param>
/// <param name="Args">The command line; <c>{content}</c>, <c>{site}</c> and <c>{root}</c> stand for the case's paths.</param>
/// <param name="Exits">The exit codes allowed.</param>
public sealed record HostileCase(string Name, Action<CaseFolder> Arrange, string[] Args, int[] Exits)
{
    /// <summary>A diagnostic code that must be reported (on stdout), or null.</summary>
    public string? Code { get; init; }

    /// <summary>The line the diagnostic must be reported at, or null for any.</summary>
    public int? Line { get; init; }

    /// <summary>Text that must appear in what the command printed (stdout or stderr), e.g. a one-line reason.</summary>
    public string? Says { get; init; }

    /// <summary>Text that must appear in the text of some published HTML page (a data value shown literally).</summary>
    public string? Shows { get; init; }

    /// <summary>True when the command may change content files (<c>check --fix</c>).</summary>
    public bool MayChangeContent { get; init; }

    /// <summary>Paths (relative to the case root, as prefixes) the command is expected to delete: leftovers of its own.</summary>
    public string[] MayDelete { get; init; } = [];

    /// <summary>Extra checks after the run; returns a failure message or null.</summary>
    public Func<CaseFolder, CaseResult, string?>? Then { get; init; }

    /// <summary>The process's working directory: the case root unless set (relative to it).</summary>
    public string? WorkingDirectory { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>What a case's command did.</summary>
public sealed record CaseResult(int Code, string Out, string Err, TimeSpan Elapsed);
