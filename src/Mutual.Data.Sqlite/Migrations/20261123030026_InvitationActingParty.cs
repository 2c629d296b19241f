using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvitationActingParty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ActingPartyId",
                table: "Invitations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
            // Invitations sent before this change act, safely, for the invited person.
            migrationBuilder.Sql("UPDATE \"Invitations\" SET \"ActingPartyId\" = \"PartyId\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActingPartyId",
                table: "Invitations");
        }
    }
}
