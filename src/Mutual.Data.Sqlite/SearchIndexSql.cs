namespace Mutual.Data.Sqlite;

/// <summary>
/// FTS5 over Parties(Name, SearchText), as an external-content table kept in step by triggers.
/// The index is keyed by the Parties rowid, which is not an alias of the (GUID) key and may change when
/// the table is rebuilt: a migration that rebuilds Parties drops these triggers, so it must run
/// <see cref="Create"/> again, and the index is rebuilt after any migration is applied (MutualDatabase.MigrateAsync).
/// </summary>
public static class SearchIndexSql
{
    public const string Create = """
        CREATE VIRTUAL TABLE IF NOT EXISTS "PartySearch" USING fts5("Name", "SearchText", content='Parties', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS "Parties_search_ai" AFTER INSERT ON "Parties" BEGIN
          INSERT INTO "PartySearch"(rowid, "Name", "SearchText") VALUES (new.rowid, new."Name", new."SearchText");
        END;
        CREATE TRIGGER IF NOT EXISTS "Parties_search_ad" AFTER DELETE ON "Parties" BEGIN
          INSERT INTO "PartySearch"("PartySearch", rowid, "Name", "SearchText") VALUES ('delete', old.rowid, old."Name", old."SearchText");
        END;
        CREATE TRIGGER IF NOT EXISTS "Parties_search_au" AFTER UPDATE OF "Name", "SearchText" ON "Parties" BEGIN
          INSERT INTO "PartySearch"("PartySearch", rowid, "Name", "SearchText") VALUES ('delete', old.rowid, old."Name", old."SearchText");
          INSERT INTO "PartySearch"(rowid, "Name", "SearchText") VALUES (new.rowid, new."Name", new."SearchText");
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS "Parties_search_au";
        DROP TRIGGER IF EXISTS "Parties_search_ad";
        DROP TRIGGER IF EXISTS "Parties_search_ai";
        DROP TABLE IF EXISTS "PartySearch";
        """;

}
