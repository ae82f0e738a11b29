using Portal.Domain.Data;

namespace Portal.Domain.Search;

/// <summary>A source defined by its <see cref="SearchDocument"/> and how a row becomes a hit (its link, its text made
/// plain): what a pillar writes to make its content searchable.</summary>
public sealed class DocumentSearchSource(SearchDocument document, Func<SearchSql.Row, SearchHit> toHit) : ISearchSource
{
    public SearchDocument Document => document;

    public async Task<SourceResult> SearchAsync(PortalDb db, SearchQuery query, int take, CancellationToken ct)
    {
        var (rows, total) = await SearchSql.RunAsync(db, document, query, take, ct);
        return new SourceResult(rows.Select(toHit).ToList(), total);
    }

    public Task RefreshWordsAsync(PortalDb db, CancellationToken ct) => SearchSql.RefreshWordsAsync(db, document, ct);
}
