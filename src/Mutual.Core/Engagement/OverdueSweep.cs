using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Engagement;

/// <summary>Announces relationships whose dialogue became overdue: one <c>engagement.overdue</c> per due date, in batches.</summary>
public sealed class OverdueSweep(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public Task<int> RunAsync(CancellationToken ct = default) => Sweep.RunAsync(factory, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await db.EngagementLinks.Where(l => l.OverdueNotifiedAt == null && l.DueAt != null && l.DueAt <= now)
            .OrderBy(l => l.DueAt).Take(Sweep.BatchSize).ToListAsync(ct);
        foreach (var l in batch)
        {
            l.OverdueNotifiedAt = now;
            db.Outbox.Add(OutboxMessage.Create("engagement.overdue", now,
                new { partyId = l.CounterpartPartyId, tier = l.Tier, lastDialogueAt = l.LastDialogueAt, dueAt = l.DueAt }, [l.OwnerPartyId]));
        }
        return batch.Count;
    }, ct);
}
