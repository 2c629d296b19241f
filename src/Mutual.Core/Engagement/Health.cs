using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Engagement;

/// <summary>One factor of a relationship's health: how it scored (0..1), its weight, and why.</summary>
public sealed record HealthFactor(string Name, double Value, int Weight, string Detail);

public sealed record HealthScore(int Score, IReadOnlyList<HealthFactor> Factors);

/// <summary>A day's health score of one relationship, for trends and movers.</summary>
public sealed class HealthSnapshot
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public Guid CounterpartPartyId { get; set; }
    public DateTime Day { get; set; }
    public int Score { get; set; }
}

internal sealed class HealthSnapshotConfiguration : IEntityTypeConfiguration<HealthSnapshot>
{
    public void Configure(EntityTypeBuilder<HealthSnapshot> b)
    {
        b.ToTable("HealthSnapshots");
        b.HasIndex(s => new { s.OwnerPartyId, s.CounterpartPartyId, s.Day }).IsUnique();
        b.HasIndex(s => new { s.OwnerPartyId, s.Day });
    }
}

/// <summary>
/// Scores relationships 0–100 from four factors: recency of two-way dialogue against the tier's cadence,
/// balance (do both sides talk?), freshness of what we know, and overdue follow-ups. Open cases join when
/// cases exist. Scores a batch of links with a fixed number of queries, so 100k relationships are scored
/// batch by batch, never all in memory.
/// </summary>
public static class HealthCalculator
{
    public const int DefaultCadenceDays = 90;

    public static async Task<Dictionary<Guid, HealthScore>> ScoreAsync(MutualDbContext db, Guid owner, IReadOnlyList<EngagementLink> links,
        IReadOnlyCollection<Guid> counterparts, DateTime now, CancellationToken ct)
    {
        var ids = counterparts.Distinct().ToList();
        // Callers are the owner itself (live) or the system (snapshot job): the filters already allow these rows.
        var facts = await db.Facts.AsNoTracking()
            .Where(f => f.OwnerPartyId == owner && ids.Contains(f.SubjectPartyId))
            .GroupBy(f => f.SubjectPartyId)
            .Select(g => new { Subject = g.Key, Total = g.Count(), Stale = g.Count(f => f.ExpiresAt <= now) })
            .ToDictionaryAsync(x => x.Subject, ct);
        var overdueTasks = await db.Tasks.AsNoTracking()
            .Where(t => t.OwnerPartyId == owner && t.PartyId != null && ids.Contains(t.PartyId.Value) && t.Status == FollowUpTask.Open && t.DueAt < now)
            .GroupBy(t => t.PartyId!.Value).Select(g => new { Party = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Party, x => x.Count, ct);
        var cadences = await EngagementTracker.CadencesAsync(db, [owner], ct);
        var byCounterpart = links.ToDictionary(l => l.CounterpartPartyId);

        var result = new Dictionary<Guid, HealthScore>();
        foreach (var id in ids)
        {
            byCounterpart.TryGetValue(id, out var link);
            var cadence = (link is null ? null : EngagementTracker.Cadence(cadences, link)) ?? DefaultCadenceDays;
            facts.TryGetValue(id, out var f);
            var factors = new List<HealthFactor>
            {
                Recency(link, cadence, now),
                Balance(link, cadence, now),
                Freshness(f?.Total ?? 0, f?.Stale ?? 0),
                FollowUps(overdueTasks.GetValueOrDefault(id)),
            };
            var score = (int)Math.Round(100 * factors.Sum(x => x.Value * x.Weight) / factors.Sum(x => x.Weight));
            result[id] = new HealthScore(score, factors);
        }
        return result;
    }

    private static HealthFactor Recency(EngagementLink? l, int cadence, DateTime now)
    {
        if (l?.LastDialogueAt is not { } last) return new("recency", 0, 35, "No two-way dialogue yet.");
        var days = (now - last).TotalDays;
        var value = days <= cadence ? 1 : Math.Max(0, 1 - (days - cadence) / (2.0 * cadence));
        return new("recency", Math.Round(value, 2), 35, $"Last two-way dialogue {(int)days} days ago; expected every {cadence} days.");
    }

    private static HealthFactor Balance(EngagementLink? l, int cadence, DateTime now)
    {
        var window = now.AddDays(-Math.Max(cadence, 30));
        var ours = l?.LastOursAt >= window;
        var theirs = l?.LastTheirsAt >= window;
        return (ours, theirs) switch
        {
            (true, true) => new("balance", 1, 25, "Both sides spoke recently."),
            (false, true) => new("balance", 0.4, 25, "They spoke recently; we have not answered."),
            (true, false) => new("balance", 0.2, 25, "Only we spoke recently; they have not answered."),
            _ => new("balance", 0, 25, "Neither side spoke recently."),
        };
    }

    private static HealthFactor Freshness(int total, int stale) => total == 0
        ? new("facts", 0.5, 20, "Nothing recorded about them yet.")
        : new("facts", Math.Round((total - stale) / (double)total, 2), 20, $"{total - stale} of {total} facts are current.");

    private static HealthFactor FollowUps(int overdue) => overdue == 0
        ? new("follow-ups", 1, 20, "No overdue follow-ups.")
        : new("follow-ups", Math.Max(0, 1 - overdue / 3.0), 20, $"{overdue} follow-up(s) overdue.");
}
