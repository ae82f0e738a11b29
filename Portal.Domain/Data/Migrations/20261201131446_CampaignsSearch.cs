using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <summary>Full-text indexes over exactly the expressions that Portal.Domain/Search/CampaignSearch.cs searches
    /// (campaigns by title and description, their posts by title and body); no change to the EF model.</summary>
    public partial class CampaignsSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_campaigns_search_fts ON campaigns USING gin (to_tsvector('simple'::regconfig, portal_fold(title || ' ' || description_markdown)));
                CREATE INDEX ix_campaign_posts_search_fts ON campaign_posts USING gin (to_tsvector('simple'::regconfig, portal_fold(title || ' ' || body_markdown)));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_campaigns_search_fts;
                DROP INDEX ix_campaign_posts_search_fts;
                """);
        }
    }
}
