using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Discovery;

/// <summary>The owner withdraws a fact (and its history). The subject cannot: it corrects instead.</summary>
public sealed class DeleteFactHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(Guid factId, long? expectedVersion, CancellationToken ct = default)
    {
        var fact = await db.Facts.FirstOrDefaultAsync(f => f.Id == factId && f.OwnerPartyId == db.Actor.PartyId, ct);
        if (fact is null) return Outcome<bool>.NotFound("No such fact.");
        if (expectedVersion is { } ev && ev != fact.Version) return Outcome<bool>.Stale();
        db.Facts.Remove(fact);
        db.Outbox.Add(OutboxMessage.Create("fact.deleted", clock.GetUtcNow().UtcDateTime,
            new { factId = fact.Id, subjectPartyId = fact.SubjectPartyId, key = fact.Key },
            fact.SharedWithSubject ? [fact.OwnerPartyId, fact.SubjectPartyId] : [fact.OwnerPartyId]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Stale();
        }
        return Outcome<bool>.Ok(true);
    }
}
