using System.Collections.Immutable;

namespace PolicyDocs.Model;

/// <summary>
/// A YAML value as read from content, independent of the YAML library, with the span of every node so
/// schema errors and data-change reports can point at the file, line and column.
/// </summary>
internal abstract record DataNode(SourceSpan Span)
{
    /// <summary>A short name of the node's kind for messages ("a mapping", "a list", "a text").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar; <see cref="Value"/> is null for YAML null (~ or empty).</summary>
internal sealed record DataScalar(SourceSpan Span, string? Value, bool Quoted) : DataNode(Span)
{
    /// <inheritdoc />
    public override string KindName => Value is null ? "an empty value" : "a text";
}

/// <summary>A list.</summary>
internal sealed record DataList(SourceSpan Span, ImmutableArray<DataNode> Items) : DataNode(Span)
{
    /// <inheritdoc />
    public override string KindName => "a list";
}

/// <summary>One key of a mapping, with the span of the key itself.</summary>
internal sealed record DataEntry(string Key, SourceSpan KeySpan, DataNode Value);

/// <summary>A mapping, keys in source order.</summary>
internal sealed record DataMap(SourceSpan Span, ImmutableArray<DataEntry> Entries) : DataNode(Span)
{
    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public DataNode? Get(string key)
    {
        foreach (var e in Entries)
            if (e.Key == key) return e.Value;
        return null;
    }
}
