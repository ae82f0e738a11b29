using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Data;

namespace Portal.Domain.Search;

/// <summary>
/// What a source searches, as SQL written by the source (constants only, never user input): the rows the public may
/// see, the folded text expression (the same expression as the source's indexes, see the Search migration), and the
/// columns of a hit.
/// </summary>
/// <param name="From">FROM and JOINs, with the table aliases the other expressions use.</param>
/// <param name="Visible">The WHERE condition of what the public may see.</param>
/// <param name="Folded">The text searched, folded: <c>portal_fold(...)</c>, exactly as in the source's indexes.</param>
/// <param name="UnitPath">The ltree path of the unit the item belongs to (for the locality scope).</param>
/// <param name="Select">The hit's columns, snake_case as EF maps them: "id", "title", "text", "unit_name", "at", "link_id".</param>
public sealed record SearchDocument(string Kind, string From, string Visible, string Folded, string UnitPath, string Select);

/// <summary>
/// Runs a source's search with the one matching and ranking rule of the portal: every word of the query is found,
/// accent-insensitively through <c>portal_fold</c>, as a whole word (full-text) or, for words of four letters or more,
/// as a word within pg_trgm's word-similarity threshold (typos); ranked by full-text cover density of all the words
/// (twice), of any word, plus the trigram word similarity of the whole query; scoped by ltree. The words, the unit
/// and the limit are parameters.
/// </summary>
public static class SearchSql
{
    /// <summary>Matches are counted up to this many (the page says "more than").</summary>
    public const int CountCap = 1000;

    public sealed class Row
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public string Text { get; set; } = "";
        public string UnitName { get; set; } = "";
        public DateTimeOffset At { get; set; }
        public long LinkId { get; set; }
        public double Rank { get; set; }
    }

    /// <summary>At most this many words of a query take part (the query is at most 100 characters anyway).</summary>
    public const int MaxWords = 8;
    /// <summary>Words shorter than this must match exactly (after folding): trigrams of a short word match too much.</summary>
    public const int TypoMinLength = 4;

    public static async Task<(List<Row> Rows, int Total)> RunAsync(PortalDb db, SearchDocument document, SearchQuery query, int take, CancellationToken ct)
    {
        var words = query.Terms.Take(MaxWords).ToList();
        var vector = $"to_tsvector('simple'::regconfig, {document.Folded})";
        // Every word must be found: as a whole word (full-text), or, for longer words, as a similar word (trigrams).
        var wordMatches = words.Select((w, i) => w.Length >= TypoMinLength
            ? $"({vector} @@ plainto_tsquery('simple'::regconfig, portal_fold(@w{i})) OR portal_fold(@w{i}) <% {document.Folded})"
            : $"{vector} @@ plainto_tsquery('simple'::regconfig, portal_fold(@w{i}))");
        var anyWord = string.Join(" || ", words.Select((_, i) => $"plainto_tsquery('simple'::regconfig, portal_fold(@w{i}))"));
        var match = $"""
            {document.Visible}
              AND {string.Join(" AND ", wordMatches)}
              AND (@unit IS NULL OR {document.UnitPath} <@ (SELECT scope.path FROM units scope WHERE scope.id = @unit))
            """;
        // The SQL is put together from the source's constants only; the words, unit and limit travel as parameters.
        var select = $"""
            SELECT {document.Select},
                   (ts_rank_cd({vector}, plainto_tsquery('simple'::regconfig, portal_fold(@q))) * 2
                    + ts_rank_cd({vector}, {anyWord})
                    + word_similarity(portal_fold(@q), {document.Folded}))::float8 AS "rank"
            FROM {document.From}
            WHERE {match}
            ORDER BY "rank" DESC, "at" DESC, "id" DESC
            LIMIT @take
            """;
        var count = $"""SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM {document.From} WHERE {match} LIMIT {CountCap}) hits""";
        var rows = await db.Database.SqlQueryRaw<Row>(select, Parameters(query, words, take)).ToListAsync(ct);
        var total = rows.Count < take
            ? rows.Count
            : await db.Database.SqlQueryRaw<int>(count, Parameters(query, words, take)).SingleAsync(ct);
        return (rows, total);
    }

    private static object[] Parameters(SearchQuery query, IReadOnlyList<string> words, int take) =>
    [
        new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = query.Text },
        new NpgsqlParameter("unit", NpgsqlDbType.Integer) { Value = (object?)query.UnitId ?? DBNull.Value },
        new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take },
        .. words.Select((w, i) => new NpgsqlParameter($"w{i}", NpgsqlDbType.Text) { Value = w }),
    ];
}
