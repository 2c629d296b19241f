using Microsoft.EntityFrameworkCore;
using Mutual.Core.Parties;

namespace Mutual.Core.Data;

/// <summary>
/// On SQLite the parties' full-text index (FTS5) is fed by an insert trigger on Parties, which costs a bulk insert
/// about half its time row by row. Bulk writers index in one statement instead: a whole load drops the trigger and
/// rebuilds the index at the end (<see cref="SuspendAsync"/>); an import into a live book inserts each batch with
/// the trigger dropped inside the batch's transaction and indexes exactly that batch's rows
/// (<see cref="InsertPartiesAsync"/>). Either way the trigger is put back exactly as the migration created it, read
/// from sqlite_master. PostgreSQL's search vector is a generated column: nothing to do.
/// </summary>
public sealed class SqliteSearchIndex : IAsyncDisposable
{
    private const string Trigger = "Parties_search_ai";
    private readonly MutualDbContext _db;
    private readonly string _createTrigger;

    private SqliteSearchIndex(MutualDbContext db, string createTrigger) => (_db, _createTrigger) = (db, createTrigger);

    /// <summary>For a load into a fresh database: no index upkeep until disposed, then one rebuild.</summary>
    public static async Task<IAsyncDisposable> SuspendAsync(MutualDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres()) return new Nothing();
        var sql = await TriggerSqlAsync(db, ct) ?? throw new InvalidOperationException($"The trigger {Trigger} is missing: run the migrations.");
        await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{Trigger}\";", ct);
        return new SqliteSearchIndex(db, sql);
    }

    /// <summary>
    /// Inserts parties through <see cref="BulkInsert"/> in one transaction and, on SQLite, indexes them with one
    /// <c>INSERT … SELECT</c> over the rowids the batch took (nothing else writes while the transaction holds the
    /// write lock). A failure rolls everything back, the trigger's removal included.
    /// </summary>
    public static async Task<int> InsertPartiesAsync(MutualDbContext db, IReadOnlyCollection<Party> parties, CancellationToken ct)
    {
        if (db.IsPostgres() || parties.Count == 0) return await BulkInsert.InsertAsync(db, parties, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var trigger = await TriggerSqlAsync(db, ct);
            var before = await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS \"Value\" FROM \"Parties\"").SingleAsync(ct);
            if (trigger is not null) await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{Trigger}\";", ct);
            var count = await BulkInsert.InsertAsync(db, parties, ct);
            if (trigger is not null)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "PartySearch"(rowid, "Name", "SearchText") SELECT rowid, "Name", "SearchText" FROM "Parties" WHERE rowid > {before}
                    """, ct);
                await CreateAsync(db, trigger, ct);
            }
            await tx.CommitAsync(ct);
            return count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Not cancellable: a half-restored index would outlive the load.
        await _db.Database.ExecuteSqlRawAsync("INSERT INTO \"PartySearch\"(\"PartySearch\") VALUES ('rebuild');", CancellationToken.None);
        await CreateAsync(_db, _createTrigger, CancellationToken.None);
    }

    private static async Task<string?> TriggerSqlAsync(MutualDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = '{Trigger}'").SingleOrDefaultAsync(ct);

    // The statement is the schema's own text, read back from sqlite_master: no outside input.
#pragma warning disable EF1003
    private static Task<int> CreateAsync(MutualDbContext db, string createTrigger, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(createTrigger, ct);
#pragma warning restore EF1003

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
