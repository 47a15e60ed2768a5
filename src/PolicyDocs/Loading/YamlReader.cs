using System.Collections.Immutable;
using PolicyDocs.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyDocs.Loading;

/// <summary>
/// Reads YAML text into <see cref="DataNode"/> trees with positions. Syntax errors and duplicate keys become
/// diagnostics; the reader never throws on bad input.
/// </summary>
public static class YamlReader
{
    /// <summary>Parses the first YAML document of <paramref name="text"/>; null (with a diagnostic) if it is malformed.</summary>
    /// <param name="path">Path used in spans.</param>
    /// <param name="text">The YAML.</param>
    /// <param name="diagnostics">Where errors go.</param>
    /// <param name="lineOffset">Lines before the text in its file (for front matter).</param>
    public static DataNode? Read(string path, string text, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, DataNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path, lineOffset, anchors, diagnostics);
            parser.Consume<DocumentEnd>();
            return root;
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + lineOffset;
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            diagnostics.Add(Rules.YamlSyntax, new SourceSpan(path, Math.Max(line, 1), Math.Max((int)ex.Start.Column, 1)),
                $"Malformed YAML: {Clean(message)}");
            return null;
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the span already says where.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(i + 3)..] : message;
    }

    private static SourceSpan Span(string path, Mark mark, int lineOffset) =>
        new(path, (int)mark.Line + lineOffset, (int)mark.Column);

    private static DataNode ReadNode(IParser parser, string path, int lineOffset, Dictionary<string, DataNode> anchors, DiagnosticBag diagnostics)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target)) return target;
            throw new YamlException(alias.Start, alias.End, $"Unknown alias *{alias.Value.Value}");
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var isNull = !scalar.IsQuotedImplicit && scalar.Style == ScalarStyle.Plain &&
                         (scalar.Value.Length == 0 || scalar.Value is "~" or "null" or "Null" or "NULL");
            var node = new DataScalar(Span(path, scalar.Start, lineOffset), isNull ? null : scalar.Value,
                scalar.Style is not ScalarStyle.Plain);
            Remember(scalar.Anchor, node, anchors);
            return node;
        }
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var items = ImmutableArray.CreateBuilder<DataNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(parser, path, lineOffset, anchors, diagnostics));
            var node = new DataList(Span(path, seqStart.Start, lineOffset), items.ToImmutable());
            Remember(seqStart.Anchor, node, anchors);
            return node;
        }
        var mapStart = parser.Consume<MappingStart>();
        var entries = ImmutableArray.CreateBuilder<DataEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, path, lineOffset, anchors, diagnostics);
            var value = ReadNode(parser, path, lineOffset, anchors, diagnostics);
            if (keyNode is not DataScalar { Value: { } key })
            {
                diagnostics.Add(Rules.WrongType, keyNode.Span, $"A mapping key must be a text, not {keyNode.KindName}.");
                continue;
            }
            if (!seen.Add(key))
            {
                diagnostics.Add(Rules.DuplicateId, keyNode.Span, $"Duplicate key '{key}' in this mapping.");
                continue;
            }
            entries.Add(new DataEntry(key, keyNode.Span, value));
        }
        var map = new DataMap(Span(path, mapStart.Start, lineOffset), entries.ToImmutable());
        Remember(mapStart.Anchor, map, anchors);
        return map;
    }

    private static void Remember(AnchorName anchor, DataNode node, Dictionary<string, DataNode> anchors)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }
}
