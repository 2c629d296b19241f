using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Relationships;

public sealed class RelationshipQueries(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<RelationshipDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var r = await db.Relationships.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Outcome<RelationshipDto>.NotFound("No such relationship.");
        var names = await PartyNames.LoadAsync(db, [r.FromPartyId, r.ToPartyId], ct);
        return Outcome<RelationshipDto>.Ok(RelationshipDto.From(r, names, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Both directions of a party's relationships that the actor may see, oldest first; ended ones too unless activeOnly.</summary>
    public async Task<Outcome<Page<RelationshipDto>>> ForPartyAsync(Guid partyId, bool activeOnly, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (!v.IsValid) return v.Fail<Page<RelationshipDto>>();
        if (!await db.Parties.AnyAsync(p => p.Id == partyId, ct)) return Outcome<Page<RelationshipDto>>.NotFound("No such party.");

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Relationships.AsNoTracking().Where(r => r.FromPartyId == partyId || r.ToPartyId == partyId);
        if (activeOnly) query = query.Where(r => r.Since <= now && (r.Until == null || r.Until > now));
        if (page.AfterGuid(0) is { } after) query = query.Where(r => r.Id.CompareTo(after) > 0);
        var rows = await query.OrderBy(r => r.Id).Take(page.Limit + 1).ToListAsync(ct);
        var result = page.ToPage(rows, r => PageRequest.Encode(r.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, result.Items.SelectMany(r => new[] { r.FromPartyId, r.ToPartyId }), ct);
        return Outcome<Page<RelationshipDto>>.Ok(new Page<RelationshipDto>(
            result.Items.Select(r => RelationshipDto.From(r, names, now, partyId)).ToList(), result.NextCursor));
    }
}
