using System.Text;
using DocumentFormat.OpenXml;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// Serialises an Open XML element tree straight to text, without <see cref="System.Xml.XmlWriter"/> and the SDK's
/// per-element writer, which made up most of the Word writer's time. The output is what <c>OpenXmlElement.WriteTo</c>
/// gives through an <see cref="System.Xml.XmlWriter"/> with default settings: a namespace is declared on the first
/// element that uses it outside the scope of an earlier declaration, empty elements close as <c>&lt;x /&gt;</c>, and
/// text and attribute values are escaped the same way. Two differences: VML pictures (the draft watermark) are copied
/// as they were given, and characters XML 1.0 cannot carry are dropped rather than failing the build.
/// </summary>
internal sealed class DocxXmlWriter
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private readonly TextWriter _out;
    private readonly List<(string Prefix, string Uri)> _scope = [];

    private DocxXmlWriter(TextWriter output) => _out = output;

    /// <summary>Writes <paramref name="root"/> as a standalone XML document in UTF-8 to <paramref name="stream"/>.</summary>
    public static void Write(OpenXmlElement root, Stream stream)
    {
        using var output = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        output.Write("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>");
        new DocxXmlWriter(output).Element(root);
    }

    private void Element(OpenXmlElement element)
    {
        // Comments and the like, and VML pictures (the watermark), which the writer never builds element by element:
        // their XML is copied as it was given, without parsing it.
        if (element is OpenXmlMiscNode or DocumentFormat.OpenXml.Wordprocessing.Picture)
        {
            _out.Write(element.OuterXml);
            return;
        }
        var mark = _scope.Count;
        var name = NameOf(element);
        _out.Write('<');
        _out.Write(name.Qualified);
        // Declarations the element carries are written in place; those its names need are added after the attributes.
        foreach (var ns in element.NamespaceDeclarations) Declare(ns.Key, ns.Value);
        var implicitFrom = _scope.Count;
        if (!IsDeclared(name.Prefix, name.Uri)) _scope.Add((name.Prefix, name.Uri));
        if (element.HasAttributes)
        {
            foreach (var a in element.GetAttributes())
            {
                if (a.NamespaceUri.Length > 0 && a.NamespaceUri != XmlNamespace && !IsDeclared(a.Prefix, a.NamespaceUri))
                    _scope.Add((a.Prefix, a.NamespaceUri));
                _out.Write(' ');
                Name(a.Prefix, a.LocalName);
                _out.Write("=\"");
                Escape(a.Value ?? "", attribute: true);
                _out.Write('"');
            }
        }
        for (var i = implicitFrom; i < _scope.Count; i++) WriteDeclaration(_scope[i].Prefix, _scope[i].Uri);
        var text = element is OpenXmlLeafTextElement leaf ? leaf.Text : null;
        var child = element.FirstChild;
        if (child is null && string.IsNullOrEmpty(text))
            _out.Write(" />");
        else
        {
            _out.Write('>');
            if (text is not null) Escape(text, attribute: false);
            for (; child is not null; child = child.NextSibling()) Element(child);
            _out.Write("</");
            _out.Write(name.Qualified);
            _out.Write('>');
        }
        _scope.RemoveRange(mark, _scope.Count - mark);
    }

    private sealed record ElementName(string Qualified, string Prefix, string Uri);

    // The SDK looks an element's names up in its schema data on every call; they depend only on the element's type.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ElementName> Names = new();

    private static ElementName NameOf(OpenXmlElement element)
    {
        static ElementName Read(OpenXmlElement e) =>
            new(e.Prefix.Length > 0 ? e.Prefix + ":" + e.LocalName : e.LocalName, e.Prefix, e.NamespaceUri);
        if (element is OpenXmlUnknownElement) return Read(element);
        var type = element.GetType();
        return Names.TryGetValue(type, out var name) ? name : Names.GetOrAdd(type, Read(element));
    }

    private void Name(string prefix, string localName)
    {
        if (prefix.Length > 0)
        {
            _out.Write(prefix);
            _out.Write(':');
        }
        _out.Write(localName);
    }

    private bool IsDeclared(string prefix, string uri)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
            if (_scope[i].Prefix == prefix) return _scope[i].Uri == uri;
        return uri.Length == 0 && prefix.Length == 0;
    }

    private void Declare(string prefix, string uri)
    {
        _scope.Add((prefix, uri));
        WriteDeclaration(prefix, uri);
    }

    private void WriteDeclaration(string prefix, string uri)
    {
        _out.Write(prefix.Length > 0 ? " xmlns:" : " xmlns");
        _out.Write(prefix);
        _out.Write("=\"");
        Escape(uri, attribute: true);
        _out.Write('"');
    }

    private void Escape(string value, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                '\t' when attribute => "&#x9;",
                '\n' when attribute => "&#xA;",
                '\r' when attribute => "&#xD;",
                '\r' => value.Length > i + 1 && value[i + 1] == '\n' ? "" : "\n",
                _ => null,
            };
            if (entity is null)
            {
                if (c >= ' ' || c is '\t' or '\n') continue;
                entity = ""; // a control character XML 1.0 cannot carry
            }
            _out.Write(value.AsSpan(start, i - start));
            _out.Write(entity);
            start = i + 1;
        }
        _out.Write(value.AsSpan(start));
    }
}
