namespace PolicyDocs.Model;

/// <summary>A place in a content file: 1-based line and column, as editors show them.</summary>
internal readonly record struct SourceSpan(string Path, int Line, int Column)
{
    /// <summary>A span for a whole file, when nothing more precise is known.</summary>
    public static SourceSpan File(string path) => new(path, 1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{Path}:{Line}:{Column}";
}
