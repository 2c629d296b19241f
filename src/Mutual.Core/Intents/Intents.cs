using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Individuals;

namespace Mutual.Core.Intents;

/// <summary>
/// Publishing, reading and closing intents. Who sees an intent is the access rule's business (AccessRules): its owner,
/// vendors whose profile matches it while it is open, and vendors that offered on it.
/// </summary>
public sealed class Intents(MutualDbContext db)
{
    public async Task<Outcome<IntentDto>> PublishAsync(PublishIntentRequest r, CancellationToken ct = default)
    {
        if (!db.Actor.IsIndividual()) return Outcome<IntentDto>.Unprocessable("Only an individual acting for themself publishes an intent.");
        var now = db.Now;
        var v = new Validation().Require("title", r.Title, IntentRules.TitleMax).MaxLength("description", r.Description, IntentRules.DescriptionMax);
        var category = IntentRules.Category(v, r.Category);
        var location = IntentRules.Location(v, r.Location);
        IntentRules.Amount(v, "budget", r.Budget);
        var currency = IntentRules.Currency(v, "currency", r.Currency);
        if (r.Budget is not null && currency is null) v.Add("currency", "'currency' is required with a budget (ISO 4217, such as \"EUR\").");
        if (r.NeededBy is { } needed && needed < DateOnly.FromDateTime(now)) v.Add("neededBy", "'neededBy' must not be in the past.");
        var terms = IntentRules.Terms(v, r.Terms);
        var scopes = IntentRules.Scopes(v, r.Scopes);
        var expiresAt = r.ExpiresAt?.ToUniversalTime() ?? now.AddDays(IntentRules.DefaultDays);
        if (expiresAt <= now) v.Add("expiresAt", "'expiresAt' must be in the future.");
        else if (expiresAt > now.AddDays(IntentRules.MaxDays)) v.Add("expiresAt", $"An intent stays open at most {IntentRules.MaxDays} days.");
        if (!v.IsValid) return v.Fail<IntentDto>();

        var intent = new Intent
        {
            OwnerPartyId = db.Actor.PartyId,
            Title = r.Title!.Trim(),
            Category = category!,
            Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            Budget = r.Budget,
            Currency = currency,
            Location = location,
            LocationCountry = location?[..2],
            NeededBy = r.NeededBy,
            Terms = terms,
            Scopes = scopes,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.Set<Intent>().Add(intent);
        // Matching reads vendor profiles as the system (each is otherwise its organization's own); the audience is who
        // matches now. The payload is pseudonymous, as the vendors will read it.
        var vendors = await db.VendorProfiles.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Categories.Contains(intent.Category)
                && (intent.Location == null || p.Territories.Contains(intent.Location) || p.Territories.Contains(intent.LocationCountry!)))
            .Select(p => p.PartyId).ToListAsync(ct);
        db.Outbox.Add(OutboxMessage.Create("intent.published", now, Payload(intent), vendors.Prepend(intent.OwnerPartyId)));
        await db.SaveChangesAsync(ct);
        return Outcome<IntentDto>.Ok(await IntentViews.DescribeAsync(db, intent, ct));
    }

