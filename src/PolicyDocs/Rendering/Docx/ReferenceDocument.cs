using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Model;
using PolicyDocs.Templates;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// What every output takes from <c>templates/docx/reference.docx</c>: styles, page size and margins, font table.
/// Styles the writer needs that an overriding reference lacks are taken from the built-in reference.
/// </summary>
internal sealed class ReferenceDocument
{
    /// <summary>Style ids the writer emits.</summary>
    public static readonly string[] RequiredStyles =
    [
        "Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "Heading7",
        "Heading8", "Heading9", "TOC1", "TOC2", "TOC3", "TOCHeading", "Hyperlink", "TableGrid", "SourceCode", "VerbatimChar",
        "Quote", "FootnoteText", "FootnoteReference", "Header", "Footer", "NoStipulation", "Subheading", "ListParagraph",
        "Caption",
    ];

    private const string Path = "docx/reference.docx";

    private ReferenceDocument(Styles styles, PageSize pageSize, PageMargin pageMargin, Fonts? fonts)
    {
        Styles = styles;
        PageSize = pageSize;
        PageMargin = pageMargin;
        Fonts = fonts;
    }

    public Styles Styles { get; }
    public PageSize PageSize { get; }
    public PageMargin PageMargin { get; }
    public Fonts? Fonts { get; }

    /// <summary>
    /// This reference with the paper size policyset.yaml states (<c>page</c>), in the reference's orientation and with
    /// its margins; itself when none is stated.
    /// </summary>
    public ReferenceDocument WithPage(PaperSize? paper)
    {
        if (paper is not { } size) return this;
        var (width, height) = size == PaperSize.Letter ? (12240u, 15840u) : (11906u, 16838u);
        var landscape = PageSize.Orient?.Value == PageOrientationValues.Landscape;
        var page = new PageSize { Width = landscape ? height : width, Height = landscape ? width : height };
        if (landscape) page.Orient = PageOrientationValues.Landscape;
        return new ReferenceDocument(Styles, page, PageMargin, Fonts);
    }

    /// <summary>
    /// A copy of the styles for a document in <paramref name="language"/> (a BCP 47 tag, which Word's <c>w:lang</c>
    /// takes as it is): the default run language is set to it, for spelling and hyphenation; with null the reference's stays.
    /// </summary>
    public Styles StylesFor(string? language)
    {
        var styles = (Styles)Styles.CloneNode(true);
        if (language is null) return styles;
        var docDefaults = styles.DocDefaults ??= new DocDefaults();
        var runDefault = docDefaults.RunPropertiesDefault ??= new RunPropertiesDefault();
        var baseStyle = runDefault.RunPropertiesBaseStyle ??= new RunPropertiesBaseStyle();
        (baseStyle.Languages ??= new Languages()).Val = language;
        return styles;
    }

    /// <summary>Page width minus margins, in twentieths of a point.</summary>
    public int TextWidth => (int)((PageSize.Width?.Value ?? 11906) - (PageMargin.Left?.Value ?? 1440) - (PageMargin.Right?.Value ?? 1440));

    // The built-in reference is parsed once per process: every caller only clones its parts.
    private static readonly Lazy<(byte[]? Bytes, ReferenceDocument? Document)> BuiltIn = new(() =>
    {
        var bytes = new TemplateStore(null).ReadBytes(Path);
        return (bytes, Read(bytes));
    });

    public static ReferenceDocument Load(TemplateStore templates)
    {
        var (builtInBytes, builtIn) = BuiltIn.Value;
        var ownBytes = templates.ReadBytes(Path);
        // Without an override both reads give the built-in reference: parse it once.
        var own = ownBytes is not null && builtInBytes is not null && ownBytes.AsSpan().SequenceEqual(builtInBytes) ? builtIn : Read(ownBytes);
        var reference = own ?? builtIn ?? throw new InvalidOperationException("The built-in templates/docx/reference.docx is missing.");
        if (builtIn is not null && !ReferenceEquals(reference, builtIn))
        {
            var have = reference.Styles.Elements<Style>().Select(s => s.StyleId?.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var style in builtIn.Styles.Elements<Style>())
                if (style.StyleId?.Value is { } id && !have.Contains(id) && RequiredStyles.Contains(id))
                    reference.Styles.Append(style.CloneNode(true));
        }
        return reference;
    }

    /// <summary>Reads the usual part names straight from the zip, without opening a package; null when they are elsewhere.</summary>
    private static ReferenceDocument? ReadParts(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes), System.IO.Compression.ZipArchiveMode.Read);
        string? Text(string name)
        {
            if (zip.GetEntry(name) is not { } entry) return null;
            using var reader = new StreamReader(entry.Open());
            var xml = reader.ReadToEnd().TrimStart();
            // The element constructors take the root element alone, without the XML declaration.
            return xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
        }
        if (Text("word/styles.xml") is not { } stylesXml || Text("word/document.xml") is not { } documentXml) return null;
        var sectPr = new Document(documentXml).Body?.Elements<SectionProperties>().LastOrDefault();
        // Elements built from XML parse lazily, which is not thread-safe: the clones are parsed in full, so documents
        // rendered in parallel can clone them.
        return Create((Styles)new Styles(stylesXml).CloneNode(true), sectPr,
            Text("word/fontTable.xml") is { } fontsXml ? (Fonts)new Fonts(fontsXml).CloneNode(true) : null);
    }

    private static ReferenceDocument Create(Styles styles, SectionProperties? sectPr, Fonts? fonts)
    {
        var size = sectPr?.GetFirstChild<PageSize>()?.CloneNode(true) as PageSize
                   ?? new PageSize { Width = 11906, Height = 16838 };
        var margin = sectPr?.GetFirstChild<PageMargin>()?.CloneNode(true) as PageMargin
                     ?? new PageMargin { Top = 1440, Right = 1247, Bottom = 1440, Left = 1247, Header = 709, Footer = 709, Gutter = 0 };
        return new ReferenceDocument(styles, size, margin, fonts);
    }

    private static ReferenceDocument? Read(byte[]? bytes)
    {
        if (bytes is null) return null;
        try
        {
            if (ReadParts(bytes) is { } quick) return quick;
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var main = doc.MainDocumentPart;
            if (main?.StyleDefinitionsPart?.Styles is not { } styles) return null;
            return Create((Styles)styles.CloneNode(true), main.Document?.Body?.Elements<SectionProperties>().LastOrDefault(),
                main.FontTablePart?.Fonts?.CloneNode(true) as Fonts);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
        {
            return null;
        }
    }
}
