using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>The counts behind a partner's track record with one owner (<see cref="PartnerProfile"/> keeps them).</summary>
public readonly record struct Tally(int Offers, int Accepted, int Declined, int TimedOut, long AcceptSeconds, int Open, int Won, int Lost)
{
    /// <summary>What one offer adds: counted once, and once more under its answer.</summary>
    public static Tally OfOffer(string outcome, int? acceptSeconds) => new(1,
        outcome == HopOutcome.Accepted ? 1 : 0, outcome == HopOutcome.Declined ? 1 : 0, outcome == HopOutcome.TimedOut ? 1 : 0,
        outcome == HopOutcome.Accepted ? acceptSeconds ?? 0 : 0, 0, 0, 0);

    /// <summary>What one lead held by the partner adds: a slot of its capacity while open, a win or a loss once closed.</summary>
    public static Tally OfLead(string status) => new(0, 0, 0, 0, 0,
        LeadStatus.Open.Contains(status) ? 1 : 0, status == LeadStatus.Won ? 1 : 0, status == LeadStatus.Lost ? 1 : 0);

    public static Tally Of(PartnerProfile p) =>
        new(p.Offers, p.OffersAccepted, p.OffersDeclined, p.OffersTimedOut, p.AcceptSeconds, p.LeadsOpen, p.LeadsWon, p.LeadsLost);

    public static Tally operator +(Tally a, Tally b) => new(a.Offers + b.Offers, a.Accepted + b.Accepted, a.Declined + b.Declined,
        a.TimedOut + b.TimedOut, a.AcceptSeconds + b.AcceptSeconds, a.Open + b.Open, a.Won + b.Won, a.Lost + b.Lost);

    public static Tally operator *(Tally a, int n) => new(a.Offers * n, a.Accepted * n, a.Declined * n, a.TimedOut * n,
        a.AcceptSeconds * n, a.Open * n, a.Won * n, a.Lost * n);

    public static Tally operator -(Tally a, Tally b) => a + b * -1;
}

/// <summary>
/// Keeps every partner profile's tally in step with the owner's leads. A save's change to the tallies is worked out
/// from the tracked leads and offers themselves (their values before and after the save), so whichever use case
/// moves a lead — creating, routing, answering, progressing, the deadline sweep — cannot forget to count it; the
/// changes are then added in place (<c>SET n = n + @d</c>) in the save's own transaction, so concurrent saves never
/// lose a count. <see cref="MutualDbContext.SaveChangesAsync(bool, CancellationToken)"/> calls it.
/// </summary>
public static class PartnerTallies
{
    public sealed record Change(Guid Owner, Guid Partner, Tally Delta, DateTime? Offered);

    /// <summary>The changes the pending save makes, ordered by owner and partner (so two saves lock profiles in one order).</summary>
    public static async Task<List<Change>> CollectAsync(MutualDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var leads = tracker.Entries<Lead>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var hops = tracker.Entries<LeadHop>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (leads.Count == 0 && hops.Count == 0) return [];

        var sums = new Dictionary<(Guid, Guid), (Tally Delta, DateTime? Offered)>();
        void Add(Guid owner, Guid? partner, Tally delta, DateTime? offered = null)
        {
            if (partner is not { } p) return;
            var (sum, last) = sums.GetValueOrDefault((owner, p));
            sums[(owner, p)] = (sum + delta, last is null || offered > last ? offered ?? last : last);
        }

        foreach (var e in leads)
        {
            var owner = e.Entity.OwnerPartyId;
            if (e.State != EntityState.Added)
                Add(owner, Original<Guid?>(e, nameof(Lead.AssignedPartnerPartyId)), default(Tally) - Tally.OfLead(Original<string>(e, nameof(Lead.Status))));
            if (e.State != EntityState.Deleted) Add(owner, e.Entity.AssignedPartnerPartyId, Tally.OfLead(e.Entity.Status));
        }
        foreach (var e in hops)
        {
            var hop = e.Entity;
            var owner = db.Leads.Local.FindEntry(hop.LeadId)?.Entity.OwnerPartyId
                ?? await db.Leads.IgnoreQueryFilters().Where(l => l.Id == hop.LeadId).Select(l => l.OwnerPartyId).FirstAsync(ct);
            if (e.State != EntityState.Added)
                Add(owner, Original<Guid>(e, nameof(LeadHop.PartnerPartyId)),
                    default(Tally) - Tally.OfOffer(Original<string>(e, nameof(LeadHop.Outcome)), Original<int?>(e, nameof(LeadHop.AcceptSeconds))));
            if (e.State != EntityState.Deleted)
                Add(owner, hop.PartnerPartyId, Tally.OfOffer(hop.Outcome, hop.AcceptSeconds), e.State == EntityState.Added ? hop.AssignedAt : null);
        }
        return sums.Where(s => s.Value.Delta != default || s.Value.Offered is not null)
            .Select(s => new Change(s.Key.Item1, s.Key.Item2, s.Value.Delta, s.Value.Offered))
            .OrderBy(c => c.Owner).ThenBy(c => c.Partner).ToList();
    }

