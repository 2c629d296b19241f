using Microsoft.EntityFrameworkCore;
using Mutual.Core.Channel;
using Mutual.Core.Data;

namespace Mutual.Core.Commerce;

/// <summary>
/// Which of the seller's partners can fulfil a cart, and at what price. This is the one place that reads the
/// seller's partner profiles, partner prices and the partners' open orders past the access rule: a customer
/// must be able to check out without seeing the seller's channel. Callers pass only a cart the actor sees,
/// and what leaves here is the quote for that cart, never the profiles or other customers' orders.
/// </summary>
public static class Fulfilment
{
    public static async Task<List<PartnerQuote>> QualifiedAsync(MutualDbContext db, Cart cart, IReadOnlyList<CartLineDto> lines, CancellationToken ct)
    {
        var seller = cart.SellerPartyId;
        var profiles = (await db.PartnerProfiles.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.OwnerPartyId == seller && p.Capacity > 0)
                .Select(p => new { p.PartnerPartyId, p.Territories, p.Capacity })
                .ToListAsync(ct))
            .Where(p => ChannelRules.Covers(p.Territories, cart.Country, cart.Region))
            .ToList();
        if (profiles.Count == 0) return [];

        var partnerIds = profiles.Select(p => p.PartnerPartyId).ToList();
        var open = OrderStatus.Open;
        var load = await db.Orders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.SellerPartyId == seller && partnerIds.Contains(o.PartnerPartyId))
            .GroupBy(o => o.PartnerPartyId)
            .Select(g => new { Partner = g.Key, Open = g.Count(o => open.Contains(o.Status)), Last = g.Max(o => o.CreatedAt) })
            .ToDictionaryAsync(x => x.Partner, ct);

        var productIds = lines.Select(l => l.ProductId).ToList();
        var partnerPrices = await db.PartnerPrices.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.OwnerPartyId == seller && productIds.Contains(p.ProductId))
            .ToListAsync(ct);
        // A product with any partner price list is sold only through partners that price it.
        var listed = partnerPrices.Select(p => p.ProductId).ToHashSet();

        var quotes = new List<PartnerQuote>();
        foreach (var profile in profiles)
        {
            var used = load.TryGetValue(profile.PartnerPartyId, out var l) ? l.Open : 0;
            if (used >= profile.Capacity) continue;
            var quoted = Quote(profile.PartnerPartyId, cart, lines, listed, partnerPrices);
            if (quoted is null) continue;
            quotes.Add(new PartnerQuote(profile.PartnerPartyId, quoted.Sum(q => q.LineTotal), profile.Capacity - used, l?.Last, quoted));
        }
        return PartnerRanking.Rank(quotes);
    }

    private static List<QuotedLine>? Quote(Guid partner, Cart cart, IReadOnlyList<CartLineDto> lines, HashSet<Guid> listed, List<PartnerPrice> prices)
    {
        var quoted = new List<QuotedLine>(lines.Count);
        foreach (var line in lines)
        {
            var unit = line.UnitPrice!.Value;
            if (listed.Contains(line.ProductId))
            {
                var own = CommerceRules.PriceFor(prices.Where(p => p.PartnerPartyId == partner && p.ProductId == line.ProductId), p => p.Region, cart.Country);
                if (own is null || own.Currency != cart.Currency) return null;
                unit = own.Amount;
            }
            quoted.Add(new QuotedLine(line.ProductId, unit, unit * line.Quantity));
        }
        return quoted;
    }
}
