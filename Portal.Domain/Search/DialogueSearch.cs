namespace Portal.Domain.Search;

/// <summary>
/// The dialogue pillar's searchable content: public conferences (not drafts), the questions the public may see
/// (not refused, merged or hidden by abuse reports, not awaiting pre-moderation) and their answers. The rule is the
/// one of <see cref="Dialogues.DialogueReader"/>; the folded expressions match the indexes of the Search migration.
/// </summary>
public static class DialogueSearch
{
    // Conference and question states as stored (smallint): Draft = 1; Received = 1, Refused = 4, Merged = 5; PreModeration = 1.
    private const string PublicQuestion = """
        c.state <> 1 AND q.hidden_at IS NULL AND q.state NOT IN (4, 5) AND NOT (c.moderation = 1 AND q.state = 1)
        """;
    private const string QuestionFrom = "questions q JOIN conferences c ON c.id = q.conference_id JOIN units u ON u.id = c.unit_id";

    public const string ConferenceFolded = "portal_fold(c.title || ' ' || coalesce(c.summary, ''))";
    public const string QuestionFolded = "portal_fold(coalesce(q.redacted_body, q.body))";
    public const string AnswerFolded = "portal_fold(q.answer_markdown)";

    public static readonly SearchDocument Conferences = new(SearchKinds.Conference,
        "conferences c JOIN units u ON u.id = c.unit_id",
        "c.state <> 1",
        ConferenceFolded, "u.path",
        """c.id AS "id", c.title AS "title", coalesce(c.summary, '') AS "text", u.full_name AS "unit_name", c.starts_at AS "at", c.id::bigint AS "link_id" """);

    public static readonly SearchDocument Questions = new(SearchKinds.Question, QuestionFrom, PublicQuestion,
        QuestionFolded, "u.path",
        """q.id AS "id", c.title AS "title", coalesce(q.redacted_body, q.body) AS "text", u.full_name AS "unit_name", q.received_at AS "at", q.conference_id::bigint AS "link_id" """);

    public static readonly SearchDocument Answers = new(SearchKinds.Answer, QuestionFrom, PublicQuestion + " AND q.answer_markdown IS NOT NULL",
        AnswerFolded, "u.path",
        """q.id AS "id", left(coalesce(q.redacted_body, q.body), 200) AS "title", left(q.answer_markdown, 4000) AS "text", u.full_name AS "unit_name", q.answered_at AS "at", q.conference_id::bigint AS "link_id" """);

    public static IEnumerable<ISearchSource> Sources() =>
    [
        new DocumentSearchSource(Conferences, r => Hit(SearchKinds.Conference, r, r.Text, $"/hoi-nghi/{r.Id}")),
        new DocumentSearchSource(Questions, r => Hit(SearchKinds.Question, r, r.Text, $"/hoi-nghi/{r.LinkId}#y-kien-{r.Id}")),
        new DocumentSearchSource(Answers, r => Hit(SearchKinds.Answer, r, MarkdownRenderer.ToPlainText(r.Text), $"/hoi-nghi/{r.LinkId}#y-kien-{r.Id}")),
    ];

    private static SearchHit Hit(string kind, SearchSql.Row row, string text, string link) =>
        new(kind, row.Id, row.Title, text, row.UnitName, row.At, link, row.Rank);
}
