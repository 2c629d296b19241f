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
}
