using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Discovery;

/// <summary>
/// Announces facts that went stale: one <c>fact.stale</c> event per fact and confirmation, in batches,
/// so a backlog of any size never sits in memory at once. Runs as the system.
/// </summary>
public sealed class StaleFactSweep(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>Sweeps until nothing is left; returns how many facts were announced.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateSystemAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var batch = await db.Facts.Where(f => f.StaleNotifiedAt == null && f.ExpiresAt <= now)
                .OrderBy(f => f.ExpiresAt).Take(BatchSize).ToListAsync(ct);
            foreach (var f in batch)
            {
                f.StaleNotifiedAt = now;
                db.Outbox.Add(OutboxMessage.Create("fact.stale", now,
                    new { factId = f.Id, subjectPartyId = f.SubjectPartyId, key = f.Key, expiresAt = f.ExpiresAt }, [f.OwnerPartyId]));
            }
            await db.SaveChangesAsync(ct);
            total += batch.Count;
            if (batch.Count < BatchSize) return total;
        }
    }
}
