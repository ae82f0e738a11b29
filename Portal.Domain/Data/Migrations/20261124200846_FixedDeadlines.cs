using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class FixedDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "fixed_due",
                table: "tracked_deadlines",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "fixed_due",
                table: "tracked_deadlines");
        }
    }
}
