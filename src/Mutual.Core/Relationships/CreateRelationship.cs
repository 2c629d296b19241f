using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Relationships;

public sealed record CreateRelationshipRequest(Guid? FromPartyId, Guid? ToPartyId, string? Kind, DateTime? Since);

/// <summary>Records a relationship between two parties the actor can see, in the actor's book.</summary>
public sealed class CreateRelationshipHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<RelationshipDto>> HandleAsync(CreateRelationshipRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        var now = clock.GetUtcNow().UtcDateTime;
        var since = RelationshipRules.Check(v, request.FromPartyId, request.ToPartyId, request.Kind, request.Since, now);
        if (!v.IsValid) return v.Fail<RelationshipDto>();

        var from = request.FromPartyId!.Value;
        var to = request.ToPartyId!.Value;
        var visible = await db.Parties.Where(p => p.Id == from || p.Id == to).Select(p => p.Id).ToListAsync(ct);
        if (!visible.Contains(from)) return Outcome<RelationshipDto>.NotFound("No such party: fromPartyId.");
        if (!visible.Contains(to)) return Outcome<RelationshipDto>.NotFound("No such party: toPartyId.");

        var duplicate = await db.Relationships.AnyAsync(r =>
            r.FromPartyId == from && r.ToPartyId == to && r.Kind == request.Kind && (r.Until == null || r.Until > now), ct);
        if (duplicate) return Outcome<RelationshipDto>.Conflict("This relationship already exists and has not ended.");

        var (relationship, started) = RelationshipRules.New(from, to, request.Kind!, since, db.ActingPartyId, now);
        db.Relationships.Add(relationship);
        db.RelationshipEvents.Add(started);
        db.Outbox.Add(OutboxMessage.Create("relationship.created", now,
            new { relationshipId = relationship.Id, fromPartyId = from, toPartyId = to, kind = relationship.Kind, since },
            [relationship.OwnerPartyId, from, to]));
        await db.SaveChangesAsync(ct);
        var names = await PartyNames.LoadAsync(db, [from, to], ct);
        return Outcome<RelationshipDto>.Ok(RelationshipDto.From(relationship, names, now));
    }
}
