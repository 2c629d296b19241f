using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Intents;

/// <summary>
/// Vendors' offers on intents they can see. The access rule shows an offer to its vendor and to the intent's owner
/// only, so another vendor's list never holds it and its id answers 404.
/// </summary>
public sealed class Offers(MutualDbContext db)
{
    public async Task<Outcome<OfferDto>> MakeAsync(Guid intentId, MakeOfferRequest r, CancellationToken ct = default)
    {
        var intent = await db.Set<Intent>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == intentId, ct);
        if (intent is null) return Outcome<OfferDto>.NotFound("No such intent.");
        if (intent.OwnerPartyId == db.Actor.PartyId) return Outcome<OfferDto>.Unprocessable("You published this intent; vendors make offers on it.");
        var v = new Validation().Require("summary", r.Summary, IntentRules.SummaryMax);
        IntentRules.Amount(v, "price", r.Price);
        var currency = IntentRules.Currency(v, "currency", r.Currency);
        if (r.Price is null && currency is not null) v.Add("price", "'price' is required with a currency.");
        // A price in the buyer's currency needs no currency of its own.
        currency ??= r.Price is null ? null : intent.Currency;
        if (r.Price is not null && currency is null) v.Add("currency", "'currency' is required with a price (ISO 4217, such as \"EUR\").");
        if (!v.IsValid) return v.Fail<OfferDto>();
        var now = db.Now;
        var status = IntentViews.StatusAt(intent, now);
        if (status != IntentStatus.Open) return Outcome<OfferDto>.Unprocessable($"The intent is {status}; it takes no more offers.");
        var actor = db.Actor.PartyId;
        if (await db.Set<Offer>().AnyAsync(o => o.IntentId == intentId && o.VendorPartyId == actor && o.Status == OfferStatus.Pending, ct))
            return Outcome<OfferDto>.Conflict("Your organization already has a pending offer on this intent; withdraw it to make another.");

        var offer = new Offer
        {
            IntentId = intent.Id,
            IntentOwnerPartyId = intent.OwnerPartyId,
            VendorPartyId = actor,
            Summary = r.Summary!.Trim(),
            Price = r.Price,
            Currency = currency,
            CreatedAt = now,
            MadeByPersonPartyId = db.Actor.PersonPartyId == Guid.Empty ? actor : db.Actor.PersonPartyId,
            MadeByAccountId = db.Actor.AccountId == Guid.Empty ? null : db.Actor.AccountId,
        };
        db.Set<Offer>().Add(offer);
        db.Outbox.Add(OutboxMessage.Create("intent.offer_received", now, Payload(intent, offer), [intent.OwnerPartyId, actor]));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Outcome<OfferDto>.Conflict("Your organization already has a pending offer on this intent."); }
        return Outcome<OfferDto>.Ok(await DescribeAsync(offer, ct));
    }

    /// <summary>The owner reads every offer on the intent; a vendor, its own. Oldest first, so the first answer leads.</summary>
    public async Task<Outcome<Page<OfferDto>>> ListAsync(Guid intentId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (!v.IsValid) return v.Fail<Page<OfferDto>>();
        if (!await db.Set<Intent>().AnyAsync(i => i.Id == intentId, ct)) return Outcome<Page<OfferDto>>.NotFound("No such intent.");
        var q = db.Set<Offer>().AsNoTracking().Where(o => o.IntentId == intentId);
        if (page.AfterGuid(0) is { } after) q = q.Where(o => o.Id.CompareTo(after) > 0);
        var rows = await q.OrderBy(o => o.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, o => PageRequest.Encode(o.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.Select(o => o.VendorPartyId), ct);
        return Outcome<Page<OfferDto>>.Ok(new Page<OfferDto>(cut.Items.Select(o => OfferDto.From(o, names)).ToList(), cut.NextCursor));
    }

    /// <summary>The vendor takes back its pending offer; it may then make another.</summary>
    public async Task<Outcome<OfferDto>> WithdrawAsync(Guid intentId, Guid offerId, long? expectedVersion, CancellationToken ct = default)
    {
        var offer = await db.Set<Offer>().FirstOrDefaultAsync(o => o.Id == offerId && o.IntentId == intentId, ct);
        if (offer is null) return Outcome<OfferDto>.NotFound("No such offer.");
        if (offer.VendorPartyId != db.Actor.PartyId) return Outcome<OfferDto>.Unprocessable("Only the vendor that made an offer withdraws it.");
        if (expectedVersion is { } ev && ev != offer.Version) return Outcome<OfferDto>.Stale();
        if (offer.Status != OfferStatus.Pending) return Outcome<OfferDto>.Unprocessable($"The offer is {offer.Status}; only a pending offer is withdrawn.");
        var now = db.Now;
        offer.Status = OfferStatus.Withdrawn;
        offer.DecidedAt = now;
        offer.Version++;
        db.Outbox.Add(OutboxMessage.Create("intent.offer_withdrawn", now,
            new { intentId = offer.IntentId, offerId = offer.Id, vendorPartyId = offer.VendorPartyId }, [offer.IntentOwnerPartyId, offer.VendorPartyId]));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<OfferDto>.Conflict("The offer changed at the same moment; reload it."); }
        return Outcome<OfferDto>.Ok(await DescribeAsync(offer, ct));
    }

    private async Task<OfferDto> DescribeAsync(Offer o, CancellationToken ct) =>
        OfferDto.From(o, await PartyNames.LoadAsync(db, [o.VendorPartyId], ct));

    // The owner reads the offer under the vendor's name; the vendor never learns the owner from it.
    internal static object Payload(Intent i, Offer o) => new
    {
        intentId = i.Id, offerId = o.Id, buyer = IntentRules.Pseudonym(i.Id), vendorPartyId = o.VendorPartyId, price = o.Price, currency = o.Currency,
    };
}
