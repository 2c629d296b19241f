using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Channel;

/// <summary>
/// Routes a lead for its owner: the first matching rule sets the bar (certifications, territory, capacity),
/// the best track record wins, and among equals the partner that has waited longest for a lead goes next
/// (round robin). The same state always gives the same choice. Reasons name no other partner, because the
/// chosen partner reads them.
/// </summary>
public sealed class LeadRouter(MutualDbContext db, TimeProvider clock)
{
    private static readonly RoutingRule DefaultRule = new() { Name = "Default", AcceptWithinHours = ChannelRules.DefaultAcceptHours };

    /// <summary>
    /// Offers the lead to the next qualified partner it was not yet offered to, or queues it. Does not save. A new
    /// lead routed with others of its owner passes their <paramref name="batch"/>, so what they read is read once.
    /// </summary>
    public async Task RouteAsync(Lead lead, CancellationToken ct, RoutingBatch? batch = null)
    {
        var now = clock.StoredNow();
        var isNew = db.Entry(lead).State == EntityState.Added;
        if (batch is not null && !isNew) throw new InvalidOperationException("Only new leads are routed in a batch.");
        var owner = lead.OwnerPartyId;
        // Routing works on the owner's rules and profiles even when a partner's decline triggers it: the
        // queries below are scoped to the lead's owner explicitly instead of by the acting party's filters.
        var rules = batch is null ? await ReadRulesAsync(owner, ct) : await batch.RulesAsync(owner, () => ReadRulesAsync(owner, ct));
        var rule = rules.FirstOrDefault(r => Applies(r, lead)) ?? DefaultRule;
        // Every partner ever offered this lead, including hops the acting partner's filters would hide (a new lead has none).
        var tried = (isNew ? []
                : await db.LeadHops.IgnoreQueryFilters().Where(h => h.LeadId == lead.Id).Select(h => h.PartnerPartyId).ToListAsync(ct))
            .Concat(lead.Hops.Select(h => h.PartnerPartyId)).ToHashSet();
        var certs = new[] { lead.RequiredCertification, rule.RequiredCertification }.OfType<string>().Distinct().ToList();
        var place = lead.Region is null ? lead.Country : $"{lead.Country}-{lead.Region}";
        var (funnel, covering) = batch is null
            ? await NarrowAsync(owner, tried, certs, lead.Country, place, now, ct)
            : RoutingBatch.Narrow(await batch.PartnersAsync(owner, () => ReadPartnersAsync(owner, ct)), certs, lead.Country, place, now);
        var (chosen, available, tied) = Best(covering, rule.RespectCapacity);

        var reason = $"Rule “{rule.Name}”: {funnel.Profiles} partner(s), {funnel.Untried} not yet offered this lead, "
            + (certs.Count > 0 ? $"{funnel.Certified} certified {string.Join(" + ", certs)}, " : "")
            + $"{covering.Count} covering {place}" + (rule.RespectCapacity ? $", {available} with capacity left" : "") + ".";
        lead.RuleId = rule == DefaultRule ? null : rule.Id;
        lead.UpdatedAt = now;
        if (chosen is null)
        {
            var wasAssigned = lead.Status == LeadStatus.Assigned;
            lead.Status = LeadStatus.Unassigned;
            lead.AssignedPartnerPartyId = null;
            lead.AssignedAt = null;
            lead.AcceptBy = null;
            lead.RoutingReason = reason + " No partner qualifies: the lead waits in the queue.";
            if (wasAssigned || tried.Count == 0)
                db.Outbox.Add(OutboxMessage.Create("lead.status_changed", now, new { leadId = lead.Id, status = lead.Status, reason = lead.RoutingReason }, [lead.OwnerPartyId]));
            return;
        }

        var record = TrackRecord.Of(chosen.Tally);
        var why = reason + $" Chosen for the best track record (score {record.Score.ToString("0.00", CultureInfo.InvariantCulture)}: "
            + $"accepted {record.Accepted} of {record.Accepted + record.Declined + record.TimedOut} offers, won {record.Won} of {record.Won + record.Lost})"
            + (tied > 0 ? $"; tied with {tied} other(s), it waited longest for a lead (round robin)." : ".");
        Assign(lead, chosen.PartnerPartyId, rule.AcceptWithinHours, why, now);
        batch?.Offered(owner, chosen.PartnerPartyId, now);
    }

    /// <summary>
    /// The partner to offer the lead to among those covering it (with capacity left, if the rule says so): the best
    /// track record, then the one that waited longest for a lead, then the lowest id, so the same state always gives
    /// the same choice. Also how many were available and how many others shared the best score. One pass without
    /// allocating: a batch ranks every lead against all of its owner's partners.
    /// </summary>
    internal static (Candidate? Best, int Available, int Tied) Best(List<Candidate> covering, bool respectCapacity)
    {
        Candidate? best = null;
        double bestScore = 0;
        int available = 0, sharing = 0;
        foreach (var c in covering)
        {
            if (respectCapacity && c.Tally.Open >= c.Capacity) continue;
            available++;
            var score = TrackRecord.ScoreOf(c.Tally);
            if (best is null || score > bestScore) (best, bestScore, sharing) = (c, score, 1);
            else if (score == bestScore)
            {
                sharing++;
                var (waited, bestWaited) = (c.LastAssignedAt ?? DateTime.MinValue, best.LastAssignedAt ?? DateTime.MinValue);
                if (waited < bestWaited || (waited == bestWaited && c.PartnerPartyId.CompareTo(best.PartnerPartyId) < 0)) best = c;
            }
        }
        return (best, available, sharing - 1);
    }

