using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PolicyDocs.Model;

namespace PolicyDocs.Loading;

/// <summary>
/// Reads typed values from a YAML mapping against a schema declared by the calls made on it: each accessor
/// names a known key; <see cref="Finish"/> reports every other key as unknown, with a suggestion.
/// Wrong types, bad values and missing required keys become diagnostics; accessors then return null.
/// </summary>
internal sealed partial class MapReader
{
    private readonly DataMap? _map;
    private readonly string _what;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _matchedOtherCase = new(StringComparer.Ordinal);

    /// <summary>Starts reading <paramref name="node"/>, which should be a mapping describing <paramref name="what"/>.</summary>
    public MapReader(DataNode? node, string what, DiagnosticBag diagnostics, SourceSpan fallback)
    {
        _what = what;
        _diagnostics = diagnostics;
        Span = node?.Span ?? fallback;
        if (node is DataMap map) _map = map;
        else if (node is not null && node is not DataScalar { Value: null })
            diagnostics.Add(Rules.WrongType, node.Span, $"{Capitalize(what)} must be a mapping of keys to values, not {node.KindName}.");
    }

    /// <summary>Where the mapping is.</summary>
    public SourceSpan Span { get; }

    /// <summary>Where this reader reports.</summary>
    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>False when the node was not a mapping (already reported).</summary>
    public bool IsValid => _map is not null;

    /// <summary>Severity used for unknown keys (warnings for front matter shared with other tools).</summary>
    public Severity UnknownKeySeverity { get; init; } = Severity.Error;

    /// <summary>
    /// When true a key also matches when written in other letter case ("Title" for <c>title</c>), as front matter
    /// written for other tools does; a key spelled exactly wins, and the other spelling is then reported as unknown.
    /// </summary>
    public bool KeysIgnoreCase { get; init; }

    /// <summary>The span of <paramref name="key"/>'s value, or of the mapping when absent.</summary>
    public SourceSpan SpanOf(string key) => Lookup(key)?.Span ?? Span;

    /// <summary>The raw node of <paramref name="key"/>.</summary>
    public DataNode? Node(string key)
    {
        _known.Add(key);
        return Lookup(key);
    }

    /// <summary>A text value.</summary>
    public string? Text(string key, bool required = false)
    {
        var node = Get(key, required);
        switch (node)
        {
            case null: return null;
            case DataScalar { Value: null }:
                if (required) Missing(key);
                return null;
            case DataScalar s: return s.Value;
            default:
                WrongType(key, node, "a text");
                return null;
        }
    }

    /// <summary>An id: lower-case letters, digits, hyphens and underscores, starting with a letter or digit.</summary>
    public string? Id(string key, bool required = false)
    {
        var value = Text(key, required);
        if (value is null) return null;
        if (IdPattern().IsMatch(value)) return value;
        _diagnostics.Add(Rules.BadValue, SpanOf(key), $"'{value}' is not a valid id for '{key}': use lower-case letters, digits and hyphens.");
        return null;
    }

    /// <summary>An integer.</summary>
    public int? Int(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is DataScalar { Value: { } v, Quoted: false } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            return i;
        if (node is not null and not DataScalar { Value: null }) WrongType(key, node, "a whole number");
        else if (node is DataScalar && required) Missing(key);
        return null;
    }

    /// <summary>A boolean (true/false).</summary>
    public bool Bool(string key, bool defaultValue = false)
    {
        var node = Get(key, false);
        if (node is null or DataScalar { Value: null }) return defaultValue;
        if (node is DataScalar { Value: { } v, Quoted: false })
        {
            if (v is "true" or "True" or "yes") return true;
            if (v is "false" or "False" or "no") return false;
        }
        WrongType(key, node, "true or false");
        return defaultValue;
    }

    /// <summary>A date written YYYY-MM-DD.</summary>
    public DateOnly? Date(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        _diagnostics.Add(Rules.BadValue, SpanOf(key), $"'{text}' is not a date for '{key}': write YYYY-MM-DD, e.g. 2026-04-01.");
        return null;
    }

    /// <summary>One of a fixed set of words.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> allowed, bool required = false) where T : struct
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (allowed.TryGetValue(text, out var value)) return value;
        _diagnostics.Add(Rules.BadValue, SpanOf(key),
            $"'{text}' is not allowed for '{key}': use one of {string.Join(", ", allowed.Keys)}{Suggest.Hint(text, allowed.Keys)}.");
        return null;
    }

    /// <summary>A list of texts; a single text is not accepted in place of a list.</summary>
    public ImmutableArray<string> Texts(string key, bool required = false) =>
        [.. TextsWithSpans(key, required).Select(t => t.Value)];

    /// <summary>A list of texts with the span of each item.</summary>
    public ImmutableArray<(string Value, SourceSpan Span)> TextsWithSpans(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null or DataScalar { Value: null }) return [];
        if (node is not DataList list)
        {
            WrongType(key, node, "a list");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<(string, SourceSpan)>();
        foreach (var item in list.Items)
        {
            if (item is DataScalar { Value: { } v }) result.Add((v, item.Span));
            else _diagnostics.Add(Rules.WrongType, item.Span, $"Each item of '{key}' in {_what} must be a text, not {item.KindName}.");
        }
        return result.ToImmutable();
    }

    /// <summary>A list whose items are read by <paramref name="readItem"/>.</summary>
    public ImmutableArray<T> List<T>(string key, Func<DataNode, T?> readItem, bool required = false) where T : class
    {
        var node = Get(key, required);
        if (node is null or DataScalar { Value: null }) return [];
        if (node is not DataList list)
        {
            WrongType(key, node, "a list");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<T>();
        foreach (var item in list.Items)
            if (readItem(item) is { } value) result.Add(value);
        return result.ToImmutable();
    }

    /// <summary>A nested mapping, to read with its own reader.</summary>
    public MapReader? Map(string key, string what, bool required = false)
    {
        var node = Get(key, required);
        return node is null ? null : new MapReader(node, what, _diagnostics, Span);
    }

    /// <summary>Reports every key not asked for by an accessor.</summary>
    public void Finish()
    {
        if (_map is null) return;
        foreach (var e in _map.Entries)
        {
            if (_known.Contains(e.Key) || _matchedOtherCase.Contains(e.Key)) continue;
            _diagnostics.Add(Rules.UnknownKey.At(e.KeySpan,
                $"Unknown key '{e.Key}' in {_what}{Suggest.Hint(e.Key, _known)}; allowed keys: {string.Join(", ", _known.Order(StringComparer.Ordinal))}.",
                UnknownKeySeverity));
        }
    }

    private DataNode? Get(string key, bool required)
    {
        _known.Add(key);
        if (_map is null) return null;
        var node = Lookup(key);
        if (node is null && required) Missing(key);
        return node;
    }

    // The value of key as spelled, else (with KeysIgnoreCase) of its first spelling in other letter case, which is then known.
    private DataNode? Lookup(string key)
    {
        if (_map is null) return null;
        var exact = _map.Get(key);
        if (exact is not null || !KeysIgnoreCase) return exact;
        foreach (var e in _map.Entries)
        {
            if (!string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)) continue;
            _matchedOtherCase.Add(e.Key);
            return e.Value;
        }
        return null;
    }

    private void Missing(string key) =>
        _diagnostics.Add(Rules.MissingKey, Span, $"{Capitalize(_what)} has no '{key}'; it is required.");

    private void WrongType(string key, DataNode node, string expected) =>
        _diagnostics.Add(Rules.WrongType, node.Span, $"'{key}' in {_what} must be {expected}, not {node.KindName}.");

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
