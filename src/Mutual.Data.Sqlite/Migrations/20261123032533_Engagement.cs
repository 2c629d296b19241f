using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Engagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EngagementLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounterpartPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TierAssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastOursAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastTheirsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastCallOrMeetingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastDialogueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverdueNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngagementTiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CadenceDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementTiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounterpartPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssigneePartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLinks_CounterpartPartyId_OwnerPartyId",
                table: "EngagementLinks",
                columns: new[] { "CounterpartPartyId", "OwnerPartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLinks_OverdueNotifiedAt_DueAt",
                table: "EngagementLinks",
                columns: new[] { "OverdueNotifiedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLinks_OwnerPartyId_CounterpartPartyId",
                table: "EngagementLinks",
                columns: new[] { "OwnerPartyId", "CounterpartPartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLinks_OwnerPartyId_DueAt_Id",
                table: "EngagementLinks",
                columns: new[] { "OwnerPartyId", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementTiers_OwnerPartyId_Name",
                table: "EngagementTiers",
                columns: new[] { "OwnerPartyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_OwnerPartyId_CounterpartPartyId_Day",
                table: "HealthSnapshots",
                columns: new[] { "OwnerPartyId", "CounterpartPartyId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_OwnerPartyId_Day",
                table: "HealthSnapshots",
                columns: new[] { "OwnerPartyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssigneePartyId_Status_DueAt_Id",
                table: "Tasks",
                columns: new[] { "AssigneePartyId", "Status", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OwnerPartyId_PartyId_Status_DueAt",
                table: "Tasks",
                columns: new[] { "OwnerPartyId", "PartyId", "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngagementLinks");

            migrationBuilder.DropTable(
                name: "EngagementTiers");

            migrationBuilder.DropTable(
                name: "HealthSnapshots");

            migrationBuilder.DropTable(
                name: "Tasks");
        }
    }
}
