using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PipelineTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PipelineTotals",
                columns: table => new
                {
                    OwnerPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Leads = table.Column<int>(type: "integer", nullable: false),
                    ValueCents = table.Column<long>(type: "bigint", nullable: false),
                    WonCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineTotals", x => new { x.OwnerPartyId, x.PartnerPartyId, x.Status });
                });
            // The totals of the leads already there, counted once (leads are only saved through the context from now on).
            migrationBuilder.Sql("""
                INSERT INTO "PipelineTotals" ("OwnerPartyId", "PartnerPartyId", "Status", "Leads", "ValueCents", "WonCents")
                SELECT "OwnerPartyId", COALESCE("AssignedPartnerPartyId", '00000000-0000-0000-0000-000000000000'::uuid), "Status", COUNT(*),
                    COALESCE(SUM(ROUND("Value" * 100)::bigint), 0), COALESCE(SUM(ROUND("WonValue" * 100)::bigint), 0)
                FROM "Leads" GROUP BY "OwnerPartyId", COALESCE("AssignedPartnerPartyId", '00000000-0000-0000-0000-000000000000'::uuid), "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PipelineTotals");
        }
    }
}
