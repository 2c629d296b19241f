using System.Text;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Parties;

/// <summary>
/// Full-text search over parties through the store's own engine: SQLite FTS5 (table PartySearch,
/// kept by triggers) or PostgreSQL tsvector (column SearchVector, GIN-indexed). Both are created by
/// the provider's migrations. Every word of the query must match the start of a word.
/// </summary>
public static class PartySearch
{
    /// <summary>Splits free text into lower-case words of letters and digits; nothing else reaches the engine.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words.Distinct().Take(8).ToList();
    }

    /// <summary>
    /// The text the index sees: punctuation becomes space so both engines split emails the same way. Each part (name,
    /// emails, tags) is lower-cased, every character but letters and digits becomes a space, the part is trimmed and
    /// empty parts are left out. Written as a loop because CSV import builds a million of these.
    /// </summary>
    public static string IndexText(Party p)
    {
        var sb = new StringBuilder(p.Name.Length + 32);
        Append(sb, p.Name);
        foreach (var e in p.Emails) Append(sb, e);
        foreach (var t in p.Tags) Append(sb, t);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string part)
    {
        var lower = part.ToLowerInvariant();
        var first = 0;
        while (first < lower.Length && !char.IsLetterOrDigit(lower[first])) first++;
        if (first == lower.Length) return;
        var last = lower.Length - 1;
        while (!char.IsLetterOrDigit(lower[last])) last--;
        if (sb.Length > 0) sb.Append(' ');
        for (var i = first; i <= last; i++) sb.Append(char.IsLetterOrDigit(lower[i]) ? lower[i] : ' ');
    }

    /// <summary>Above this many matches in the whole network a SQLite search walks the book instead (<see cref="Match"/>).</summary>
    public const int ManyMatches = 1000;

    /// <summary>
    /// Parties matching every word; with <paramref name="namesOnly"/>, only in the name. SQLite's planner always reads
    /// every match first and then each matching party's row, which for a common surname at a million parties is
    /// thousands of rows read and sorted for one page (<see cref="SearchPlan.ReadMatches"/>). The other plans keep the
    /// match out of the plan's choice of index, so the caller's own range drives: <see cref="SearchPlan.WalkIndex"/> for
    /// a long range (a book by name, each entry checked against the matches, read once into a list: a page costs about
    /// page × book ÷ matches index entries), <see cref="SearchPlan.CheckEach"/> for a handful of rows read by key (each
    /// checked in the full-text index by its rowid; building the list of a common word's matches took 8–36 ms at a
    /// million parties). PostgreSQL's planner makes that choice itself from its statistics.
    /// </summary>
    public static IQueryable<Party> Match(MutualDbContext db, IReadOnlyList<string> words, bool namesOnly, SearchPlan plan = SearchPlan.ReadMatches)
    {
        if (db.IsPostgres())
        {
            var q = TsQuery(words, namesOnly);
            return db.Parties.FromSqlInterpolated($"SELECT * FROM \"Parties\" WHERE \"SearchVector\" @@ to_tsquery('simple', {q})");
        }
        var match = SqliteMatch(words, namesOnly);
        return plan switch
        {
            SearchPlan.WalkIndex => db.Parties.FromSqlInterpolated($"SELECT * FROM \"Parties\" WHERE +rowid IN (SELECT rowid FROM \"PartySearch\" WHERE \"PartySearch\" MATCH {match})"),
            SearchPlan.CheckEach => db.Parties.FromSqlInterpolated($"SELECT * FROM \"Parties\" AS \"c\" WHERE EXISTS (SELECT 1 FROM \"PartySearch\" WHERE \"PartySearch\" MATCH {match} AND \"PartySearch\".rowid = \"c\".rowid)"),
            _ => db.Parties.FromSqlInterpolated($"SELECT * FROM \"Parties\" WHERE rowid IN (SELECT rowid FROM \"PartySearch\" WHERE \"PartySearch\" MATCH {match})"),
        };
    }

    /// <summary>
    /// On SQLite, whether the words match more than <paramref name="many"/> parties in the whole network, counted in
    /// the full-text index alone (no party row is read): then walking a book beats reading every match. Only a choice
    /// of plan; the access filter applies to whatever the search then returns.
    /// </summary>
    public static async Task<bool> MatchesManyAsync(MutualDbContext db, IReadOnlyList<string> words, int many, CancellationToken ct)
    {
        if (db.IsPostgres() || words.Count == 0 || many == int.MaxValue) return false;
        var match = SqliteMatch(words, namesOnly: false);
        var n = await db.Database.SqlQuery<int>($"""
            SELECT count(*) AS "Value" FROM (SELECT rowid FROM "PartySearch" WHERE "PartySearch" MATCH {match} LIMIT {many + 1})
            """).SingleAsync(ct);
        return n > many;
    }

    /// <summary>
    /// How many entries of the book a PostgreSQL search walks before it reads the matches instead (<see cref="BookPageAsync"/>):
    /// at 1M, 10,000 entries of the covering index take ~3 ms, and words that do not fill a page in them match fewer than
    /// a page's worth in 10,000 of the book, which the full-text index reads and sorts in 5–12 ms (two-word names).
    /// </summary>
    public const int WalkProbe = 10_000;

    /// <summary>
    /// PostgreSQL: the ids of a page of the owner's book that match every word, in name order, after the cursor. The
    /// planner cannot tell a common word from a rare one (a prefix's selectivity is a guess), and its one plan, walking
    /// the book by name and testing each party, read the whole book of 600,000 for a word that is not in it (0.9–1.8 s
    /// at 1M) and fetched a table row per party passed for a common one. So the walk is tried first, bounded and from
    /// the covering index (IX_Parties_BookSearch: no table row read); a page it does not fill means the words are rare
    /// in the book, and the matches are then read from the full-text index and sorted. Owned by
    /// <paramref name="owner"/> means visible to it, so the access filter adds nothing here; the caller reads the
    /// rows through it all the same. Run inside the caller's <see cref="CustomPlans"/>: planned for its values, a missing
    /// cursor's condition folds away and a given one bounds the index range.
    /// </summary>
    public static async Task<List<Guid>> BookPageAsync(MutualDbContext db, Guid owner, IReadOnlyList<string> words, PartyKind? kind,
        string? afterName, Guid? afterId, int take, int walk, CancellationToken ct)
    {
        var q = TsQuery(words, namesOnly: false);
        var kindName = kind?.ToString();
        var walked = await db.Database.SqlQuery<Guid>($"""
            SELECT b."Id" AS "Value" FROM (
                SELECT "Id", "Name", "Kind", "SearchVector" FROM "Parties"
                WHERE "OwnerPartyId" = {owner} AND ({afterName}::text IS NULL OR ("Name", "Id") > ({afterName}::text, {afterId}::uuid))
                ORDER BY "Name", "Id" LIMIT {walk}) AS b
            WHERE b."SearchVector" @@ to_tsquery('simple', {q}) AND ({kindName}::text IS NULL OR b."Kind" = {kindName}::text)
            ORDER BY b."Name", b."Id" LIMIT {take}
            """).ToListAsync(ct);
        if (walked.Count == take) return walked;
        // Materialized, so the planner cannot turn this back into a walk of the book.
        return await db.Database.SqlQuery<Guid>($"""
            WITH m AS MATERIALIZED (
                SELECT "Id", "Name" FROM "Parties"
                WHERE "SearchVector" @@ to_tsquery('simple', {q}) AND "OwnerPartyId" = {owner}
                  AND ({kindName}::text IS NULL OR "Kind" = {kindName}::text)
                  AND ({afterName}::text IS NULL OR ("Name", "Id") > ({afterName}::text, {afterId}::uuid)))
            SELECT "Id" AS "Value" FROM m ORDER BY "Name", "Id" LIMIT {take}
            """).ToListAsync(ct);
    }

    private static string TsQuery(IReadOnlyList<string> words, bool namesOnly) =>
        string.Join(" & ", words.Select(w => w + ":*" + (namesOnly ? "A" : "")));

    private static string SqliteMatch(IReadOnlyList<string> words, bool namesOnly)
    {
        var terms = string.Join(" AND ", words.Select(w => "\"" + w + "\"*"));
        return namesOnly ? "Name : (" + terms + ")" : terms;
    }
}

/// <summary>How a SQLite search meets the caller's other conditions (<see cref="PartySearch.Match"/>).</summary>
public enum SearchPlan { ReadMatches, WalkIndex, CheckEach }
