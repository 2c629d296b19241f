using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Intents;

/// <summary>One offer from a vendor to the individual: on one of their open intents, or the one they accepted.</summary>
public sealed record VendorOfferRow(Guid IntentId, string Title, decimal? Price, string? Currency, string Status);

/// <summary>The offers "My vendors" shows on each vendor's card, read once for the whole page.</summary>
public static class VendorOfferRows
{
    /// <summary>
    /// The offers on the individual's open (unexpired) intents, and the accepted ones, by vendor, newest first. The access
    /// filters already limit both sets to the actor's own intents and the offers made on them; the owner test repeats it
    /// so the intent is plainly theirs.
    /// </summary>
    public static async Task<ILookup<Guid, VendorOfferRow>> ByVendorAsync(MutualDbContext db, CancellationToken ct = default)
    {
        var (actor, now) = (db.Actor.PartyId, db.Now);
        var rows = await (from o in db.Set<Offer>().AsNoTracking()
                          join i in db.Set<Intent>().AsNoTracking() on o.IntentId equals i.Id
                          where i.OwnerPartyId == actor
                              && ((i.Status == IntentStatus.Open && i.ExpiresAt > now) || o.Status == OfferStatus.Accepted)
                          orderby o.CreatedAt descending
                          select new { o.VendorPartyId, Row = new VendorOfferRow(i.Id, i.Title, o.Price, o.Currency, o.Status) })
            .Take(200).ToListAsync(ct);
        return rows.ToLookup(r => r.VendorPartyId, r => r.Row);
    }
}
