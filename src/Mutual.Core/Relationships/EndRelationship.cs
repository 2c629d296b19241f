using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Relationships;

public sealed record EndRelationshipRequest(DateTime? Until);

/// <summary>Ends a relationship; it stays on record with its dates. Only the book it is in may end it.</summary>
public sealed class EndRelationshipHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<RelationshipDto>> HandleAsync(Guid id, EndRelationshipRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var r = await db.Relationships.FirstOrDefaultAsync(x => x.Id == id && x.OwnerPartyId == db.Actor.PartyId, ct);
        if (r is null) return Outcome<RelationshipDto>.NotFound("No such relationship.");
        if (expectedVersion is { } ev && ev != r.Version) return Outcome<RelationshipDto>.Stale();
        var now = clock.GetUtcNow().UtcDateTime;
        if (r.Until is not null && r.Until <= now) return Outcome<RelationshipDto>.Unprocessable("This relationship has already ended.");
        var until = request.Until?.ToUniversalTime() ?? now;
        if (until < r.Since) return Outcome<RelationshipDto>.Invalid("until", "'until' must not be before 'since'.");
        if (until > now) return Outcome<RelationshipDto>.Invalid("until", "'until' must not be in the future.");

        r.Until = until;
        r.Version++;
        db.RelationshipEvents.Add(RelationshipEvent.Of(r, RelationshipEvent.Ended, until));
        db.Outbox.Add(OutboxMessage.Create("relationship.ended", now,
            new { relationshipId = r.Id, fromPartyId = r.FromPartyId, toPartyId = r.ToPartyId, kind = r.Kind, until },
            [r.OwnerPartyId, r.FromPartyId, r.ToPartyId]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<RelationshipDto>.Stale();
        }
        var names = await PartyNames.LoadAsync(db, [r.FromPartyId, r.ToPartyId], ct);
        return Outcome<RelationshipDto>.Ok(RelationshipDto.From(r, names, now));
    }
}
