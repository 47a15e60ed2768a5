using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// A Word package built in memory and written once, straight into a deterministic zip: <c>[Content_Types].xml</c>
/// first, then <c>_rels/.rels</c>, then every other entry in ordinal order, each with the 1980-01-01 timestamp and one
/// compression level. Parts hold Open XML elements that are serialised while zipping, so nothing is compressed twice
/// and no packaging layer sits in between.
/// </summary>
internal sealed class DocxPackage
{
    /// <summary>Relationship type namespace of the officeDocument relationships.</summary>
    public const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /// <summary>Relationship type of an external hyperlink.</summary>
    public const string HyperlinkRelationship = OfficeRelationships + "hyperlink";

    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly List<DocxPart> _parts = [];

    /// <summary>The package-level relationships (<c>_rels/.rels</c>).</summary>
    public DocxPart Root { get; } = new("", "");

    /// <summary>Adds the part <paramref name="path"/> and the relationship <paramref name="id"/> to it from <paramref name="owner"/>.</summary>
    public DocxPart Add(DocxPart owner, string id, string relationshipType, string path, string contentType)
    {
        var part = new DocxPart(path, contentType);
        _parts.Add(part);
        owner.Relationships.Add(new DocxRelationship(id, relationshipType, RelativeTarget(owner.Path, path), External: false));
        return part;
    }

    /// <summary>Adds a relationship <paramref name="id"/> from <paramref name="owner"/> to <paramref name="target"/>, adding
    /// the target to the package on its first relationship (a part many parts refer to, such as an image).</summary>
    public void Link(DocxPart owner, string id, string relationshipType, DocxPart target)
    {
        if (!_parts.Contains(target)) _parts.Add(target);
        owner.Relationships.Add(new DocxRelationship(id, relationshipType, RelativeTarget(owner.Path, target.Path), External: false));
    }

    /// <summary>The bytes of the .docx file.</summary>
    public byte[] ToBytes()
    {
        var entries = new List<(string Path, DocxPart Part, bool Rels)>();
        foreach (var p in _parts)
        {
            entries.Add((p.Path, p, false));
            if (p.Relationships.Count > 0) entries.Add((RelsPath(p.Path), p, true));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes());
            Write(zip, "_rels/.rels", Relationships(Root));
            foreach (var (path, part, rels) in entries)
            {
                if (rels) Write(zip, path, Relationships(part));
                else if (part.Raw is { } raw) Write(zip, path, raw);
                else if (part.Element is { } element)
                {
                    using var stream = Open(zip, path);
                    DocxXmlWriter.Write(element, stream);
                }
            }
        }
        return output.ToArray();
    }

    private static Stream Open(ZipArchive zip, string path)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = DosEpoch;
        entry.ExternalAttributes = unchecked((int)0x81A40000); // regular file, rw-r--r--
        return entry.Open();
    }

    private static void Write(ZipArchive zip, string path, byte[] content)
    {
        using var stream = Open(zip, path);
        stream.Write(content);
    }

    private byte[] ContentTypes()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>")
            .Append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />")
            .Append("<Default Extension=\"xml\" ContentType=\"application/xml\" />");
        foreach (var p in _parts.OrderBy(p => p.Path, StringComparer.Ordinal))
            sb.Append("<Override PartName=\"/").Append(SecurityElement.Escape(p.Path)).Append("\" ContentType=\"").Append(SecurityElement.Escape(p.ContentType)).Append("\" />");
        return Utf8.GetBytes(sb.Append("</Types>").ToString());
    }

    private static byte[] Relationships(DocxPart part)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>")
            .Append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        foreach (var r in part.Relationships)
        {
            sb.Append("<Relationship Type=\"").Append(SecurityElement.Escape(r.Type)).Append("\" Target=\"").Append(SecurityElement.Escape(r.Target))
                .Append('"');
            if (r.External) sb.Append(" TargetMode=\"External\"");
            sb.Append(" Id=\"").Append(SecurityElement.Escape(r.Id)).Append("\" />");
        }
        return Utf8.GetBytes(sb.Append("</Relationships>").ToString());
    }

    private static string RelsPath(string path)
    {
        var slash = path.LastIndexOf('/');
        return path[..(slash + 1)] + "_rels/" + path[(slash + 1)..] + ".rels";
    }

    private static string RelativeTarget(string from, string to)
    {
        var dir = from.LastIndexOf('/') is var i and >= 0 ? from[..(i + 1)] : "";
        return dir.Length > 0 && to.StartsWith(dir, StringComparison.Ordinal) ? to[dir.Length..] : to;
    }
}

/// <summary>One part of a <see cref="DocxPackage"/>: an element serialised on save, or raw bytes; and its relationships.</summary>
internal sealed class DocxPart(string path, string contentType)
{
    public string Path { get; } = path;
    public string ContentType { get; } = contentType;
    public OpenXmlElement? Element { get; set; }
    public byte[]? Raw { get; set; }
    public List<DocxRelationship> Relationships { get; } = [];

    /// <summary>Adds an external hyperlink relationship.</summary>
    public void AddHyperlink(string target, string id) =>
        Relationships.Add(new DocxRelationship(id, DocxPackage.HyperlinkRelationship, target, External: true));
}

/// <summary>A relationship from a part to another part or an external target.</summary>
internal sealed record DocxRelationship(string Id, string Type, string Target, bool External);
