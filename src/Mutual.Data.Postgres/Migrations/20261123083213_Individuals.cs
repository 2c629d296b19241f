using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderPersonPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ConsentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantorPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantorAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    GranteePartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Terms = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByPersonPartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndividualProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Emails = table.Column<List<string>>(type: "text[]", nullable: false),
                    Phones = table.Column<List<string>>(type: "text[]", nullable: false),
                    Addresses = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Preferences = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndividualProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VendorProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    Territories = table.Column<List<string>>(type: "text[]", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
