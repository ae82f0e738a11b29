using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DraftsSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text indexes (every word, accents folded by portal_fold of the Search migration) over exactly the
            // expressions that Portal.Domain/Search/DraftSearch.cs searches. No change to the EF model.
            migrationBuilder.Sql("""
                CREATE INDEX ix_drafts_search_fts ON drafts USING gin (to_tsvector('simple'::regconfig, portal_fold(title || ' ' || coalesce(summary, ''))));
                CREATE INDEX ix_draft_versions_search_fts ON draft_versions USING gin (to_tsvector('simple'::regconfig, portal_fold(body)));
                CREATE INDEX ix_draft_comments_search_fts ON draft_comments USING gin (to_tsvector('simple'::regconfig, portal_fold(coalesce(redacted_body, body))));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_draft_comments_search_fts;
                DROP INDEX ix_draft_versions_search_fts;
                DROP INDEX ix_drafts_search_fts;
                """);
        }
    }
}
