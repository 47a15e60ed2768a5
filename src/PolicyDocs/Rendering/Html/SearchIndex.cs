using System.Text;
using System.Text.Json;
using PolicyDocs.Output;
using PolicyDocs.Publication;

namespace PolicyDocs.Rendering.Html;

/// <summary>
/// The client-side search index: a script assigning <c>window.PolicyDocsSearch</c> (so it loads from file://
/// without fetch) with the documents and, per section, its number, title, anchor and plain text.
/// </summary>
internal sealed class SearchIndex
{
    private readonly List<(string Id, string Label, string Href)> _documents = [];
    private readonly List<(int Doc, string Number, string Title, string Anchor, string Text)> _sections = [];

    /// <summary>Adds a document; returns its index for the <c>AddSection</c> methods.</summary>
    public int AddDocument(string id, string label, string href)
    {
        _documents.Add((id, label, href));
        return _documents.Count - 1;
    }

    /// <summary>Adds a section of document <paramref name="doc"/>.</summary>
    public void AddSection(int doc, string number, string title, string anchor, string text) => _sections.Add((doc, number, title, anchor, text));

    /// <summary>The index of every section of <paramref name="set"/>'s documents, with the plain text of its body (as
    /// the diff reads it: references as their generated text).</summary>
    public static SearchIndex Of(PublishedSet set)
    {
        var index = new SearchIndex();
        foreach (var doc in set.Documents)
        {
            var d = index.AddDocument(doc.Id, doc.Cover.ShortTitle, SitePaths.DocumentPage(doc.Id));
            foreach (var s in doc.ReadingOrder)
                index.AddSection(d, s.Label, s.Title, s.Anchor, Diff.BlockExtractor.PlainText(s.Body, set.Xrefs));
        }
        return index;
    }

    /// <summary>Number of sections indexed.</summary>
    public int Count => _sections.Count;

    /// <summary>The script text.</summary>
    public string ToScript()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            w.WriteStartArray("d");
            foreach (var (id, label, href) in _documents)
            {
                w.WriteStartArray();
                w.WriteStringValue(id);
                w.WriteStringValue(label);
                w.WriteStringValue(href);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("s");
            foreach (var (doc, number, title, anchor, text) in _sections)
            {
                w.WriteStartArray();
                w.WriteNumberValue(doc);
                w.WriteStringValue(number);
                w.WriteStringValue(title);
                w.WriteStringValue(anchor);
                w.WriteStringValue(text);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return "window.PolicyDocsSearch=" + Encoding.UTF8.GetString(ms.ToArray()) + ";\n";
    }
}
