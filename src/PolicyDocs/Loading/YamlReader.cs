using System.Collections.Immutable;
using PolicyDocs.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyDocs.Loading;

/// <summary>
/// Reads YAML text into <see cref="DataNode"/> trees with positions. Syntax errors, duplicate keys, a second document,
/// nesting deeper than <see cref="MaxDepth"/> and aliases standing for more than <see cref="MaxAliasNodes"/> nodes
/// become diagnostics; the reader never throws on bad input and never recurses deeper than <see cref="MaxDepth"/>.
/// </summary>
internal static class YamlReader
{
    /// <summary>How deep mappings and lists may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// How many nodes the aliases of one file may stand for in all. Aliased nodes are shared when read, but every
    /// consumer that walks the tree (template data, data diffs) visits them once per alias; this bound keeps that
    /// work linear in the file's size.
    /// </summary>
    public const long MaxAliasNodes = 1_000_000;

    /// <summary>Parses the YAML document of <paramref name="text"/>: null (with a diagnostic) if it is malformed; a
    /// null <see cref="DataScalar"/> if it is empty.</summary>
    /// <param name="path">Path used in spans.</param>
    /// <param name="text">The YAML.</param>
    /// <param name="diagnostics">Where errors go.</param>
    /// <param name="lineOffset">Lines before the text in its file (for front matter).</param>
    public static DataNode? Read(string path, string text, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        var parser = new Parser(new StringReader(text));
        var reader = new State(path, lineOffset, diagnostics);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return new DataScalar(new SourceSpan(path, 1 + lineOffset, 1), null, false);
            parser.Consume<DocumentStart>();
            var root = reader.ReadNode(parser, 1).Node;
            parser.Consume<DocumentEnd>();
            if (parser.Accept<StreamEnd>(out _)) return root;
            var second = parser.Current!;
            diagnostics.Add(Rules.MultipleYamlDocuments, Span(path, second.Start, lineOffset),
                "A second YAML document starts here; a PolicyDocs file holds exactly one.");
            return null;
        }
        catch (Stop)
        {
            return null;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            // "While scanning X, found Y" and "did not find Y": Y, the fault, is at the end mark; the start is X.
            var at = message.Contains(", found ", StringComparison.Ordinal) || message.Contains("did not find", StringComparison.Ordinal) ? ex.End : ex.Start;
            var line = (int)at.Line + lineOffset;
            diagnostics.Add(Rules.YamlSyntax, new SourceSpan(path, Math.Max(line, 1), Math.Max((int)at.Column, 1)),
                $"Malformed YAML: {Clean(message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // The YAML scanner gives up on some damaged input without a position of its own: report where parsing stopped.
            var at = parser.Current?.End ?? Mark.Empty;
            diagnostics.Add(Rules.YamlSyntax, new SourceSpan(path, Math.Max((int)at.Line + lineOffset, 1), Math.Max((int)at.Column, 1)),
                "Malformed YAML: the text after this point cannot be read as YAML.");
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

    /// <summary>Ends reading after a limit was reported.</summary>
    private sealed class Stop : Exception;

    /// <summary>One read: the anchors seen so far, each with the number of nodes it stands for, and the aliases' total.</summary>
    private sealed class State(string path, int lineOffset, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, (DataNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
        private long _aliasNodes;

        /// <summary>Reads the node at <paramref name="depth"/> (the root is 1) and the number of nodes it stands for.</summary>
        public (DataNode Node, long Size) ReadNode(IParser parser, int depth)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    throw new YamlException(alias.Start, alias.End, $"Unknown alias *{alias.Value.Value}");
                _aliasNodes += target.Size;
                if (_aliasNodes > MaxAliasNodes)
                {
                    diagnostics.Add(Rules.YamlAliasExpansion, Span(path, alias.Start, lineOffset),
                        $"The aliases of this file stand for more than {MaxAliasNodes:N0} nodes; *{alias.Value.Value} here goes past that.");
                    throw new Stop();
                }
                return target;
            }
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var isNull = !scalar.IsQuotedImplicit && scalar.Style == ScalarStyle.Plain &&
                             (scalar.Value.Length == 0 || scalar.Value is "~" or "null" or "Null" or "NULL");
                var node = new DataScalar(Span(path, scalar.Start, lineOffset), isNull ? null : scalar.Value,
                    scalar.Style is not ScalarStyle.Plain);
                return Remember(scalar.Anchor, node, 1);
            }
            var start = parser.Current!;
            if (depth > MaxDepth && start is SequenceStart or MappingStart)
            {
                diagnostics.Add(Rules.YamlTooDeep, Span(path, start.Start, lineOffset),
                    $"This {(start is SequenceStart ? "list" : "mapping")} is nested {depth} levels deep; PolicyDocs reads at most {MaxDepth}.");
                throw new Stop();
            }
            if (parser.TryConsume<SequenceStart>(out var seqStart))
            {
                var items = ImmutableArray.CreateBuilder<DataNode>();
                long size = 1;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var (item, itemSize) = ReadNode(parser, depth + 1);
                    items.Add(item);
                    size += itemSize;
                }
                return Remember(seqStart.Anchor, new DataList(Span(path, seqStart.Start, lineOffset), items.ToImmutable()), size);
            }
            var mapStart = parser.Consume<MappingStart>();
            var entries = ImmutableArray.CreateBuilder<DataEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long mapSize = 1;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var (keyNode, keySize) = ReadNode(parser, depth + 1);
                var (value, valueSize) = ReadNode(parser, depth + 1);
                mapSize += keySize + valueSize;
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
            return Remember(mapStart.Anchor, new DataMap(Span(path, mapStart.Start, lineOffset), entries.ToImmutable()), mapSize);
        }

        private (DataNode, long) Remember(AnchorName anchor, DataNode node, long size)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = (node, size);
            return (node, size);
        }
    }
}
