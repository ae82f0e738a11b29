using Portal.Domain.Search;

namespace Portal.Jobs.Search;

/// <summary>Nightly: adds the words of every public searchable text to the typo-correction dictionary (idempotent:
/// words already there stay, nothing is removed).</summary>
public sealed class RefreshSearchWordsJob(SearchService search)
{
    public Task Run(CancellationToken ct) => search.RefreshWordsAsync(ct);
}
