using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Relationships_OwnerPartyId",
                table: "Relationships");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_OwnerPartyId_Kind",
                table: "Relationships",
                columns: new[] { "OwnerPartyId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_OwnerPartyId_Active_Name_Id",
                table: "Products",
                columns: new[] { "OwnerPartyId", "Active", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerProfiles_OwnerPartyId_Id",
                table: "PartnerProfiles",
                columns: new[] { "OwnerPartyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerPartyId_CreatedAt_Id",
                table: "Orders",
                columns: new[] { "CustomerPartyId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PartnerPartyId_CreatedAt_Id",
                table: "Orders",
                columns: new[] { "PartnerPartyId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_SellerPartyId_CreatedAt_Id",
                table: "Orders",
                columns: new[] { "SellerPartyId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_AssignedPartnerPartyId_CreatedAt_Id",
                table: "Leads",
                columns: new[] { "AssignedPartnerPartyId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerPartyId_AssignedPartnerPartyId_Status",
                table: "Leads",
                columns: new[] { "OwnerPartyId", "AssignedPartnerPartyId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Relationships_OwnerPartyId_Kind",
                table: "Relationships");

            migrationBuilder.DropIndex(
                name: "IX_Products_OwnerPartyId_Active_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_PartnerProfiles_OwnerPartyId_Id",
                table: "PartnerProfiles");

            migrationBuilder.DropIndex(
                name: "IX_Orders_CustomerPartyId_CreatedAt_Id",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_PartnerPartyId_CreatedAt_Id",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_SellerPartyId_CreatedAt_Id",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Leads_AssignedPartnerPartyId_CreatedAt_Id",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_OwnerPartyId_AssignedPartnerPartyId_Status",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_OwnerPartyId",
                table: "Relationships",
                column: "OwnerPartyId");
        }
    }
}
