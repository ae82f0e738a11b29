using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConferenceWindowCompiled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "window_compiled_at",
                table: "conferences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_conferences_questions_close_at",
                table: "conferences",
                column: "questions_close_at",
                filter: "window_compiled_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_conferences_questions_close_at",
                table: "conferences");

            migrationBuilder.DropColumn(
                name: "window_compiled_at",
                table: "conferences");
        }
    }
}
