using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Facts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Facts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceMessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LearnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedByPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShelfLifeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedWithSubject = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaleNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShelfLifeRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 102, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShelfLifeRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FactRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByPersonPartyId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FactRevisions_Facts_FactId",
                        column: x => x.FactId,
                        principalTable: "Facts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FactRevisions_FactId_At",
                table: "FactRevisions",
                columns: new[] { "FactId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_OwnerPartyId_ExpiresAt_Id",
                table: "Facts",
                columns: new[] { "OwnerPartyId", "ExpiresAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_StaleNotifiedAt_ExpiresAt",
                table: "Facts",
                columns: new[] { "StaleNotifiedAt", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_SubjectPartyId_Key",
                table: "Facts",
                columns: new[] { "SubjectPartyId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_ShelfLifeRules_OwnerPartyId_Pattern",
                table: "ShelfLifeRules",
                columns: new[] { "OwnerPartyId", "Pattern" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FactRevisions");

            migrationBuilder.DropTable(
                name: "ShelfLifeRules");

            migrationBuilder.DropTable(
                name: "Facts");
        }
    }
}
