using System.Globalization;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.VariantTypes;
using PolicyDocs.Model;

namespace PolicyDocs.Rendering.Docx;

/// <summary>Writes <c>docProps/core.xml</c> and <c>docProps/custom.xml</c> with values and dates from the content only.</summary>
internal static class DocxProperties
{
    private const string CustomFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    /// <summary>The date a document's properties carry: its effective date, else its latest revision, else 1980-01-01.</summary>
    public static DateOnly DateOf(DocumentInfo info) =>
        info.EffectiveDate ?? (info.Revisions.IsEmpty ? new DateOnly(1980, 1, 1) : info.Revisions.Max(r => r.Date));

    public static void Add(DocxPackage package, DocumentInfo info, PolicySetInfo set)
    {
        var core = package.Add(package.Root, "rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        var date = DateOf(info).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        var xml = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .Append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
            .Append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ")
            .Append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
            .Append("<dc:title>").Append(SecurityElement.Escape(info.Title)).Append("</dc:title>")
            .Append("<dc:subject>").Append(SecurityElement.Escape(info.KindStated ? info.KindLabel : info.Subtitle ?? "")).Append("</dc:subject>")
            .Append("<dc:creator>").Append(SecurityElement.Escape(set.Publisher.Name ?? string.Join("; ", info.Authors))).Append("</dc:creator>")
            .Append("<cp:keywords>").Append(SecurityElement.Escape(info.Oid ?? "")).Append("</cp:keywords>")
            .Append("<cp:revision>").Append(Math.Max(1, info.Revisions.Length).ToString(CultureInfo.InvariantCulture)).Append("</cp:revision>")
            .Append("<cp:version>").Append(SecurityElement.Escape(info.Version ?? "")).Append("</cp:version>")
            .Append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").Append(date).Append("</dcterms:created>")
            .Append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").Append(date).Append("</dcterms:modified>")
            .Append("</cp:coreProperties>")
            .ToString();
        core.Raw = new UTF8Encoding(false).GetBytes(xml);

        var custom = package.Add(package.Root, "rIdCustom", DocxPackage.OfficeRelationships + "custom-properties", "docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");
        var props = new Properties();
        var id = 2;
        void Prop(string name, string value) =>
            props.Append(new CustomDocumentProperty(new VTLPWSTR(value)) { FormatId = CustomFormatId, PropertyId = id++, Name = name });
        Prop("Version", info.Version ?? "");
        Prop("EffectiveDate", info.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        Prop("PolicyOID", info.Oid ?? "");
        Prop("Status", info.Status?.ToString() ?? "");
        custom.Element = props;
    }
}
