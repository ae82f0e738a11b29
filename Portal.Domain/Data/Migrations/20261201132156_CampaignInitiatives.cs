using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "village_initiatives",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    proposal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false),
                    proposing = table.Column<int>(type: "integer", nullable: false),
                    proposed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reaches = table.Column<bool>(type: "boolean", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    explanation_vi = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    explanation_en = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_id = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_initiatives", x => x.id);
                    table.ForeignKey(
                        name: "fk_village_initiatives_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_village_initiatives_units_village_id",
                        column: x => x.village_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_village_initiatives_campaign_id_village_id",
                table: "village_initiatives",
                columns: new[] { "campaign_id", "village_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_village_initiatives_village_id",
                table: "village_initiatives",
                column: "village_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "village_initiatives");
        }
    }
}
