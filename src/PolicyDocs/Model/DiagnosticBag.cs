namespace PolicyDocs.Model;

/// <summary>Collects diagnostics from one pipeline run; thread-safe so documents can be processed in parallel.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        lock (_lock) _items.Add(diagnostic);
    }

    /// <summary>Adds a diagnostic of <paramref name="rule"/> at its default severity.</summary>
    public void Add(Rule rule, SourceSpan span, string message) => Add(rule.At(span, message));

    /// <summary>True when any error has been reported.</summary>
    public bool HasErrors
    {
        get { lock (_lock) return _items.Exists(d => d.Severity == Severity.Error); }
    }

    /// <summary>All diagnostics in a stable order: by path, line, column, code, message.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_lock)
        {
            return [.. _items
                .Distinct()
                .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Span.Line)
                .ThenBy(d => d.Span.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }
}