    /// <summary>Offers the lead to a partner the owner picked by hand, out of the queue or over the rules.</summary>
    public void AssignByHand(Lead lead, PartnerProfile profile, string who)
    {
        var now = clock.StoredNow();
        lead.RuleId = null;
        Assign(lead, profile.PartnerPartyId, ChannelRules.DefaultAcceptHours, $"Assigned by hand by {who}.", now);
    }

    /// <summary>Offers the lead to the partner; saving the offer counts it on the partner's profile (PartnerTallies).</summary>
    private void Assign(Lead lead, Guid partnerPartyId, int acceptWithinHours, string reason, DateTime now)
    {
        var hop = new LeadHop
        {
            LeadId = lead.Id, PartnerPartyId = partnerPartyId, AssignedAt = now, AcceptBy = now.AddHours(acceptWithinHours), Reason = reason,
        };
        lead.Hops.Add(hop);
        db.LeadHops.Add(hop);
        lead.Status = LeadStatus.Assigned;
        lead.AssignedPartnerPartyId = partnerPartyId;
        lead.AssignedAt = now;
        lead.AcceptBy = hop.AcceptBy;
        lead.RoutingReason = reason;
        lead.UpdatedAt = now;
        db.Outbox.Add(OutboxMessage.Create("lead.assigned", now,
            new { leadId = lead.Id, title = lead.Title, partnerPartyId, acceptBy = hop.AcceptBy, reason },
            [lead.OwnerPartyId, partnerPartyId]));
    }

    internal sealed record Candidate(Guid PartnerPartyId, int Capacity, DateTime? LastAssignedAt, Tally Tally);

    internal sealed record Funnel(int Profiles, int Untried, int Certified);

    private Task<List<RoutingRule>> ReadRulesAsync(Guid owner, CancellationToken ct) =>
        db.RoutingRules.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.OwnerPartyId == owner && r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>
    /// The store narrows the owner's partners down (not yet offered, certified, covering the lead's place) and counts
    /// each step for the reason; only the partners left are read, with what ranking weighs: one lead alone reads far
    /// less this way than by reading all of the owner's partners (<see cref="RoutingBatch.Narrow"/> does the same in memory).
    /// </summary>
    private async Task<(Funnel, List<Candidate>)> NarrowAsync(Guid owner, HashSet<Guid> tried, List<string> certs, string country, string place, DateTime now, CancellationToken ct)
    {
        var funnel = await db.PartnerProfiles.IgnoreQueryFilters().Where(p => p.OwnerPartyId == owner).GroupBy(p => p.OwnerPartyId)
            .Select(g => new Funnel(
                g.Count(),
                g.Count(p => !tried.Contains(p.PartnerPartyId)),
                g.Count(p => !tried.Contains(p.PartnerPartyId)
                    && p.Certifications.Count(c => certs.Contains(c.Name) && (c.ExpiresAt == null || c.ExpiresAt > now)) == certs.Count)))
            .FirstOrDefaultAsync(ct);
        var covering = await db.PartnerProfiles.IgnoreQueryFilters()
            .Where(p => p.OwnerPartyId == owner && !tried.Contains(p.PartnerPartyId)
                && p.Certifications.Count(c => certs.Contains(c.Name) && (c.ExpiresAt == null || c.ExpiresAt > now)) == certs.Count
                && (p.Territories.Contains(country) || p.Territories.Contains(place)))
            .Select(p => new Candidate(p.PartnerPartyId, p.Capacity, p.LastAssignedAt,
                new Tally(p.Offers, p.OffersAccepted, p.OffersDeclined, p.OffersTimedOut, p.AcceptSeconds, p.LeadsOpen, p.LeadsWon, p.LeadsLost)))
            .ToListAsync(ct);
        return (funnel ?? new Funnel(0, 0, 0), covering);
    }

    /// <summary>
    /// All of the owner's partners with what routing weighs, for a batch to narrow down in memory. Certifications are
    /// read apart: as a collection of each profile (a join EF spells out row by row) they made the read half again slower.
    /// </summary>
    private async Task<List<RoutingBatch.Partner>> ReadPartnersAsync(Guid owner, CancellationToken ct)
    {
        var certifications = (await db.PartnerCertifications.IgnoreQueryFilters().AsNoTracking().Where(c => c.Profile!.OwnerPartyId == owner)
            .Select(c => new { c.ProfileId, c.Name, c.ExpiresAt }).ToListAsync(ct))
            .ToLookup(c => c.ProfileId, c => new RoutingBatch.Certification(c.Name, c.ExpiresAt));
        var profiles = await db.PartnerProfiles.IgnoreQueryFilters().AsNoTracking().Where(p => p.OwnerPartyId == owner)
            .Select(p => new
            {
                p.Id, p.Territories,
                Candidate = new Candidate(p.PartnerPartyId, p.Capacity, p.LastAssignedAt,
                    new Tally(p.Offers, p.OffersAccepted, p.OffersDeclined, p.OffersTimedOut, p.AcceptSeconds, p.LeadsOpen, p.LeadsWon, p.LeadsLost)),
            })
            .ToListAsync(ct);
        return profiles.Select(p => new RoutingBatch.Partner(p.Candidate, p.Territories, certifications[p.Id].ToList())).ToList();
    }

    private static bool Applies(RoutingRule rule, Lead lead) =>
        (rule.Countries.Count == 0 || ChannelRules.Covers(rule.Countries, lead.Country, lead.Region))
        && (rule.MinValue is null || (lead.Value ?? 0) >= rule.MinValue);
}