    public async Task<Outcome<IntentDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var intent = await db.Set<Intent>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return intent is null ? Outcome<IntentDto>.NotFound("No such intent.") : Outcome<IntentDto>.Ok(await IntentViews.DescribeAsync(db, intent, ct));
    }

    /// <summary>
    /// Newest first. An individual reads their own intents (any status, or one); an organization reads the open intents
    /// that match its vendor profile, or with <paramref name="offered"/> those it made an offer on.
    /// </summary>
    public async Task<Outcome<Page<IntentDto>>> ListAsync(string? status, bool offered, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (status is not null && !IntentStatus.All.Contains(status)) v.Add("status", $"'status' is one of {string.Join(", ", IntentStatus.All)}.");
        if (!v.IsValid) return v.Fail<Page<IntentDto>>();
        var now = db.Now;
        var actor = db.Actor.PartyId;
        var q = db.Set<Intent>().AsNoTracking();
        if (db.Actor.IsIndividual())
        {
            q = q.Where(i => i.OwnerPartyId == actor);
            q = status switch
            {
                null => q,
                IntentStatus.Open => q.Where(i => i.Status == IntentStatus.Open && i.ExpiresAt > now),
                IntentStatus.Expired => q.Where(i => i.Status == IntentStatus.Expired || (i.Status == IntentStatus.Open && i.ExpiresAt <= now)),
                _ => q.Where(i => i.Status == status),
            };
        }
        else if (offered) q = q.Where(i => db.Set<Offer>().Any(o => o.IntentId == i.Id && o.VendorPartyId == actor));
        else q = q.Where(i => i.Status == IntentStatus.Open && i.ExpiresAt > now && i.OwnerPartyId != actor);
        if (page.AfterGuid(0) is { } after) q = q.Where(i => i.Id.CompareTo(after) < 0);
        var rows = await q.OrderByDescending(i => i.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, i => PageRequest.Encode(i.Id.ToString()));
        return Outcome<Page<IntentDto>>.Ok(new Page<IntentDto>(await IntentViews.DescribeAsync(db, cut.Items, ct), cut.NextCursor));
    }

    /// <summary>The owner closes an open intent; pending offers are declined politely, each vendor told.</summary>
    public Task<Outcome<IntentDto>> WithdrawAsync(Guid id, long? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, async (intent, now) =>
        {
            if (IntentViews.StatusAt(intent, now) != IntentStatus.Open) return $"The intent is {IntentViews.StatusAt(intent, now)}; only an open intent is withdrawn.";
            intent.Status = IntentStatus.Withdrawn;
            intent.ClosedAt = now;
            var pending = await db.Set<Offer>().Where(o => o.IntentId == intent.Id && o.Status == OfferStatus.Pending).ToListAsync(ct);
            foreach (var offer in pending) Decline(db, intent, offer, IntentRules.DeclinedWithdrawn, now);
            db.Outbox.Add(OutboxMessage.Create("intent.withdrawn", now, new { intentId = intent.Id, buyer = IntentRules.Pseudonym(intent.Id) },
                pending.Select(o => o.VendorPartyId).Prepend(intent.OwnerPartyId)));
            return null;
        }, ct);

    /// <summary>The owner shows their name and party id to the vendors that offered. Revealing twice changes nothing.</summary>
    public Task<Outcome<IntentDto>> RevealAsync(Guid id, long? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, (intent, now) =>
        {
            if (intent.Revealed) return Task.FromResult<string?>("");
            intent.Revealed = true;
            intent.RevealedAt = now;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Loads a visible intent, lets only its owner act, applies the change (null, a refusal, or "" for no change) and saves it.</summary>
    private async Task<Outcome<IntentDto>> ChangeAsync(Guid id, long? expectedVersion, Func<Intent, DateTime, Task<string?>> change, CancellationToken ct)
    {
        var intent = await db.Set<Intent>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (intent is null) return Outcome<IntentDto>.NotFound("No such intent.");
        if (intent.OwnerPartyId != db.Actor.PartyId) return Outcome<IntentDto>.Unprocessable("Only the individual who published an intent changes it.");
        if (expectedVersion is { } ev && ev != intent.Version) return Outcome<IntentDto>.Stale();
        var refusal = await change(intent, db.Now);
        if (refusal is { Length: > 0 }) return Outcome<IntentDto>.Unprocessable(refusal);
        if (refusal is null)
        {
            intent.Version++;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<IntentDto>.Conflict("The intent changed at the same moment; reload it."); }
        }
        return Outcome<IntentDto>.Ok(await IntentViews.DescribeAsync(db, intent, ct));
    }

    /// <summary>Declines a pending offer with a polite reason and tells its vendor (the caller saves).</summary>
    internal static void Decline(MutualDbContext db, Intent intent, Offer offer, string reason, DateTime now)
    {
        offer.Status = OfferStatus.Declined;
        offer.DeclineReason = reason;
        offer.DecidedAt = now;
        offer.Version++;
        db.Outbox.Add(OutboxMessage.Create("intent.offer_declined", now,
            new { intentId = intent.Id, offerId = offer.Id, vendorPartyId = offer.VendorPartyId, buyer = IntentRules.Pseudonym(intent.Id), reason },
            [intent.OwnerPartyId, offer.VendorPartyId]));
    }

    // No owner id or name: vendors hear of the intent under its pseudonym.
    private static object Payload(Intent i) => new
    {
        intentId = i.Id, buyer = IntentRules.Pseudonym(i.Id), title = i.Title, category = i.Category, budget = i.Budget, currency = i.Currency,
        location = i.Location, neededBy = i.NeededBy, terms = i.Terms, expiresAt = i.ExpiresAt,
    };
}
