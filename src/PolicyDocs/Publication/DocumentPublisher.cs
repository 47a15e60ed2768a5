using System.Collections.Immutable;
using PolicyDocs.Matrix;
using PolicyDocs.Model;
using PolicyDocs.Templates;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Publication;

/// <summary>The Publish stage: turns the resolved, checked model into one <see cref="PublishedDocument"/> per document.</summary>
internal static class DocumentPublisher
{
    /// <summary>Publishes every document of <paramref name="set"/>.</summary>
    public static PublishedSet Publish(PolicySet set, XrefIndex xrefs, TemplateStore templates, RecommendationMatrix matrix, RecommendationIndex recommendations)
    {
        var context = new Context(set, xrefs, recommendations);
        return new PublishedSet(set, xrefs, templates, matrix, recommendations, [.. set.Documents.Select(context.Publish)]);
    }

    /// <summary>Publishes a document that is not one of the set's own (a variant of one, e.g. renamed for a comparison).</summary>
    internal static PublishedDocument Publish(PublishedSet published, PolicyDocument document)
    {
        var publication = new Context(published.Set, published.Xrefs, published.Recommendations).Publish(document);
        publication.Set = published;
        return publication;
    }

    private sealed class Context(PolicySet set, XrefIndex xrefs, RecommendationIndex recommendations)
    {
        private readonly Dictionary<string, string> _caNames = set.Data.Cas.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

        public PublishedDocument Publish(PolicyDocument doc)
        {
            var info = doc.Info;
            var cover = new Cover
            {
                Id = info.Id, Kind = info.Kind, KindStated = info.KindStated, FollowsRfc3647 = info.FollowsRfc3647, Title = info.Title, ShortTitle = info.ShortTitle, Version = info.Version, Oid = info.Oid,
                Subtitle = info.Subtitle, Authors = info.Authors, Date = info.Date, Language = info.Language, Copyright = info.Copyright,
                EffectiveDate = info.EffectiveDate, Status = info.Status, SetName = set.Info.Name, Publisher = set.Info.Publisher,
                Licence = set.Info.Licence, Cas = [.. info.Cas.Select(Ca)],
                Implements = [.. info.Implements.Select(id => (id, set.Find(id)?.Info.ShortTitle ?? id))],
            };
            var revisions = info.Revisions.Select(r => new RevisionRow(r.Version, r.Date, r.Summary, r.Approval,
                r.Approval is null ? null : set.Data.Approvals.FirstOrDefault(a => a.Id == r.Approval))).ToImmutableArray();
            return new PublishedDocument(doc, cover, revisions, doc.Preamble is { } p ? Section(doc, p) : null,
                [.. doc.Sections.Select(s => Section(doc, s))], [.. doc.Appendices.Select(s => Section(doc, s))]);
        }

        private CaReference Ca(string id) => new(id, _caNames.GetValueOrDefault(id) ?? id);

        private PublishedSection Section(PolicyDocument doc, Model.Section s) => new()
        {
            Source = s,
            Slug = xrefs.SlugOf(doc.Id, s.Anchor),
            IsNoStipulation = s.IsNoStipulation,
            Cas = [.. s.Cas.Select(Ca)],
            Addresses = [.. recommendations.For(doc.Id, s.Number).Select(r => new AddressedRecommendation(r.Id, r.Text))],
            ReferencedBy = s.IsAppendix ? [] : [.. xrefs.BacklinksOf(doc.Id, s.Number).Select(b => new ReferencedBy(
                b.DocumentId, b.SectionNumber, b.Title,
                b.DocumentId == doc.Id ? b.SectionNumber : $"{set.Find(b.DocumentId)?.Info.KindLabel} {b.SectionNumber}",
                b.DocumentId == doc.Id))],
            Children = [.. s.Children.Select(c => Section(doc, c))],
        };
    }
}
