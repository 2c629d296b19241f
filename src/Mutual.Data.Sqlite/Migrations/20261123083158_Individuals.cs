using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Individuals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderPersonPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentIds = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantorPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GranteePartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByPersonPartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndividualProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Emails = table.Column<string>(type: "TEXT", nullable: false),
                    Phones = table.Column<string>(type: "TEXT", nullable: false),
                    Addresses = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Preferences = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndividualProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VendorProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    Territories = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VendorProfiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_SubjectPartyId_At_Id",
                table: "AccessLog",
                columns: new[] { "SubjectPartyId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_GranteePartyId_Id",
                table: "Consents",
                columns: new[] { "GranteePartyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_GrantorPartyId_GranteePartyId_Status",
                table: "Consents",
                columns: new[] { "GrantorPartyId", "GranteePartyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_GrantorPartyId_Id",
                table: "Consents",
                columns: new[] { "GrantorPartyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IndividualProfiles_PartyId",
                table: "IndividualProfiles",
                column: "PartyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VendorProfiles_PartyId",
                table: "VendorProfiles",
                column: "PartyId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "IndividualProfiles");

            migrationBuilder.DropTable(
                name: "VendorProfiles");
        }
    }
}
