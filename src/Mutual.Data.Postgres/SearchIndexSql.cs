namespace Mutual.Data.Postgres;

/// <summary>
/// A generated tsvector over Parties: the name weighted A (so the directory can match names only with
/// <c>word:*A</c>), emails and tags weighted B; GIN-indexed.
/// </summary>
public static class SearchIndexSql
{
    public const string Create = """
        ALTER TABLE "Parties" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', coalesce("Name", '')), 'A') ||
          setweight(to_tsvector('simple', coalesce("SearchText", '')), 'B')) STORED;
        CREATE INDEX "IX_Parties_SearchVector" ON "Parties" USING GIN ("SearchVector");
        """;

    public const string Drop = """
        DROP INDEX IF EXISTS "IX_Parties_SearchVector";
        ALTER TABLE "Parties" DROP COLUMN IF EXISTS "SearchVector";
        """;

    /// <summary>
    /// The book in name order with what a search tests per entry (its vector, and the list's kind filter): a search for a
    /// common word walks the book and tests each party it passes, and from this index the walk reads no table row
    /// (PartySearch.BookPageAsync). Kept beside the model's (OwnerPartyId, Name, Id) index: SearchVector is not in the
    /// EF model.
    /// </summary>
    public const string CreateBookSearch = """
        CREATE INDEX "IX_Parties_BookSearch" ON "Parties" ("OwnerPartyId", "Name", "Id") INCLUDE ("Kind", "SearchVector");
        """;

    public const string DropBookSearch = """
        DROP INDEX IF EXISTS "IX_Parties_BookSearch";
        """;
}
