namespace Mutual.Core.Channel;

/// <summary>
/// Several new leads of one owner routed in a row and saved together (<see cref="Leads.SaveAllAsync"/>), routed as
/// if each had been saved before the next: between them the store changes only by what the batch itself adds to the
/// partners it chose (an offer, an open lead, the time of the offer). So the owner's rules, the funnel's counts and
/// each place's covering partners are read once per batch, and the batch's own offers are added to the candidates'
/// tallies before they are ranked (capacity and round robin see them, as they would have after a save).
/// </summary>
public sealed class RoutingBatch
{
    internal Dictionary<Guid, List<RoutingRule>> Rules { get; } = [];
    internal Dictionary<string, LeadRouter.Funnel?> Funnels { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, List<LeadRouter.Candidate>> Covering { get; } = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Owner, Guid Partner), (Tally Delta, DateTime At)> _offered = [];

    /// <summary>What saving the lead's offer will add to the partner's profile (PartnerTallies counts it the same way).</summary>
    internal void Offered(Guid owner, Guid partner, DateTime at)
    {
        var (delta, _) = _offered.GetValueOrDefault((owner, partner));
        _offered[(owner, partner)] = (delta + Tally.OfOffer(HopOutcome.Pending, null) + Tally.OfLead(LeadStatus.Assigned), at);
    }

    /// <summary>The candidate as the store will have it once the batch's earlier offers are saved.</summary>
    internal LeadRouter.Candidate WithOffers(Guid owner, LeadRouter.Candidate c) =>
        _offered.TryGetValue((owner, c.PartnerPartyId), out var o)
            ? c with { Tally = c.Tally + o.Delta, LastAssignedAt = c.LastAssignedAt is { } last && last > o.At ? last : o.At }
            : c;
}
