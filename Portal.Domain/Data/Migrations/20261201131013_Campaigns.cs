using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    organiser_agency_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description_markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaigns_agencies_organiser_agency_id",
                        column: x => x.organiser_agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_campaigns_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_events_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_followers",
                columns: table => new
                {
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_followers", x => new { x.campaign_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_campaign_followers_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_followers_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_goals",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    unit_text = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    achieved = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_goals", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_goals_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body_markdown = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: true),
                    author_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_posts_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_village",
                columns: table => new
                {
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_village", x => new { x.campaign_id, x.village_id });
                    table.ForeignKey(
                        name: "fk_campaign_village_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_village_units_village_id",
                        column: x => x.village_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pledges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    pledger_id = table.Column<string>(type: "text", nullable: true),
                    pledger_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    for_household = table.Column<bool>(type: "boolean", nullable: false),
                    household_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    household_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    visibility = table.Column<short>(type: "smallint", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by_id = table.Column<string>(type: "text", nullable: true),
                    client_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_by_id = table.Column<string>(type: "text", nullable: true),
                    fulfilled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledges", x => x.id);
                    table.ForeignKey(
                        name: "fk_pledges_asp_net_users_pledger_id",
                        column: x => x.pledger_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pledges_asp_net_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pledges_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pledges_units_village_id",
                        column: x => x.village_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "village_decisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    method = table.Column<short>(type: "smallint", nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false),
                    agreeing = table.Column<int>(type: "integer", nullable: false),
                    disagreeing = table.Column<int>(type: "integer", nullable: false),
                    not_voting = table.Column<int>(type: "integer", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    explanation_vi = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    explanation_en = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_id = table.Column<string>(type: "text", nullable: true),
                    report_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_village_decisions_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_village_decisions_units_village_id",
                        column: x => x.village_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "event_registrations",
                columns: table => new
                {
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_registrations", x => new { x.event_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_event_registrations_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_registrations_campaign_events_event_id",
                        column: x => x.event_id,
                        principalTable: "campaign_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_registrations_units_village_id",
                        column: x => x.village_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "goal_village_target",
                columns: table => new
                {
                    goal_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_goal_village_target", x => new { x.goal_id, x.village_id });
                    table.ForeignKey(
                        name: "fk_goal_village_target_campaign_goals_goal_id",
                        column: x => x.goal_id,
                        principalTable: "campaign_goals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_goal_village_target_units_village_id",
                        column: x => x.village_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pledge_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pledge_id = table.Column<long>(type: "bigint", nullable: false),
                    goal_id = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    fulfilled = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledge_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_pledge_lines_campaign_goals_goal_id",
                        column: x => x.goal_id,
                        principalTable: "campaign_goals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pledge_lines_pledges_pledge_id",
                        column: x => x.pledge_id,
                        principalTable: "pledges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_events_campaign_id_starts_at",
                table: "campaign_events",
                columns: new[] { "campaign_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_followers_user_id",
                table: "campaign_followers",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_goals_campaign_id",
                table: "campaign_goals",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_posts_campaign_id_posted_at",
                table: "campaign_posts",
                columns: new[] { "campaign_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_village_village_id",
                table: "campaign_village",
                column: "village_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_organiser_agency_id",
                table: "campaigns",
                column: "organiser_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_unit_id_state",
                table: "campaigns",
                columns: new[] { "unit_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_user_id",
                table: "event_registrations",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_village_id",
                table: "event_registrations",
                column: "village_id");

            migrationBuilder.CreateIndex(
                name: "ix_goal_village_target_village_id",
                table: "goal_village_target",
                column: "village_id");

            migrationBuilder.CreateIndex(
                name: "ix_pledge_lines_goal_id",
                table: "pledge_lines",
                column: "goal_id");

            migrationBuilder.CreateIndex(
                name: "ix_pledge_lines_pledge_id_goal_id",
                table: "pledge_lines",
                columns: new[] { "pledge_id", "goal_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pledges_campaign_id_village_id_household_key",
                table: "pledges",
                columns: new[] { "campaign_id", "village_id", "household_key" });

            migrationBuilder.CreateIndex(
                name: "ix_pledges_campaign_id_village_id_state",
                table: "pledges",
                columns: new[] { "campaign_id", "village_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_pledges_client_request_id",
                table: "pledges",
                column: "client_request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pledges_pledger_id_campaign_id",
                table: "pledges",
                columns: new[] { "pledger_id", "campaign_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pledges_recorded_by_id",
                table: "pledges",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_pledges_village_id",
                table: "pledges",
                column: "village_id");

            migrationBuilder.CreateIndex(
                name: "ix_village_decisions_campaign_id_village_id",
                table: "village_decisions",
                columns: new[] { "campaign_id", "village_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_village_decisions_village_id",
                table: "village_decisions",
                column: "village_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_followers");

            migrationBuilder.DropTable(
                name: "campaign_posts");

            migrationBuilder.DropTable(
                name: "campaign_village");

            migrationBuilder.DropTable(
                name: "event_registrations");

            migrationBuilder.DropTable(
                name: "goal_village_target");

            migrationBuilder.DropTable(
                name: "pledge_lines");

            migrationBuilder.DropTable(
                name: "village_decisions");

            migrationBuilder.DropTable(
                name: "campaign_events");

            migrationBuilder.DropTable(
                name: "campaign_goals");

            migrationBuilder.DropTable(
                name: "pledges");

            migrationBuilder.DropTable(
                name: "campaigns");
        }
    }
}
