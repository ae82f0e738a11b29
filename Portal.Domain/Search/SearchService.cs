using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Search;

/// <summary>A result as shown: the hit with its title and snippet cut into marked and unmarked text.</summary>
public sealed record SearchResult(SearchHit Hit, IReadOnlyList<TextSegment> Title, IReadOnlyList<TextSegment> Snippet);

public sealed record SearchResults(SearchQuery Query, IReadOnlyList<SearchResult> Items, int Total, bool TotalCapped)
{
    public int PageCount => Math.Clamp((Total + SearchQuery.PageSize - 1) / SearchQuery.PageSize, 1, SearchQuery.MaxPage);
}

/// <summary>
/// The one search over everything public: asks every registered <see cref="ISearchSource"/> for its best hits up to
/// the requested page, merges them by rank, and marks the searched words. Read-only.
/// </summary>
public sealed class SearchService(IDbContextFactory<PortalDb> dbs, IEnumerable<ISearchSource> sources)
{
    private readonly IReadOnlyList<ISearchSource> _sources = sources.ToList();

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var take = query.Page * SearchQuery.PageSize;
        var hits = new List<SearchHit>();
        var total = 0;
        var capped = false;
        foreach (var source in _sources)
        {
            var result = await source.SearchAsync(db, query, take, ct);
            hits.AddRange(result.Hits);
            total += result.Total;
            capped |= result.Total >= SearchSql.CountCap;
        }
        var terms = query.Terms;
        var items = hits.OrderByDescending(h => h.Rank).ThenByDescending(h => h.At).ThenBy(h => h.Kind).ThenByDescending(h => h.Id)
            .Skip((query.Page - 1) * SearchQuery.PageSize).Take(SearchQuery.PageSize)
            .Select(h => new SearchResult(h, Highlighter.Mark(h.Title, terms, 200), Highlighter.Mark(h.Text, terms)))
            .ToList();
        return new SearchResults(query, items, total, capped);
    }

    /// <summary>Refreshes the typo-correction dictionary from every source (the nightly search-words job).</summary>
    public async Task RefreshWordsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        foreach (var source in _sources) await source.RefreshWordsAsync(db, ct);
    }
}
