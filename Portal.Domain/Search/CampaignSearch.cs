namespace Portal.Domain.Search;

/// <summary>
/// The campaign pillar's searchable content: campaigns the public may see (not still a draft) by title and
/// description, and their posts (updates, milestones and supervision notes, all shown on the public page). The rule
/// is the one of <see cref="Campaigns.CampaignReader.DetailsAsync"/>; the folded expressions match the indexes of the
/// CampaignsSearch migration.
/// </summary>
public static class CampaignSearch
{
    /// <summary>The kinds' codes (kept here rather than in <see cref="SearchKinds"/> so that pillars plug in without
    /// touching a shared file).</summary>
    public const string CampaignKind = "campaign";
    public const string UpdateKind = "campaign-update";

    // Campaign states as stored (smallint): Draft = 1.
    private const string PublicCampaign = "c.state <> 1";

    public const string CampaignFolded = "portal_fold(c.title || ' ' || c.description_markdown)";
    public const string PostFolded = "portal_fold(p.title || ' ' || p.body_markdown)";

    public static readonly SearchDocument Campaigns = new(CampaignKind,
        "campaigns c JOIN units u ON u.id = c.unit_id",
        PublicCampaign,
        CampaignFolded, "u.path",
        """c.id::bigint AS "id", c.title AS "title", left(c.description_markdown, 4000) AS "text", u.full_name AS "unit_name", coalesce(c.opened_at, c.created_at) AS "at", c.id::bigint AS "link_id" """);

    public static readonly SearchDocument Updates = new(UpdateKind,
        "campaign_posts p JOIN campaigns c ON c.id = p.campaign_id JOIN units u ON u.id = c.unit_id",
        PublicCampaign,
        PostFolded, "u.path",
        """p.id AS "id", p.title AS "title", left(p.body_markdown, 4000) AS "text", u.full_name AS "unit_name", p.posted_at AS "at", p.campaign_id::bigint AS "link_id" """);

    public static IEnumerable<ISearchSource> Sources() =>
    [
        new DocumentSearchSource(Campaigns, r => Hit(CampaignKind, r, $"/van-dong/{r.Id}")),
        new DocumentSearchSource(Updates, r => Hit(UpdateKind, r, $"/van-dong/{r.LinkId}#tin-{r.Id}")),
    ];

    private static SearchHit Hit(string kind, SearchSql.Row row, string link) =>
        new(kind, row.Id, row.Title, MarkdownRenderer.ToPlainText(row.Text), row.UnitName, row.At, link, row.Rank);
}
