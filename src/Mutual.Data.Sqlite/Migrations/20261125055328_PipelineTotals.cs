using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
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
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Leads = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    WonCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineTotals", x => new { x.OwnerPartyId, x.PartnerPartyId, x.Status });
                });
            // The totals of the leads already there, counted once (leads are only saved through the context from now on).
            migrationBuilder.Sql("""
                INSERT INTO "PipelineTotals" ("OwnerPartyId", "PartnerPartyId", "Status", "Leads", "ValueCents", "WonCents")
                SELECT "OwnerPartyId", COALESCE("AssignedPartnerPartyId", '00000000-0000-0000-0000-000000000000'), "Status", COUNT(*),
                    COALESCE(SUM(CAST(ROUND(CAST("Value" AS REAL) * 100) AS INTEGER)), 0), COALESCE(SUM(CAST(ROUND(CAST("WonValue" AS REAL) * 100) AS INTEGER)), 0)
                FROM "Leads" GROUP BY "OwnerPartyId", COALESCE("AssignedPartnerPartyId", '00000000-0000-0000-0000-000000000000'), "Status";
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
