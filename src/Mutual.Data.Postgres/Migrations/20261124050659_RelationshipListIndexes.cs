using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RelationshipListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Relationships_FromPartyId_Id",
                table: "Relationships",
                columns: new[] { "FromPartyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ToPartyId_Id",
                table: "Relationships",
                columns: new[] { "ToPartyId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Relationships_FromPartyId_Id",
                table: "Relationships");

            migrationBuilder.DropIndex(
                name: "IX_Relationships_ToPartyId_Id",
                table: "Relationships");
        }
    }
}
