using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Parties;

public sealed record CreatePartyRequest(
    string? Kind, string? Name, List<string?>? Emails, List<string?>? Phones, string? Website, List<string?>? Tags, string? PublicProfile = null);

/// <summary>Adds a person or organization to the acting party's book.</summary>
public sealed class CreatePartyHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PartyDto>> HandleAsync(CreatePartyRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        var now = clock.GetUtcNow().UtcDateTime;
        var party = PartyRules.NewParty(v, request, db.ActingPartyId, now);
        if (party is null) return v.Fail<PartyDto>();
        db.Parties.Add(party);
        db.Outbox.Add(OutboxMessage.Create("party.created", now, new { partyId = party.Id, party.Name, kind = request.Kind }, [party.OwnerPartyId]));
        await db.SaveChangesAsync(ct);
        return Outcome<PartyDto>.Ok(PartyDto.From(party, db.Actor));
    }
}
