namespace PolicyDocs.Model;

/// <summary>How bad a finding is. Errors fail <c>check</c> and <c>build</c>; warnings fail only under <c>--strict</c>.</summary>
internal enum Severity
{
    /// <summary>Informational or advisory.</summary>
    Warning,
    /// <summary>Must be fixed.</summary>
    Error,
}

/// <summary>A user mistake found in content, with where it is and how to fix it.</summary>
/// <param name="Rule">The rule that found it (code, requirement, fix hint).</param>
/// <param name="Severity">Severity for this occurrence (a rule's default may be raised, e.g. under --strict).</param>
/// <param name="Span">Where it is.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
internal sealed record Diagnostic(Rule Rule, Severity Severity, SourceSpan Span, string Message)
{
    /// <summary>The edit <c>check --fix</c> makes for it, when the fix is certain; null otherwise.</summary>
    public TextFix? Fix { get; init; }

    /// <summary>The stable code, e.g. PD0101.</summary>
    public string Code => Rule.Code;

    /// <summary>The text form, always one line: <c>path:line:column: error PD0101: message (requirement)</c>; line
    /// breaks and other control characters (from content, file names) are shown escaped.</summary>
    public override string ToString()
    {
        var sev = Severity == Severity.Error ? "error" : "warning";
        var req = string.IsNullOrEmpty(Rule.Requirement) ? "" : $" ({Rule.Requirement})";
        return Text.SingleLine.Escape($"{Span}: {sev} {Code}: {Message}{req}");
    }
}

/// <summary>An edit that fixes a diagnostic: on the diagnostic's line, from its column on, the first <paramref name="Old"/>
/// becomes <paramref name="New"/>.</summary>
/// <param name="Old">The text as written.</param>
/// <param name="New">What it becomes.</param>
internal sealed record TextFix(string Old, string New);
