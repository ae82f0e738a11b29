using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // unaccent() is only STABLE (it depends on the dictionary search path), so an index expression cannot use it:
            // this wrapper names the dictionary explicitly and is declared IMMUTABLE, the documented way to index it.
            migrationBuilder.Sql("""
                CREATE FUNCTION portal_fold(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
                """);
            // Full-text indexes (every word, accents folded) over exactly the expressions that
            // Portal.Domain/Search/DialogueSearch.cs searches.
            migrationBuilder.Sql("""
                CREATE INDEX ix_conferences_search_fts ON conferences USING gin (to_tsvector('simple'::regconfig, portal_fold(title || ' ' || coalesce(summary, ''))));
                CREATE INDEX ix_questions_search_fts ON questions USING gin (to_tsvector('simple'::regconfig, portal_fold(coalesce(redacted_body, body))));
                CREATE INDEX ix_questions_answer_search_fts ON questions USING gin (to_tsvector('simple'::regconfig, portal_fold(answer_markdown))) WHERE answer_markdown IS NOT NULL;
                """);
            // The folded words of everything searchable (refreshed by the search-words job): a typed word that is not
            // one of them is looked up here by trigram similarity and replaced by the words it resembles.
            migrationBuilder.Sql("""
                CREATE TABLE search_words (word text PRIMARY KEY);
                CREATE INDEX ix_search_words_trgm ON search_words USING gin (word gin_trgm_ops);
                """);
            migrationBuilder.CreateTable(
                name: "statistics_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    agency_id = table.Column<int>(type: "integer", nullable: true),
                    figure = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistics_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_statistics_snapshots_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_statistics_snapshots_agency_id_month",
                table: "statistics_snapshots",
                columns: new[] { "agency_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_statistics_snapshots_month_unit_id_agency_id_figure",
                table: "statistics_snapshots",
                columns: new[] { "month", "unit_id", "agency_id", "figure" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_statistics_snapshots_unit_id",
                table: "statistics_snapshots",
                column: "unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_conferences_search_fts;
                DROP INDEX ix_questions_search_fts;
                DROP INDEX ix_questions_answer_search_fts;
                DROP TABLE search_words;
                DROP FUNCTION portal_fold(text);
                """);
            migrationBuilder.DropTable(
                name: "statistics_snapshots");
        }
    }
}
