using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Engagement;

/// <summary>
/// Records today's health score of every tracked relationship, 500 links at a time, walked in owner
/// order so a batch holds few owners and is scored with a few queries per owner, not per link; any
/// number of relationships fits in memory.
/// Running it again the same day overwrites that day's scores.
/// </summary>
public sealed class HealthSnapshotJob(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>The lease that marks today's scores recorded, held to the end of the day (UTC).</summary>
    public const string RecordedToday = "health-snapshot-recorded";

    /// <summary>
    /// Records today's scores unless they are recorded already — by this node before it restarted, or by another node
    /// before the periodic work passed to this one: the job reads every tracked relationship. Returns how many were
    /// scored, or null when today's were there. A run cut short is not marked, so the next one does the day again.
    /// </summary>
    public async Task<int?> RunOnceTodayAsync(Guid node, CancellationToken ct = default)
    {
        var leases = new WorkLeases(factory, clock);
        if (await leases.IsHeldAsync(RecordedToday, ct)) return null;
        var day = clock.GetUtcNow().UtcDateTime.Date;
        var scored = await RunAsync(ct);
        await leases.HoldUntilAsync(RecordedToday, node, day.AddDays(1), ct);
        return scored;
    }

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = now.Date;
        var (afterOwner, afterCounterpart) = (Guid.Empty, Guid.Empty);
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateSystemAsync(ct);
            var batch = await db.EngagementLinks.AsNoTracking()
                .Where(l => (l.OwnerPartyId.CompareTo(afterOwner) > 0
                        || (l.OwnerPartyId == afterOwner && l.CounterpartPartyId.CompareTo(afterCounterpart) > 0))
                    && (l.Tier != null || l.LastDialogueAt != null))
                .OrderBy(l => l.OwnerPartyId).ThenBy(l => l.CounterpartPartyId).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var group in batch.GroupBy(l => l.OwnerPartyId))
            {
                var links = group.ToList();
                var ids = links.Select(l => l.CounterpartPartyId).ToList();
                var scores = await HealthCalculator.ScoreAsync(db, group.Key, links, ids, now, ct);
                var existing = await db.Set<HealthSnapshot>().Where(s => s.OwnerPartyId == group.Key && s.Day == day && ids.Contains(s.CounterpartPartyId))
                    .ToDictionaryAsync(s => s.CounterpartPartyId, ct);
                foreach (var (id, score) in scores)
                {
                    if (!existing.TryGetValue(id, out var snapshot))
                        db.Set<HealthSnapshot>().Add(snapshot = new HealthSnapshot { OwnerPartyId = group.Key, CounterpartPartyId = id, Day = day });
                    snapshot.Score = score.Score;
                }
            }
            await db.SaveChangesAsync(ct);
            total += batch.Count;
            (afterOwner, afterCounterpart) = (batch[^1].OwnerPartyId, batch[^1].CounterpartPartyId);
        }
    }
}
