using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Intents;

/// <summary>
/// Builds intent DTOs for the acting party. The owner's identity is added only where the actor is the owner, or a
/// vendor that offered and either was accepted or saw the owner reveal themself; every other view is built without it.
/// </summary>
internal static class IntentViews
{
    public static async Task<IntentDto> DescribeAsync(MutualDbContext db, Intent intent, CancellationToken ct) =>
        (await DescribeAsync(db, [intent], ct))[0];

    public static async Task<List<IntentDto>> DescribeAsync(MutualDbContext db, IReadOnlyList<Intent> intents, CancellationToken ct)
    {
        var actor = db.ActorPartyId;
        var now = db.Now;
        var owned = intents.Where(i => i.OwnerPartyId == actor).Select(i => i.Id).ToList();
        var others = intents.Where(i => i.OwnerPartyId != actor).Select(i => i.Id).ToList();
        var counts = owned.Count == 0 ? [] : await db.Set<Offer>().AsNoTracking()
            .Where(o => owned.Contains(o.IntentId) && o.Status != OfferStatus.Withdrawn)
            .GroupBy(o => o.IntentId)
            .Select(g => new { g.Key, Total = g.Count(), Pending = g.Count(o => o.Status == OfferStatus.Pending) })
            .ToDictionaryAsync(g => g.Key, ct);
        var mine = others.Count == 0 ? [] : (await db.Set<Offer>().AsNoTracking()
            .Where(o => others.Contains(o.IntentId) && o.VendorPartyId == actor).ToListAsync(ct))
            .GroupBy(o => o.IntentId).ToDictionary(g => g.Key, g => g.ToList());

        bool SeesOwner(Intent i) => i.OwnerPartyId == actor
            || (mine.TryGetValue(i.Id, out var offers) && (i.Revealed || offers.Any(o => o.Status == OfferStatus.Accepted)));
        var names = await PartyNames.LoadAsync(db,
            intents.Where(SeesOwner).Select(i => i.OwnerPartyId).Concat(mine.Values.SelectMany(o => o).Select(o => o.VendorPartyId)), ct);

        return intents.Select(i =>
        {
            var isOwner = i.OwnerPartyId == actor;
            // A vendor's own offer: the accepted one if any, else its latest.
            var myOffer = mine.TryGetValue(i.Id, out var list)
                ? list.OrderByDescending(o => o.Status == OfferStatus.Accepted).ThenByDescending(o => o.Id).First() : null;
            var accepted = isOwner || myOffer?.Status == OfferStatus.Accepted;
            counts.TryGetValue(i.Id, out var c);
            return new IntentDto(i.Id, IntentRules.Pseudonym(i.Id), SeesOwner(i) ? names.Get(i.OwnerPartyId) : null, i.Title, i.Category,
                i.Description, i.Budget, i.Currency, i.Location, i.NeededBy, i.Terms, i.Scopes, StatusAt(i, now), i.CreatedAt, i.ExpiresAt,
                i.Revealed, isOwner ? c?.Total ?? 0 : null, isOwner ? c?.Pending ?? 0 : null,
                myOffer is null ? null : OfferDto.From(myOffer, names),
                accepted ? i.AcceptedOfferId : null, accepted ? i.ConversationId : null, accepted ? i.ConsentId : null, i.Version);
        }).ToList();
    }

    public static string StatusAt(Intent i, DateTime now) =>
        i.Status == IntentStatus.Open && i.ExpiresAt <= now ? IntentStatus.Expired : i.Status;
}
