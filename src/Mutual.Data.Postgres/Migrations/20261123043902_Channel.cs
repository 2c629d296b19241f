using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Channel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Leads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    RequiredCertification = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AssignedPartnerPartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RuleId = table.Column<Guid>(type: "uuid", nullable: true),
                    RoutingReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WonValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Territories = table.Column<List<string>>(type: "text[]", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    LastAssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    MinValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    RequiredCertification = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    AcceptWithinHours = table.Column<int>(type: "integer", nullable: false),
                    RespectCapacity = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeadHops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptSeconds = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadHops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadHops_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerPartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadStatusChanges_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerCertifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCertifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerCertifications_PartnerProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "PartnerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeadHops_LeadId_AssignedAt",
                table: "LeadHops",
                columns: new[] { "LeadId", "AssignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadHops_PartnerPartyId_Outcome",
                table: "LeadHops",
                columns: new[] { "PartnerPartyId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_LeadId_At",
                table: "LeadStatusChanges",
                columns: new[] { "LeadId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_AssignedPartnerPartyId_Status_CreatedAt_Id",
                table: "Leads",
                columns: new[] { "AssignedPartnerPartyId", "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerPartyId_CreatedAt_Id",
                table: "Leads",
                columns: new[] { "OwnerPartyId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerPartyId_Status_CreatedAt_Id",
                table: "Leads",
                columns: new[] { "OwnerPartyId", "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Status_AcceptBy",
                table: "Leads",
                columns: new[] { "Status", "AcceptBy" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCertifications_ProfileId_Name",
                table: "PartnerCertifications",
                columns: new[] { "ProfileId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerProfiles_OwnerPartyId_PartnerPartyId",
                table: "PartnerProfiles",
                columns: new[] { "OwnerPartyId", "PartnerPartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerProfiles_PartnerPartyId",
                table: "PartnerProfiles",
                column: "PartnerPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_OwnerPartyId_Position",
                table: "RoutingRules",
                columns: new[] { "OwnerPartyId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadHops");

            migrationBuilder.DropTable(
                name: "LeadStatusChanges");

            migrationBuilder.DropTable(
                name: "PartnerCertifications");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "PartnerProfiles");
        }
    }
}
