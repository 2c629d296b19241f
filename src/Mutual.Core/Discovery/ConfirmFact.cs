using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Discovery;

public sealed record ConfirmFactRequest(string? Value);

/// <summary>
/// The owner re-checks a fact, or the subject itself confirms or corrects a fact shared with it. Either
/// refreshes confirmedAt; a new value is a correction and the old one stays in the history.
/// </summary>
public sealed class ConfirmFactHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<FactDto>> HandleAsync(Guid factId, ConfirmFactRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var fact = await db.Facts.FirstOrDefaultAsync(f => f.Id == factId, ct);
        if (fact is null) return Outcome<FactDto>.NotFound("No such fact.");
        if (expectedVersion is { } ev && ev != fact.Version) return Outcome<FactDto>.Stale();
        var v = new Validation();
        if (request.Value is not null) v.Require("value", request.Value, FactRules.ValueMax);
        if (!v.IsValid) return v.Fail<FactDto>();

        var now = clock.GetUtcNow().UtcDateTime;
        var by = db.ActingPartyId;
        var corrected = request.Value is not null && request.Value.Trim() != fact.Value;
        if (corrected) fact.Value = request.Value!.Trim();
        fact.Confirm(now, by);
        fact.Version++;
        db.FactRevisions.Add(new FactRevision
        {
            FactId = fact.Id, Kind = corrected ? FactRevision.Corrected : FactRevision.Confirmed, Value = fact.Value,
            At = now, ByPartyId = by, ByPersonPartyId = db.Actor.PersonPartyId,
        });
        db.Outbox.Add(OutboxMessage.Create(corrected ? "fact.corrected" : "fact.confirmed", now,
            new { factId = fact.Id, subjectPartyId = fact.SubjectPartyId, key = fact.Key, byPartyId = by },
            fact.SharedWithSubject ? [fact.OwnerPartyId, fact.SubjectPartyId] : [fact.OwnerPartyId]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<FactDto>.Stale();
        }
        return Outcome<FactDto>.Ok((await FactDto.ManyAsync(db, [fact], now, ct))[0]);
    }
}
