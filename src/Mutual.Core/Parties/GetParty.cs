using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Parties;

public sealed class GetPartyHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PartyDto>> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (party is null) return Outcome<PartyDto>.NotFound("No such party.");
        var roles = await PartyRoles.LoadAsync(db, [party.Id], clock.GetUtcNow().UtcDateTime, ct);
        return Outcome<PartyDto>.Ok(PartyDto.From(party, db.Actor, roles[party.Id]));
    }
}
