using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mutual.Core.Data;

/// <summary>
/// Reads whose best plan depends on their parameters' values run with a plan made for those values. PostgreSQL
/// sessions prepare the statements they run often (<see cref="PostgresConnectionSettings"/>), and after five runs a
/// prepared statement may switch to one generic plan for any value: right for most reads (the planning they save was
/// up to a third of their time), wrong where a value's frequency decides the plan — a full-text word common or rare,
/// a hub or a leaf of the network — where generic plans made search a quarter slower, with a p95 of 1.5 s in one
/// run. Such reads run in a transaction with <c>SET LOCAL plan_cache_mode = force_custom_plan</c>; on SQLite, and
/// when asked for nothing, this does nothing.
/// </summary>
public sealed class CustomPlans : IAsyncDisposable
{
    private static readonly CustomPlans None = new(null);
    private readonly IDbContextTransaction? _transaction;

    private CustomPlans(IDbContextTransaction? transaction) => _transaction = transaction;

    public static async Task<CustomPlans> BeginAsync(MutualDbContext db, bool needed, CancellationToken ct)
    {
        if (!needed || !db.IsPostgres()) return None;
        // Inside a caller's transaction the setting lasts until that one ends, which only plans more carefully.
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
        return new CustomPlans(transaction);
    }

    // The transaction only read: ending it without a commit is the same and says so.
    public ValueTask DisposeAsync() => _transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
