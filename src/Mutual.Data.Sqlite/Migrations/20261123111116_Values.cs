using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Values : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RepPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedByPersonPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatedValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UseForMatching = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatedValues", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactAssignments_OrganizationPartyId_BuyerPartyId",
                table: "ContactAssignments",
                columns: new[] { "OrganizationPartyId", "BuyerPartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatedValues_PersonPartyId",
                table: "StatedValues",
                column: "PersonPartyId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactAssignments");

            migrationBuilder.DropTable(
                name: "StatedValues");
        }
    }
}
