using Portal.Domain.Data;

namespace Portal.Domain.Search;

/// <summary>What kind of thing a result is (the page shows the kind's name, the API its code).</summary>
public static class SearchKinds
{
    public const string Conference = "conference";
    public const string Question = "question";
    public const string Answer = "answer";
}

/// <summary>One thing found: its kind, its public title and text (plain, never HTML), where it belongs, and the page
/// that shows it.</summary>
public sealed record SearchHit(string Kind, long Id, string Title, string Text, string UnitName, DateTimeOffset At, string Link, double Rank);

/// <summary>A source's best hits for a query (at most the number asked for) and how many it matched in all
/// (counted up to <see cref="SearchSql.CountCap"/>).</summary>
public sealed record SourceResult(IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>
/// One kind of searchable content. Each pillar adds one (conferences, questions and answers today; drafts and
/// comments, campaigns and updates later) and registers it as an <see cref="ISearchSource"/>: the search service
/// asks every source for its best <c>take</c> hits, merges them by rank and pages them. A source returns only what
/// the public may see: its <see cref="SearchSql.Document"/> carries the visibility rule.
/// </summary>
public interface ISearchSource
{
    Task<SourceResult> SearchAsync(PortalDb db, SearchQuery query, int take, CancellationToken ct);

    /// <summary>Adds the words of the source's public texts to the typo-correction dictionary (idempotent).</summary>
    Task RefreshWordsAsync(PortalDb db, CancellationToken ct);
}
