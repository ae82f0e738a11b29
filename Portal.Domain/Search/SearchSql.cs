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
/// accent-insensitively through <c>portal_fold</c>, as a whole word (full-text, one GIN index scan); a word of four
/// letters or more that appears nowhere is taken as a typo and stands for the known words most like it (pg_trgm
/// similarity over the search_words dictionary). Ranked by full-text cover density of the words as typed (twice)
/// plus that of the query with its corrections; scoped by ltree. The words, the unit and the limits are parameters.
/// </summary>
public static class SearchSql
{
    /// <summary>Matches are counted up to this many per kind (the page says "more than"): the ranked matches.</summary>
    public const int CountCap = RankCap;

    public sealed class Row
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public string Text { get; set; } = "";
        public string UnitName { get; set; } = "";
        public DateTimeOffset At { get; set; }
        public long LinkId { get; set; }
        public double Rank { get; set; }
        /// <summary>How many matches the source found, up to <see cref="RankCap"/> (the same on every row).</summary>
        public int Total { get; set; }
    }

    /// <summary>At most this many words of a query take part (the query is at most 100 characters anyway).</summary>
    public const int MaxWords = 8;
    /// <summary>Words shorter than this must match exactly (after folding): trigrams of a short word match too much.</summary>
    public const int TypoMinLength = 4;
    /// <summary>At most this many matches of one source are ranked (the first found); a query matching more is
    /// too broad to page through anyway, and ranking them all would cost seconds on a million items.</summary>
    public const int RankCap = 2000;

    public static async Task<(List<Row> Rows, int Total)> RunAsync(PortalDb db, SearchDocument document, SearchQuery query, int take, CancellationToken ct)
    {
        var words = query.Terms.Take(MaxWords).ToList();
        var vector = $"to_tsvector('simple'::regconfig, {document.Folded})";
        // One tsquery: every word (AND); a word of 4+ letters that no searchable text contains is taken as a typo and
        // replaced by the known words most like it (OR), found by trigram similarity in the search_words dictionary.
        var wordQueries = words.Select((w, i) => w.Length < TypoMinLength
            ? $"plainto_tsquery('simple'::regconfig, portal_fold(@w{i}))"
            : $"""
              (CASE WHEN EXISTS (SELECT 1 FROM search_words k WHERE k.word = portal_fold(@w{i})) THEN plainto_tsquery('simple'::regconfig, portal_fold(@w{i}))
                    ELSE plainto_tsquery('simple'::regconfig, portal_fold(@w{i})) || coalesce((SELECT string_agg(quote_literal(s.word), ' | ')::tsquery
                         FROM (SELECT k.word FROM search_words k WHERE k.word % portal_fold(@w{i}) AND similarity(k.word, portal_fold(@w{i})) >= 0.45
                               ORDER BY k.word <-> portal_fold(@w{i}) LIMIT 8) s), plainto_tsquery('simple'::regconfig, portal_fold(@w{i}))) END)
              """);
        var input = $"""
            input AS MATERIALIZED (SELECT ({string.Join(" && ", wordQueries)}) AS q, plainto_tsquery('simple'::regconfig, portal_fold(@q)) AS exact)
            """;
        var match = $"""
            {document.Visible}
              AND {vector} @@ (SELECT q FROM input)
              AND (@unit IS NULL OR {document.UnitPath} <@ (SELECT scope.path FROM units scope WHERE scope.id = @unit))
            """;
        // The SQL is put together from the source's constants only; the words, unit and limits travel as parameters.
        var select = $"""
            WITH {input},
            hits AS (SELECT {document.Select}, {vector} AS v FROM {document.From} WHERE {match} LIMIT {RankCap})
            SELECT id, title, text, unit_name, at, link_id,
                   (ts_rank_cd(v, (SELECT exact FROM input)) * 2 + ts_rank_cd(v, (SELECT q FROM input)))::float8 AS "rank",
                   (SELECT count(*) FROM hits)::int AS total
            FROM hits
            ORDER BY "rank" DESC, at DESC, id DESC
            LIMIT @take
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(select, Parameters(query, words, take)).ToListAsync(ct);
        return (rows, rows.Count == 0 ? 0 : rows[0].Total);
    }

    /// <summary>Adds the folded words of what the public may see to the search_words dictionary (idempotent; run by
    /// the nightly job). Words of items added since are still found exactly, only not yet typo-corrected.</summary>
    public static async Task RefreshWordsAsync(PortalDb db, SearchDocument document, CancellationToken ct)
    {
        var documents = $"SELECT to_tsvector('simple'::regconfig, {document.Folded}) FROM {document.From} WHERE {document.Visible}";
        var sql = $"INSERT INTO search_words (word) SELECT word FROM ts_stat(@documents) WHERE length(word) <= 60 ON CONFLICT DO NOTHING";
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync(sql, [new NpgsqlParameter("documents", NpgsqlDbType.Text) { Value = documents }], ct);
    }

    private static object[] Parameters(SearchQuery query, IReadOnlyList<string> words, int take) =>
    [
        new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = query.Text },
        new NpgsqlParameter("unit", NpgsqlDbType.Integer) { Value = (object?)query.UnitId ?? DBNull.Value },
        new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take },
        .. words.Select((w, i) => new NpgsqlParameter($"w{i}", NpgsqlDbType.Text) { Value = w }),
    ];
}
