namespace Portal.Domain.Search;

/// <summary>
/// The drafts pillar's searchable content: public drafts (not still in preparation) by their title and summary, the text
/// of their current version, and the comments the public may see (not refused, not hidden by abuse reports; drafts have
/// no pre-moderation). The rule is the one of <see cref="Drafts.DraftReader"/>; the folded expressions match the indexes
/// of the DraftsSearch migration.
/// </summary>
public static class DraftSearch
{
    public const string DraftKind = "draft";
    public const string TextKind = "draft-text";
    public const string CommentKind = "draft-comment";

    // Draft and comment states as stored (smallint): Preparing = 1; Published = 1.
    private const string PublicDraft = "d.state <> 1";
    private const string CurrentVersion = "v.number = (SELECT max(w.number) FROM draft_versions w WHERE w.draft_id = v.draft_id)";
    private const string PublicComment = "d.state <> 1 AND k.state = 1 AND k.hidden_at IS NULL";

    public const string DraftFolded = "portal_fold(d.title || ' ' || coalesce(d.summary, ''))";
    public const string TextFolded = "portal_fold(v.body)";
    public const string CommentFolded = "portal_fold(coalesce(k.redacted_body, k.body))";

    public static readonly SearchDocument Drafts = new(DraftKind,
        "drafts d JOIN units u ON u.id = d.unit_id",
        PublicDraft,
        DraftFolded, "u.path",
        """d.id AS "id", d.title AS "title", coalesce(d.summary, '') AS "text", u.full_name AS "unit_name", coalesce(d.published_at, d.opens_at) AS "at", d.id::bigint AS "link_id" """);

    public static readonly SearchDocument Texts = new(TextKind,
        "draft_versions v JOIN drafts d ON d.id = v.draft_id JOIN units u ON u.id = d.unit_id",
        PublicDraft + " AND " + CurrentVersion,
        TextFolded, "u.path",
        """v.id AS "id", d.title AS "title", left(v.body, 4000) AS "text", u.full_name AS "unit_name", v.published_at AS "at", d.id::bigint AS "link_id" """);

    public static readonly SearchDocument Comments = new(CommentKind,
        "draft_comments k JOIN drafts d ON d.id = k.draft_id JOIN units u ON u.id = d.unit_id",
        PublicComment,
        CommentFolded, "u.path",
        """k.id AS "id", d.title AS "title", coalesce(k.redacted_body, k.body) AS "text", u.full_name AS "unit_name", k.created_at AS "at", d.id::bigint AS "link_id" """);

    public static IEnumerable<ISearchSource> Sources() =>
    [
        new DocumentSearchSource(Drafts, r => Hit(DraftKind, r, r.Text, $"/du-thao/{r.Id}")),
        new DocumentSearchSource(Texts, r => Hit(TextKind, r, MarkdownRenderer.ToPlainText(r.Text), $"/du-thao/{r.LinkId}")),
        new DocumentSearchSource(Comments, r => Hit(CommentKind, r, r.Text, $"/du-thao/{r.LinkId}#gop-y-{r.Id}")),
    ];

    private static SearchHit Hit(string kind, SearchSql.Row row, string text, string link) =>
        new(kind, row.Id, row.Title, text, row.UnitName, row.At, link, row.Rank);
}
