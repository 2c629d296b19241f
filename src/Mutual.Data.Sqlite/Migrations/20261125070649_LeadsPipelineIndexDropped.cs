using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LeadsPipelineIndexDropped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_OwnerPartyId_AssignedPartnerPartyId_Status",
                table: "Leads");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerPartyId_AssignedPartnerPartyId_Status",
                table: "Leads",
                columns: new[] { "OwnerPartyId", "AssignedPartnerPartyId", "Status" });
        }
    }
}
