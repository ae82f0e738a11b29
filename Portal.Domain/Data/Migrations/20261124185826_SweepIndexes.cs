using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SweepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tracked_deadlines_escalate_at",
                table: "tracked_deadlines");

            migrationBuilder.CreateIndex(
                name: "ix_tracked_deadlines_due_at1",
                table: "tracked_deadlines",
                column: "due_at",
                filter: "met_at IS NULL AND overdue_marked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tracked_deadlines_escalate_at",
                table: "tracked_deadlines",
                column: "escalate_at",
                filter: "escalated_at IS NULL AND met_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tracked_deadlines_due_at1",
                table: "tracked_deadlines");

            migrationBuilder.DropIndex(
                name: "ix_tracked_deadlines_escalate_at",
                table: "tracked_deadlines");

            migrationBuilder.CreateIndex(
                name: "ix_tracked_deadlines_escalate_at",
                table: "tracked_deadlines",
                column: "escalate_at",
                filter: "escalated_at IS NULL");
        }
    }
}
