using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutual.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PartySearchCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.CreateBookSearch);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.DropBookSearch);
        }
    }
}
