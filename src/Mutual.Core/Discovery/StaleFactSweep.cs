using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Discovery;

/// <summary>Announces facts that went stale: one <c>fact.stale</c> event per fact and confirmation, in batches.</summary>
public sealed class StaleFactSweep(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    /// <summary>Sweeps until nothing is left; returns how many facts were announced.</summary>
    public Task<int> RunAsync(CancellationToken ct = default) => Sweep.RunAsync(factory, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await db.Facts.Where(f => f.StaleNotifiedAt == null && f.ExpiresAt <= now)
            .OrderBy(f => f.ExpiresAt).Take(Sweep.BatchSize).ToListAsync(ct);
        foreach (var f in batch)
        {
            f.StaleNotifiedAt = now;
            db.Outbox.Add(OutboxMessage.Create("fact.stale", now,
                new { factId = f.Id, subjectPartyId = f.SubjectPartyId, key = f.Key, expiresAt = f.ExpiresAt }, [f.OwnerPartyId]));
        }
        return batch.Count;
    }, ct);
}
