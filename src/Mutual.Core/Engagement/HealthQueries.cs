using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Engagement;

public sealed record HealthPoint(DateTime Day, int Score);

public sealed record HealthDto(Guid PartyId, int Score, IReadOnlyList<HealthFactor> Factors, IReadOnlyList<HealthPoint> Trend);

public sealed record HealthBucket(string Role, int Healthy, int Watch, int AtRisk);

public sealed record HealthMover(Guid PartyId, PartyRef Party, int From, int To, int Change);

public sealed record HealthSummary(DateTime? Day, IReadOnlyList<HealthBucket> ByRole, IReadOnlyList<HealthMover> Risers, IReadOnlyList<HealthMover> Fallers);

public sealed class HealthQueries(MutualDbContext db, TimeProvider clock)
{
    /// <summary>The health of the actor's relationship with a party, now, with its 90-day trend.</summary>
    public async Task<Outcome<HealthDto>> ForPartyAsync(Guid partyId, CancellationToken ct = default)
    {
        if (!await db.Parties.AnyAsync(p => p.Id == partyId, ct)) return Outcome<HealthDto>.NotFound("No such party.");
        var owner = db.Actor.PartyId;
        var now = clock.GetUtcNow().UtcDateTime;
        var links = await db.EngagementLinks.AsNoTracking().Where(l => l.OwnerPartyId == owner && l.CounterpartPartyId == partyId).ToListAsync(ct);
        var score = (await HealthCalculator.ScoreAsync(db, owner, links, [partyId], now, ct))[partyId];
        var since = now.Date.AddDays(-90);
        var trend = await db.Set<HealthSnapshot>().AsNoTracking()
            .Where(s => s.OwnerPartyId == owner && s.CounterpartPartyId == partyId && s.Day >= since)
            .OrderBy(s => s.Day).Select(s => new HealthPoint(s.Day, s.Score)).ToListAsync(ct);
        return Outcome<HealthDto>.Ok(new HealthDto(partyId, score.Score, score.Factors, trend));
    }

    /// <summary>
    /// The book's health from the latest daily snapshot: how many relationships per role are healthy
    /// (70+), to watch (40–69) or at risk, and who moved most over 30 days.
    /// </summary>
    public async Task<HealthSummary> SummaryAsync(int movers = 5, CancellationToken ct = default)
    {
        var owner = db.Actor.PartyId;
        var snapshots = db.Set<HealthSnapshot>().AsNoTracking().Where(s => s.OwnerPartyId == owner);
        var latest = await snapshots.MaxAsync(s => (DateTime?)s.Day, ct);
        if (latest is null) return new HealthSummary(null, [], [], []);
        var now = clock.GetUtcNow().UtcDateTime;

        var buckets = new List<HealthBucket>();
        foreach (var role in new[] { "customer", "partner", "supplier", "reseller" })
        {
            var (fromKinds, toKinds) = RelationshipKinds.KindsForRole(role);
            var counts = await snapshots.Where(s => s.Day == latest && db.Relationships.Any(r =>
                    r.Since <= now && (r.Until == null || r.Until > now)
                    && ((r.FromPartyId == s.CounterpartPartyId && fromKinds.Contains(r.Kind)) || (r.ToPartyId == s.CounterpartPartyId && toKinds.Contains(r.Kind)))))
                .GroupBy(s => s.Score >= 70 ? 2 : s.Score >= 40 ? 1 : 0).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            buckets.Add(new HealthBucket(role, counts.FirstOrDefault(c => c.Key == 2)?.Count ?? 0,
                counts.FirstOrDefault(c => c.Key == 1)?.Count ?? 0, counts.FirstOrDefault(c => c.Key == 0)?.Count ?? 0));
        }

        // Snapshots need not exist every day: compare with the latest one at least 30 days older.
        var cutoff = latest.Value.AddDays(-30);
        var before = await snapshots.Where(s => s.Day <= cutoff).MaxAsync(s => (DateTime?)s.Day, ct);
        if (before is null) return new HealthSummary(latest, buckets, [], []);
        var changes = from today in snapshots.Where(s => s.Day == latest)
                      join then in snapshots.Where(s => s.Day == before.Value) on today.CounterpartPartyId equals then.CounterpartPartyId
                      select new { today.CounterpartPartyId, From = then.Score, To = today.Score, Change = today.Score - then.Score };
        var risers = await changes.Where(c => c.Change > 0).OrderByDescending(c => c.Change).Take(movers).ToListAsync(ct);
        var fallers = await changes.Where(c => c.Change < 0).OrderBy(c => c.Change).Take(movers).ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, risers.Concat(fallers).Select(c => c.CounterpartPartyId), ct);
        return new HealthSummary(latest, buckets,
            risers.Select(c => new HealthMover(c.CounterpartPartyId, names.Get(c.CounterpartPartyId), c.From, c.To, c.Change)).ToList(),
            fallers.Select(c => new HealthMover(c.CounterpartPartyId, names.Get(c.CounterpartPartyId), c.From, c.To, c.Change)).ToList());
    }
}
