using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Events;

/// <summary>
/// The shape of every sweep that turns due records into outbox events: one batch at a time, each in a
/// fresh system context saved once (the mark and its event together), until a batch comes back short.
/// </summary>
public static class Sweep
{
    public const int BatchSize = 500;

    public static async Task<int> RunAsync(IDbContextFactory<MutualDbContext> factory, Func<MutualDbContext, Task<int>> markBatch, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateSystemAsync(ct);
            var marked = await markBatch(db);
            await db.SaveChangesAsync(ct);
            total += marked;
            if (marked < BatchSize) return total;
        }
    }
}
