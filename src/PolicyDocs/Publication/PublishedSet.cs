using System.Collections.Immutable;
using PolicyDocs.Matrix;
using PolicyDocs.Model;
using PolicyDocs.Templates;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Publication;

/// <summary>
/// The result of a successful compile, and what every renderer consumes: the resolved model, its cross-reference
/// index, the templates, the recommendations matrix, and one <see cref="PublishedDocument"/> per document. Nothing in it is
/// null that an output needs.
/// </summary>
internal sealed class PublishedSet
{
    private readonly Dictionary<string, PublishedDocument> _byId;

    internal PublishedSet(PolicySet set, XrefIndex xrefs, TemplateStore templates, RecommendationMatrix matrix,
        RecommendationIndex recommendations, ImmutableArray<PublishedDocument> documents)
    {
        Set = set;
        Xrefs = xrefs;
        Templates = templates;
        Matrix = matrix;
        Recommendations = recommendations;
        Documents = documents;
        foreach (var d in documents) d.Set = this;
        _byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The bound, aligned model.</summary>
    public PolicySet Set { get; }

    /// <summary>Resolved references and backlinks.</summary>
    public XrefIndex Xrefs { get; }

    /// <summary>Where templates come from for this set.</summary>
    public TemplateStore Templates { get; }

    /// <summary>Recommendations × levels × CAs; without rows when the set has no recommendations.</summary>
    public RecommendationMatrix Matrix { get; }

    /// <summary>Which recommendations each section addresses.</summary>
    public RecommendationIndex Recommendations { get; }

    /// <summary>The documents in publication order.</summary>
    public ImmutableArray<PublishedDocument> Documents { get; }

    /// <summary>The publication of document <paramref name="id"/>, if the set has it.</summary>
    public PublishedDocument? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The publication of <paramref name="document"/>, which must be one of the set's.</summary>
    public PublishedDocument Of(PolicyDocument document) =>
        _byId.TryGetValue(document.Id, out var p) && ReferenceEquals(p.Document, document) ? p : DocumentPublisher.Publish(this, document);
}
