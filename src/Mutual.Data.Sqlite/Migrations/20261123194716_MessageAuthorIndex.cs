using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessageAuthorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Messages_AuthorPartyId_OccurredAt",
                table: "Messages",
                columns: new[] { "AuthorPartyId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_AuthorPartyId_OccurredAt",
                table: "Messages");
        }
    }
}
