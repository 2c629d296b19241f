using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Intents;

/// <summary>
/// Closes the intents whose time ran out: each is marked expired, its pending offers are declined ("The intent
/// expired.") and <c>intent.expired</c> tells the owner and the vendors that were waiting. Reads never depend on
/// it — expiry is read against the clock — so the sweep only settles the records and announces them, once.
/// </summary>
public sealed class IntentExpirySweep(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public Task<int> RunAsync(CancellationToken ct = default) => Sweep.RunAsync(factory, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Intents.Where(i => i.Status == IntentStatus.Open && i.ExpiresAt <= now)
            .OrderBy(i => i.ExpiresAt).ThenBy(i => i.Id).Take(Sweep.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Select(i => i.Id).ToList();
        var pending = await db.Offers.Where(o => ids.Contains(o.IntentId) && o.Status == OfferStatus.Pending).ToListAsync(ct);
        var done = 0;
        foreach (var intent in due)
        {
            intent.Status = IntentStatus.Expired;
            intent.ClosedAt = now;
            intent.Version++;
            var waiting = pending.Where(o => o.IntentId == intent.Id).ToList();
            foreach (var offer in waiting) Intents.Decline(db, intent, offer, IntentRules.DeclinedExpired, now);
            db.Outbox.Add(OutboxMessage.Create("intent.expired", now, new { intentId = intent.Id, buyer = IntentRules.Pseudonym(intent.Id) },
                waiting.Select(o => o.VendorPartyId).Prepend(intent.OwnerPartyId)));
            // Saved one by one: an owner accepting or withdrawing at this very moment wins, and the rest go on.
            try
            {
                await db.SaveChangesAsync(ct);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return done;
            }
        }
        return done;
    }, ct);
}
