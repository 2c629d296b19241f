using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>
/// A partner's record with one owner, computed from the owner's leads: how often it accepts what it is
/// offered, how fast, and how often it wins. <see cref="Score"/> ranks partners for routing; both rates
/// are smoothed (one success and one failure assumed) so a newcomer starts in the middle, not at zero.
/// </summary>
public sealed record TrackRecord(int Offered, int Accepted, int Declined, int TimedOut, double? AcceptanceRate,
    double? HoursToAccept, int Won, int Lost, double? WinRate, int OpenLeads)
{
    public static readonly TrackRecord Empty = new(0, 0, 0, 0, null, null, 0, 0, null, 0);

    public double Score => Math.Round((SmoothedRate(Accepted, Accepted + Declined + TimedOut) + SmoothedRate(Won, Won + Lost)) / 2, 2);

    private static double SmoothedRate(int hits, int tries) => (hits + 1.0) / (tries + 2.0);

    /// <summary>
    /// The records of the given partners with one owner, in two grouped queries whatever their number. Scoped to
    /// the owner explicitly rather than by the filters, because routing runs for the owner while a partner acts
    /// (a decline re-routes at once); callers pass only the owner of a record the actor already sees.
    /// </summary>
    public static async Task<Dictionary<Guid, TrackRecord>> LoadAsync(MutualDbContext db, Guid ownerPartyId, IReadOnlyCollection<Guid> partners, CancellationToken ct)
    {
        if (partners.Count == 0) return [];
        var hops = await db.LeadHops.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.Lead!.OwnerPartyId == ownerPartyId && partners.Contains(h.PartnerPartyId))
            .GroupBy(h => new { h.PartnerPartyId, h.Outcome })
            .Select(g => new { g.Key.PartnerPartyId, g.Key.Outcome, Count = g.Count(), Seconds = g.Average(h => (double?)h.AcceptSeconds) })
            .ToListAsync(ct);
        var leads = await db.Leads.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.OwnerPartyId == ownerPartyId && l.AssignedPartnerPartyId != null && partners.Contains(l.AssignedPartnerPartyId.Value)
                && l.Status != LeadStatus.Unassigned)
            .GroupBy(l => new { Partner = l.AssignedPartnerPartyId!.Value, l.Status })
            .Select(g => new { g.Key.Partner, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        return partners.Distinct().ToDictionary(p => p, p =>
        {
            int Hops(string outcome) => hops.Where(h => h.PartnerPartyId == p && h.Outcome == outcome).Sum(h => h.Count);
            int Leads(params string[] statuses) => leads.Where(l => l.Partner == p && statuses.Contains(l.Status)).Sum(l => l.Count);
            var accepted = Hops(HopOutcome.Accepted);
            var answered = accepted + Hops(HopOutcome.Declined) + Hops(HopOutcome.TimedOut);
            var seconds = hops.FirstOrDefault(h => h.PartnerPartyId == p && h.Outcome == HopOutcome.Accepted)?.Seconds;
            var won = Leads(LeadStatus.Won);
            var lost = Leads(LeadStatus.Lost);
            return new TrackRecord(answered + Hops(HopOutcome.Pending), accepted, Hops(HopOutcome.Declined), Hops(HopOutcome.TimedOut),
                answered == 0 ? null : Math.Round((double)accepted / answered, 3),
                seconds is { } s ? Math.Round(s / 3600, 1) : null,
                won, lost, won + lost == 0 ? null : Math.Round((double)won / (won + lost), 3),
                Leads(LeadStatus.Open));
        });
    }
}
