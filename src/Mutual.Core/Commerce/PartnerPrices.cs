using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Commerce;

public sealed record SetPartnerPricesRequest(List<PriceInput?>? Prices);

public sealed record PartnerPriceDto(Guid Id, Guid ProductId, Guid PartnerPartyId, PartyRef Partner, string Region, string Currency, decimal Amount, DateTime UpdatedAt);

/// <summary>
/// The seller's partner price lists: what each partner charges for a product, per region. A partner sees
/// its own prices; other partners' prices stay between the seller and them.
/// </summary>
public sealed class PartnerPrices(MutualDbContext db, TimeProvider clock)
{
    /// <summary>Replaces one partner's prices for one product; an empty list removes the partner from it.</summary>
    public async Task<Outcome<Page<PartnerPriceDto>>> SetAsync(Guid productId, Guid partnerPartyId, SetPartnerPricesRequest request, CancellationToken ct = default)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId && p.OwnerPartyId == db.ActorPartyId, ct);
        if (product is null) return Outcome<Page<PartnerPriceDto>>.NotFound("No such product.");
        // Only a partner the seller has a profile for can fulfil, so only such a partner gets a price list.
        if (!await db.PartnerProfiles.AnyAsync(p => p.OwnerPartyId == product.OwnerPartyId && p.PartnerPartyId == partnerPartyId, ct))
            return Outcome<Page<PartnerPriceDto>>.NotFound("No such partner: you have no partner profile for this party.");
        var v = new Validation();
        if (request.Prices is null) v.Add("prices", "'prices' is required (an empty list removes the partner's prices).");
        var prices = CommerceRules.ReadPrices(v, request.Prices);
        if (!v.IsValid) return v.Fail<Page<PartnerPriceDto>>();

        var now = clock.GetUtcNow().UtcDateTime;
        // The delete runs at once; the transaction keeps the old list if the new one cannot be saved.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.PartnerPrices.Where(p => p.ProductId == productId && p.PartnerPartyId == partnerPartyId).ExecuteDeleteAsync(ct);
        db.PartnerPrices.AddRange(prices.Select(p => new PartnerPrice
        {
            OwnerPartyId = product.OwnerPartyId, PartnerPartyId = partnerPartyId, ProductId = productId,
            Region = p.Region, Currency = p.Currency, Amount = p.Amount, UpdatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ListAsync(productId, partnerPartyId, PageRequest.MaxLimit, null, ct);
    }

    /// <summary>A product's partner prices by partner and region: all of them for the seller, its own for a partner.</summary>
    public async Task<Outcome<Page<PartnerPriceDto>>> ListAsync(Guid productId, Guid? partnerPartyId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (!v.IsValid) return v.Fail<Page<PartnerPriceDto>>();
        var visible = await db.Products.AnyAsync(p => p.Id == productId, ct)
            && (await db.Products.AnyAsync(p => p.Id == productId && p.OwnerPartyId == db.ActorPartyId, ct)
                || await db.PartnerPrices.AnyAsync(p => p.ProductId == productId, ct));
        if (!visible) return Outcome<Page<PartnerPriceDto>>.NotFound("No such product.");
        var q = db.PartnerPrices.AsNoTracking().Where(p => p.ProductId == productId);
        if (partnerPartyId is { } partner) q = q.Where(p => p.PartnerPartyId == partner);
        if (page.AfterGuid(0) is { } after) q = q.Where(p => p.Id.CompareTo(after) > 0);
        var rows = await q.OrderBy(p => p.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, p => PageRequest.Encode(p.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.Select(p => p.PartnerPartyId), ct);
        return Outcome<Page<PartnerPriceDto>>.Ok(new Page<PartnerPriceDto>(cut.Items.Select(p => new PartnerPriceDto(p.Id, p.ProductId, p.PartnerPartyId,
            names.Get(p.PartnerPartyId), p.Region, p.Currency, p.Amount, p.UpdatedAt)).ToList(), cut.NextCursor));
    }
}
