using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Drafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    front_agency_id = table.Column<int>(type: "integer", nullable: false),
                    drafting_agency_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    audience = table.Column<short>(type: "smallint", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    compiled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report_markdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    report_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drafts", x => x.id);
                    table.ForeignKey(
                        name: "fk_drafts_agencies_drafting_agency_id",
                        column: x => x.drafting_agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_drafts_agencies_front_agency_id",
                        column: x => x.front_agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_drafts_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "criticism_recommendations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    draft_id = table.Column<int>(type: "integer", nullable: false),
                    section_anchor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    section_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    source_comment_ids = table.Column<long[]>(type: "bigint[]", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    decision = table.Column<short>(type: "smallint", nullable: true),
                    explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_id = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criticism_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_criticism_recommendations_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_invitations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    draft_id = table.Column<int>(type: "integer", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_draft_invitations_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    draft_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    change_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_draft_versions_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    draft_id = table.Column<int>(type: "integer", nullable: false),
                    version_id = table.Column<int>(type: "integer", nullable: false),
                    section_anchor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    stance = table.Column<short>(type: "smallint", nullable: false),
                    body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    proposed_wording = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    redacted_body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    support_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_request_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_draft_comments_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_draft_comments_draft_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "draft_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_draft_comments_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "draft_comment_reports",
                columns: table => new
                {
                    comment_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_comment_reports", x => new { x.comment_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_draft_comment_reports_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_draft_comment_reports_draft_comments_comment_id",
                        column: x => x.comment_id,
                        principalTable: "draft_comments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_comment_supports",
                columns: table => new
                {
                    comment_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_comment_supports", x => new { x.comment_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_draft_comment_supports_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_draft_comment_supports_draft_comments_comment_id",
                        column: x => x.comment_id,
                        principalTable: "draft_comments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_criticism_recommendations_draft_id_position",
                table: "criticism_recommendations",
                columns: new[] { "draft_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_draft_comment_reports_user_id",
                table: "draft_comment_reports",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_draft_comment_supports_user_id",
                table: "draft_comment_supports",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_draft_comments_author_id_client_request_id",
                table: "draft_comments",
                columns: new[] { "author_id", "client_request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_draft_comments_draft_id_section_anchor_state",
                table: "draft_comments",
                columns: new[] { "draft_id", "section_anchor", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_draft_comments_version_id",
                table: "draft_comments",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_draft_invitations_draft_id_email",
                table: "draft_invitations",
                columns: new[] { "draft_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_draft_versions_draft_id_number",
                table: "draft_versions",
                columns: new[] { "draft_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_drafts_closes_at",
                table: "drafts",
                column: "closes_at",
                filter: "compiled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_drafting_agency_id",
                table: "drafts",
                column: "drafting_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_front_agency_id",
                table: "drafts",
                column: "front_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_unit_id_state",
                table: "drafts",
                columns: new[] { "unit_id", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "criticism_recommendations");

            migrationBuilder.DropTable(
                name: "draft_comment_reports");

            migrationBuilder.DropTable(
                name: "draft_comment_supports");

            migrationBuilder.DropTable(
                name: "draft_invitations");

            migrationBuilder.DropTable(
                name: "draft_comments");

            migrationBuilder.DropTable(
                name: "draft_versions");

            migrationBuilder.DropTable(
                name: "drafts");
        }
    }
}
