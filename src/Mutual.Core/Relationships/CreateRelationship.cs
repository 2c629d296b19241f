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
        if (request.FromPartyId is null || request.FromPartyId == Guid.Empty) v.Add("fromPartyId", "'fromPartyId' is required.");
        if (request.ToPartyId is null || request.ToPartyId == Guid.Empty) v.Add("toPartyId", "'toPartyId' is required.");
        if (!RelationshipKinds.TryGet(request.Kind, out _))
            v.Add("kind", $"'kind' must be one of: {string.Join(", ", RelationshipKinds.All.Select(k => k.Name))}.");
        if (request.FromPartyId is { } f && f == request.ToPartyId) v.Add("toPartyId", "A party cannot have a relationship with itself.");
        var now = clock.GetUtcNow().UtcDateTime;
        var since = request.Since?.ToUniversalTime() ?? now;
        if (since > now.AddDays(366)) v.Add("since", "'since' is too far in the future.");
        if (!v.IsValid) return v.Fail<RelationshipDto>();

        var from = request.FromPartyId!.Value;
        var to = request.ToPartyId!.Value;
        var visible = await db.Parties.Where(p => p.Id == from || p.Id == to).Select(p => p.Id).ToListAsync(ct);
        if (!visible.Contains(from)) return Outcome<RelationshipDto>.NotFound("No such party: fromPartyId.");
        if (!visible.Contains(to)) return Outcome<RelationshipDto>.NotFound("No such party: toPartyId.");

        var duplicate = await db.Relationships.AnyAsync(r =>
            r.FromPartyId == from && r.ToPartyId == to && r.Kind == request.Kind && (r.Until == null || r.Until > now), ct);
        if (duplicate) return Outcome<RelationshipDto>.Conflict("This relationship already exists and has not ended.");

        var relationship = new Relationship
        {
            FromPartyId = from,
            ToPartyId = to,
            Kind = request.Kind!,
            Since = since,
            OwnerPartyId = db.ActingPartyId,
            CreatedAt = now,
        };
        db.Relationships.Add(relationship);
        db.RelationshipEvents.Add(new RelationshipEvent { RelationshipId = relationship.Id, Type = RelationshipEvent.Started, OccurredAt = since });
        db.Outbox.Add(OutboxMessage.Create("relationship.created", now,
            new { relationshipId = relationship.Id, fromPartyId = from, toPartyId = to, kind = relationship.Kind, since },
            [relationship.OwnerPartyId, from, to]));
        await db.SaveChangesAsync(ct);
        var names = await PartyNames.LoadAsync(db, [from, to], ct);
        return Outcome<RelationshipDto>.Ok(RelationshipDto.From(relationship, names, now));
    }
}
