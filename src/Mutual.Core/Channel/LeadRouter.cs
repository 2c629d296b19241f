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

    /// <summary>Offers the lead to the next qualified partner it was not yet offered to, or queues it. Does not save.</summary>
    public async Task RouteAsync(Lead lead, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Routing works on the owner's rules and profiles even when a partner's decline triggers it: the
        // queries below are scoped to the lead's owner explicitly instead of by the acting party's filters.
        var rules = await db.RoutingRules.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.OwnerPartyId == lead.OwnerPartyId && r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var rule = rules.FirstOrDefault(r => Applies(r, lead)) ?? DefaultRule;
        // Every partner ever offered this lead, including hops the acting partner's filters would hide.
        var tried = (await db.LeadHops.IgnoreQueryFilters().Where(h => h.LeadId == lead.Id).Select(h => h.PartnerPartyId).ToListAsync(ct))
            .Concat(lead.Hops.Select(h => h.PartnerPartyId)).ToHashSet();
        // Read without tracking: only the chosen profile changes (tracked below), and tracking all of them, with
        // their territory lists, made every save compare hundreds of entities (lead routing benchmark, decision 021).
        var profiles = await db.PartnerProfiles.IgnoreQueryFilters().AsNoTracking().Include(p => p.Certifications)
            .Where(p => p.OwnerPartyId == lead.OwnerPartyId).AsSplitQuery().ToListAsync(ct);
        var certs = new[] { lead.RequiredCertification, rule.RequiredCertification }.OfType<string>().Distinct().ToList();

        var untried = profiles.Where(p => !tried.Contains(p.PartnerPartyId)).ToList();
        var certified = untried.Where(p => certs.All(c => p.Certifications.Any(h => h.Name == c && (h.ExpiresAt is null || h.ExpiresAt > now)))).ToList();
        var covering = certified.Where(p => ChannelRules.Covers(p.Territories, lead.Country, lead.Region)).ToList();
        // Only candidates need a track record (capacity, ranking): its queries grow with the owner's leads.
        var records = await TrackRecord.LoadAsync(db, lead.OwnerPartyId, covering.Select(p => p.PartnerPartyId).ToList(), ct);
        TrackRecord Record(PartnerProfile p) => records.GetValueOrDefault(p.PartnerPartyId) ?? TrackRecord.Empty;
        var available = rule.RespectCapacity ? covering.Where(p => Record(p).OpenLeads < p.Capacity).ToList() : covering;
        var ranked = available.OrderByDescending(p => Record(p).Score)
            .ThenBy(p => p.LastAssignedAt ?? DateTime.MinValue).ThenBy(p => p.PartnerPartyId).ToList();

        var place = lead.Region is null ? lead.Country : $"{lead.Country}-{lead.Region}";
        var funnel = $"Rule “{rule.Name}”: {profiles.Count} partner(s), {untried.Count} not yet offered this lead, "
            + (certs.Count > 0 ? $"{certified.Count} certified {string.Join(" + ", certs)}, " : "")
            + $"{covering.Count} covering {place}" + (rule.RespectCapacity ? $", {available.Count} with capacity left" : "") + ".";
        lead.RuleId = rule == DefaultRule ? null : rule.Id;
        lead.UpdatedAt = now;
        if (ranked.Count == 0)
        {
            var wasAssigned = lead.Status == LeadStatus.Assigned;
            lead.Status = LeadStatus.Unassigned;
            lead.AssignedPartnerPartyId = null;
            lead.AssignedAt = null;
            lead.AcceptBy = null;
            lead.RoutingReason = funnel + " No partner qualifies: the lead waits in the queue.";
            if (wasAssigned || tried.Count == 0)
                db.Outbox.Add(OutboxMessage.Create("lead.status_changed", now, new { leadId = lead.Id, status = lead.Status, reason = lead.RoutingReason }, [lead.OwnerPartyId]));
            return;
        }

        var chosen = ranked[0];
        var record = Record(chosen);
        var tied = ranked.Count(p => Record(p).Score == record.Score) - 1;
        var why = funnel + $" Chosen for the best track record (score {record.Score.ToString("0.00", CultureInfo.InvariantCulture)}: "
            + $"accepted {record.Accepted} of {record.Accepted + record.Declined + record.TimedOut} offers, won {record.Won} of {record.Won + record.Lost})"
            + (tied > 0 ? $"; tied with {tied} other(s), it waited longest for a lead (round robin)." : ".");
        var tracked = await db.PartnerProfiles.IgnoreQueryFilters().FirstAsync(p => p.Id == chosen.Id, ct);
        Assign(lead, tracked, rule.AcceptWithinHours, why, now);
    }

    /// <summary>Offers the lead to a partner the owner picked by hand, out of the queue or over the rules.</summary>
    public void AssignByHand(Lead lead, PartnerProfile profile, string who)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lead.RuleId = null;
        Assign(lead, profile, ChannelRules.DefaultAcceptHours, $"Assigned by hand by {who}.", now);
    }

    private void Assign(Lead lead, PartnerProfile profile, int acceptWithinHours, string reason, DateTime now)
    {
        var hop = new LeadHop
        {
            LeadId = lead.Id, PartnerPartyId = profile.PartnerPartyId, AssignedAt = now, AcceptBy = now.AddHours(acceptWithinHours), Reason = reason,
        };
        lead.Hops.Add(hop);
        db.LeadHops.Add(hop);
        lead.Status = LeadStatus.Assigned;
        lead.AssignedPartnerPartyId = profile.PartnerPartyId;
        lead.AssignedAt = now;
        lead.AcceptBy = hop.AcceptBy;
        lead.RoutingReason = reason;
        lead.UpdatedAt = now;
        profile.LastAssignedAt = now;
        db.Outbox.Add(OutboxMessage.Create("lead.assigned", now,
            new { leadId = lead.Id, title = lead.Title, partnerPartyId = profile.PartnerPartyId, acceptBy = hop.AcceptBy, reason },
            [lead.OwnerPartyId, profile.PartnerPartyId]));
    }

    private static bool Applies(RoutingRule rule, Lead lead) =>
        (rule.Countries.Count == 0 || ChannelRules.Covers(rule.Countries, lead.Country, lead.Region))
        && (rule.MinValue is null || (lead.Value ?? 0) >= rule.MinValue);
}
