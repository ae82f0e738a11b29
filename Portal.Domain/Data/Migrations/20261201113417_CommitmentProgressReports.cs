using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommitmentProgressReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commitment_progress_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    commitment_id = table.Column<long>(type: "bigint", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    note_markdown = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    reported_by_id = table.Column<string>(type: "text", nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_progress_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_progress_reports_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commitment_progress_reports_commitment_id_reported_at",
                table: "commitment_progress_reports",
                columns: new[] { "commitment_id", "reported_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitment_progress_reports");
        }
    }
}
