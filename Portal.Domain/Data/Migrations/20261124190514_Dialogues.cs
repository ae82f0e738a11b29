using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dialogues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conferences",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    hosts = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    organiser_agency_id = table.Column<int>(type: "integer", nullable: false),
                    front_agency_id = table.Column<int>(type: "integer", nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    online_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    questions_open_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    questions_close_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    moderation = table.Column<short>(type: "smallint", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    announce_override_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    results_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_conferences_agencies_front_agency_id",
                        column: x => x.front_agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conferences_agencies_organiser_agency_id",
                        column: x => x.organiser_agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conferences_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    agency_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_routing_rules_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_routing_rules_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    conference_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    redacted_body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    visibility = table.Column<short>(type: "smallint", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    relayed_for_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    relayed_for_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    client_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    merged_into_id = table.Column<long>(type: "bigint", nullable: true),
                    agency_id = table.Column<int>(type: "integer", nullable: true),
                    support_count = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_markdown = table.Column<string>(type: "text", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_id = table.Column<string>(type: "text", nullable: true),
                    rating = table.Column<short>(type: "smallint", nullable: true),
                    rating_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    times_reopened = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_questions_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_questions_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_questions_conferences_conference_id",
                        column: x => x.conference_id,
                        principalTable: "conferences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_questions_questions_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_questions_units_village_id",
                        column: x => x.village_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    question_id = table.Column<long>(type: "bigint", nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    agency_id = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitments_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "question_followers",
                columns: table => new
                {
                    question_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_followers", x => new { x.question_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_question_followers_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_question_followers_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "question_supports",
                columns: table => new
                {
                    question_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_supports", x => new { x.question_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_question_supports_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_question_supports_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_agency_id",
                table: "commitments",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_question_id",
                table: "commitments",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_conferences_front_agency_id",
                table: "conferences",
                column: "front_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_conferences_organiser_agency_id",
                table: "conferences",
                column: "organiser_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_conferences_unit_id_starts_at",
                table: "conferences",
                columns: new[] { "unit_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_question_followers_user_id",
                table: "question_followers",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_question_supports_user_id",
                table: "question_supports",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_agency_id_state",
                table: "questions",
                columns: new[] { "agency_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_questions_author_id_client_request_id",
                table: "questions",
                columns: new[] { "author_id", "client_request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questions_conference_id_state_support_count",
                table: "questions",
                columns: new[] { "conference_id", "state", "support_count" });

            migrationBuilder.CreateIndex(
                name: "ix_questions_merged_into_id",
                table: "questions",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_village_id",
                table: "questions",
                column: "village_id");

            migrationBuilder.CreateIndex(
                name: "ix_routing_rules_agency_id",
                table: "routing_rules",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_routing_rules_unit_id_topic",
                table: "routing_rules",
                columns: new[] { "unit_id", "topic" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "question_followers");

            migrationBuilder.DropTable(
                name: "question_supports");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropTable(
                name: "questions");

            migrationBuilder.DropTable(
                name: "conferences");
        }
    }
}
