namespace Mutual.Core.Channel;

/// <summary>
/// Several new leads of one owner routed in a row and saved together (<see cref="Leads.SaveAllAsync"/>), each routed
/// as if the ones before it had been saved: between them the store changes only by what the batch itself adds to the
/// partners it chose (an offer, an open lead, the time of the offer). So the owner's rules and partners are read once
/// per batch, narrowed down in memory for each lead, and each offer is added to the chosen partner's copy at once
/// (capacity and round robin see it, as they would have after a save). For one lead alone the store narrowing reads
/// less, so a lone lead is routed without a batch.
/// </summary>
public sealed class RoutingBatch
{
    internal sealed record Certification(string Name, DateTime? ExpiresAt);

    internal sealed record Partner(LeadRouter.Candidate Candidate, List<string> Territories, List<Certification> Certifications);

    private readonly Dictionary<Guid, List<RoutingRule>> _rules = [];
    private readonly Dictionary<Guid, List<Partner>> _partners = [];

    internal async Task<List<RoutingRule>> RulesAsync(Guid owner, Func<Task<List<RoutingRule>>> read)
    {
        if (!_rules.TryGetValue(owner, out var rules)) _rules[owner] = rules = await read();
        return rules;
    }

    internal async Task<List<Partner>> PartnersAsync(Guid owner, Func<Task<List<Partner>>> read)
    {
        if (!_partners.TryGetValue(owner, out var partners)) _partners[owner] = partners = await read();
        return partners;
    }

    /// <summary>
    /// What the store's narrowing gives for a new lead (no partner tried yet): the funnel's counts and the partners
    /// holding every certification, unexpired, and covering the country or the exact place.
    /// </summary>
    internal static (LeadRouter.Funnel, List<LeadRouter.Candidate>) Narrow(List<Partner> partners, List<string> certs, string country, string place, DateTime now)
    {
        // Loops, not LINQ: this runs for every lead of a batch over all of its owner's partners.
        var certified = 0;
        var covering = new List<LeadRouter.Candidate>();
        foreach (var p in partners)
        {
            if (!HoldsAll(p.Certifications, certs, now)) continue;
            certified++;
            if (p.Territories.Contains(country) || p.Territories.Contains(place)) covering.Add(p.Candidate);
        }
        return (new LeadRouter.Funnel(partners.Count, partners.Count, certified), covering);
    }

    private static bool HoldsAll(List<Certification> held, List<string> names, DateTime now)
    {
        foreach (var name in names)
        {
            var holds = false;
            foreach (var c in held)
                if (c.Name == name && (c.ExpiresAt is null || c.ExpiresAt > now)) { holds = true; break; }
            if (!holds) return false;
        }
        return true;
    }

    /// <summary>Adds what saving the offer will add to the partner's profile (PartnerTallies counts it the same way).</summary>
    internal void Offered(Guid owner, Guid partner, DateTime at)
    {
        if (!_partners.TryGetValue(owner, out var partners)) return;
        var i = partners.FindIndex(p => p.Candidate.PartnerPartyId == partner);
        if (i < 0) return;
        var c = partners[i].Candidate;
        partners[i] = partners[i] with
        {
            Candidate = c with
            {
                Tally = c.Tally + Tally.OfOffer(HopOutcome.Pending, null) + Tally.OfLead(LeadStatus.Assigned),
                LastAssignedAt = c.LastAssignedAt is { } last && last > at ? last : at,
            },
        };
    }
}