    /// <summary>
    /// Changes written by one statement (12 parameters each). Kept small because SQLite finds each parameter by name
    /// among the statement's, when it prepares the statement and again when each is bound: a statement's cost grows
    /// with the square of its parameters (a batch of 100 leads to ~80 partners: ~960 in one statement).
    /// </summary>
    private const int ChangesPerStatement = 16;

    /// <summary>
    /// Adds the changes to the profiles (a partner without a profile has no tally to keep): one statement for all of
    /// a save's partners (a batch of leads offers to many), not one round trip per partner.
    /// </summary>
    public static async Task ApplyAsync(MutualDbContext db, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        foreach (var chunk in changes.Chunk(ChangesPerStatement)) await ApplyInOneStatementAsync(db, chunk, ct);
    }

    private static Task<int> ApplyInOneStatementAsync(MutualDbContext db, Change[] changes, CancellationToken ct)
    {
        var rows = new ValuesList();
        var firsts = changes.Select(c => rows.Add(c.Owner, c.Partner, c.Delta.Offers, c.Delta.Accepted, c.Delta.Declined, c.Delta.TimedOut,
            c.Delta.AcceptSeconds, c.Delta.Open, c.Delta.Won, c.Delta.Lost, c.Offered is null ? 0 : 1, c.Offered ?? DateTime.UnixEpoch)).ToList();
        // PostgreSQL locks rows in the order a statement meets them, which for a join is the plan's: the profiles are
        // locked first, in the changes' (owner, partner) order (chunks follow it too), so two saves cannot deadlock.
        // SQLite holds the whole database for a write.
        var pairs = string.Join(", ", firsts.Select(n => $"({{{n}}}, {{{n + 1}}})"));
        var sql = (db.IsPostgres() ? $"""
            SELECT 1 FROM "PartnerProfiles" WHERE ("OwnerPartyId", "PartnerPartyId") IN (VALUES {pairs})
            ORDER BY "OwnerPartyId", "PartnerPartyId" FOR UPDATE;

            """ : "") + $"""
            WITH v(owner_id, partner_id, add_offers, add_accepted, add_declined, add_timed_out, add_seconds, add_open, add_won, add_lost, has_offer, offered_at)
            AS (VALUES {rows})
            UPDATE "PartnerProfiles" SET
                "Offers" = "PartnerProfiles"."Offers" + v.add_offers,
                "OffersAccepted" = "PartnerProfiles"."OffersAccepted" + v.add_accepted,
                "OffersDeclined" = "PartnerProfiles"."OffersDeclined" + v.add_declined,
                "OffersTimedOut" = "PartnerProfiles"."OffersTimedOut" + v.add_timed_out,
                "AcceptSeconds" = "PartnerProfiles"."AcceptSeconds" + v.add_seconds,
                "LeadsOpen" = "PartnerProfiles"."LeadsOpen" + v.add_open,
                "LeadsWon" = "PartnerProfiles"."LeadsWon" + v.add_won,
                "LeadsLost" = "PartnerProfiles"."LeadsLost" + v.add_lost,
                "LastAssignedAt" = CASE v.has_offer WHEN 1 THEN v.offered_at ELSE "PartnerProfiles"."LastAssignedAt" END
            FROM v WHERE "PartnerProfiles"."OwnerPartyId" = v.owner_id AND "PartnerProfiles"."PartnerPartyId" = v.partner_id
            """;
        return db.Database.ExecuteSqlRawAsync(sql, rows.Parameters, ct);
    }

    /// <summary>
    /// The tallies of the given partners counted from scratch out of the owner's leads: for a profile created when
    /// the partner already has a history with the owner, and as the reference the tests hold the kept tallies to.
    /// </summary>
    public static async Task<Dictionary<Guid, Tally>> CountAsync(MutualDbContext db, Guid ownerPartyId, IReadOnlyCollection<Guid> partners, CancellationToken ct)
    {
        var hops = await db.LeadHops.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.Lead!.OwnerPartyId == ownerPartyId && partners.Contains(h.PartnerPartyId))
            .GroupBy(h => new { h.PartnerPartyId, h.Outcome })
            .Select(g => new { g.Key.PartnerPartyId, g.Key.Outcome, Count = g.Count(), Seconds = g.Sum(h => (long?)h.AcceptSeconds) })
            .ToListAsync(ct);
        var leads = await db.Leads.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.OwnerPartyId == ownerPartyId && l.AssignedPartnerPartyId != null && partners.Contains(l.AssignedPartnerPartyId.Value))
            .GroupBy(l => new { Partner = l.AssignedPartnerPartyId!.Value, l.Status })
            .Select(g => new { g.Key.Partner, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var tallies = partners.Distinct().ToDictionary(p => p, _ => default(Tally));
        foreach (var h in hops)
            tallies[h.PartnerPartyId] += (Tally.OfOffer(h.Outcome, null) * h.Count) with { AcceptSeconds = h.Outcome == HopOutcome.Accepted ? h.Seconds ?? 0 : 0 };
        foreach (var l in leads) tallies[l.Partner] += Tally.OfLead(l.Status) * l.Count;
        return tallies;
    }

    internal static T Original<T>(EntityEntry e, string property) => (T)e.Property(property).OriginalValue!;
}
