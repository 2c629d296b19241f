using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PartnerTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptSeconds",
                table: "PartnerProfiles",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "LeadsLost",
                table: "PartnerProfiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LeadsOpen",
                table: "PartnerProfiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LeadsWon",
                table: "PartnerProfiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Offers",
                table: "PartnerProfiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OffersAccepted",
                table: "PartnerProfiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OffersDeclined",
                table: "PartnerProfiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OffersTimedOut",
                table: "PartnerProfiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing profiles start from the partner's history with the owner, as counting it from scratch would give.
            migrationBuilder.Sql("""
                UPDATE "PartnerProfiles" SET
                  "Offers" = (SELECT COUNT(*) FROM "LeadHops" h JOIN "Leads" l ON l."Id" = h."LeadId"
                    WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId" AND h."PartnerPartyId" = "PartnerProfiles"."PartnerPartyId"),
                  "OffersAccepted" = (SELECT COUNT(*) FROM "LeadHops" h JOIN "Leads" l ON l."Id" = h."LeadId"
                    WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId" AND h."PartnerPartyId" = "PartnerProfiles"."PartnerPartyId" AND h."Outcome" = 'accepted'),
                  "OffersDeclined" = (SELECT COUNT(*) FROM "LeadHops" h JOIN "Leads" l ON l."Id" = h."LeadId"
                    WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId" AND h."PartnerPartyId" = "PartnerProfiles"."PartnerPartyId" AND h."Outcome" = 'declined'),
                  "OffersTimedOut" = (SELECT COUNT(*) FROM "LeadHops" h JOIN "Leads" l ON l."Id" = h."LeadId"
                    WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId" AND h."PartnerPartyId" = "PartnerProfiles"."PartnerPartyId" AND h."Outcome" = 'timed_out'),
                  "AcceptSeconds" = (SELECT COALESCE(SUM(h."AcceptSeconds"), 0) FROM "LeadHops" h JOIN "Leads" l ON l."Id" = h."LeadId"
                    WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId" AND h."PartnerPartyId" = "PartnerProfiles"."PartnerPartyId" AND h."Outcome" = 'accepted'),
                  "LeadsOpen" = (SELECT COUNT(*) FROM "Leads" l WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId"
                    AND l."AssignedPartnerPartyId" = "PartnerProfiles"."PartnerPartyId" AND l."Status" IN ('assigned', 'accepted', 'contacted', 'qualified')),
                  "LeadsWon" = (SELECT COUNT(*) FROM "Leads" l WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId"
                    AND l."AssignedPartnerPartyId" = "PartnerProfiles"."PartnerPartyId" AND l."Status" = 'won'),
                  "LeadsLost" = (SELECT COUNT(*) FROM "Leads" l WHERE l."OwnerPartyId" = "PartnerProfiles"."OwnerPartyId"
                    AND l."AssignedPartnerPartyId" = "PartnerProfiles"."PartnerPartyId" AND l."Status" = 'lost')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptSeconds",
                table: "PartnerProfiles");

            migrationBuilder.DropColumn(
                name: "LeadsLost",
                table: "PartnerProfiles");

            migrationBuilder.DropColumn(
                name: "LeadsOpen",
                table: "PartnerProfiles");

            migrationBuilder.DropColumn(
                name: "LeadsWon",
                table: "PartnerProfiles");

            migrationBuilder.DropColumn(
                name: "Offers",
                table: "PartnerProfiles");

            migrationBuilder.DropColumn(
                name: "OffersAccepted",
                table: "PartnerProfiles");

            migrationBuilder.DropColumn(
                name: "OffersDeclined",
                table: "PartnerProfiles");

            migrationBuilder.DropColumn(
                name: "OffersTimedOut",
                table: "PartnerProfiles");
        }
    }
}
