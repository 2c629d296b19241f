using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RelationshipEventEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FromPartyId",
                table: "RelationshipEvents",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ToPartyId",
                table: "RelationshipEvents",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Existing events take their relationship's ends (the columns repeat them; see RelationshipEvent).
            migrationBuilder.Sql("""
                UPDATE "RelationshipEvents" SET "FromPartyId" = r."FromPartyId", "ToPartyId" = r."ToPartyId"
                FROM "Relationships" AS r WHERE r."Id" = "RelationshipEvents"."RelationshipId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipEvents_FromPartyId_OccurredAt_Id",
                table: "RelationshipEvents",
                columns: new[] { "FromPartyId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipEvents_ToPartyId_OccurredAt_Id",
                table: "RelationshipEvents",
                columns: new[] { "ToPartyId", "OccurredAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RelationshipEvents_FromPartyId_OccurredAt_Id",
                table: "RelationshipEvents");

            migrationBuilder.DropIndex(
                name: "IX_RelationshipEvents_ToPartyId_OccurredAt_Id",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "FromPartyId",
                table: "RelationshipEvents");

            migrationBuilder.DropColumn(
                name: "ToPartyId",
                table: "RelationshipEvents");
        }
    }
}
