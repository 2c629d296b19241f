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
        var query = db.Relationships.AsNoTracking();
        if (activeOnly) query = query.Where(r => r.Since <= now && (r.Until == null || r.Until > now));
        if (page.AfterGuid(0) is { } after) query = query.Where(r => r.Id.CompareTo(after) > 0);
        // One Id-ordered range of the (FromPartyId, Id) and (ToPartyId, Id) indexes per end, merged here: with
        // "from = p OR to = p" the store read and sorted all of a hub's ~250,000 relationships for every page. The
        // ends are disjoint (a relationship of the party with itself counts as from). Guid order is the stores'.
        var from = await Oldest(query.Where(r => r.FromPartyId == partyId), page.Limit + 1, ct);
        var to = await Oldest(query.Where(r => r.ToPartyId == partyId && r.FromPartyId != partyId), page.Limit + 1, ct);
        var rows = from.Concat(to).OrderBy(r => r.Id).Take(page.Limit + 1).ToList();
        var result = page.ToPage(rows, r => PageRequest.Encode(r.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, result.Items.SelectMany(r => new[] { r.FromPartyId, r.ToPartyId }), ct);
        return Outcome<Page<RelationshipDto>>.Ok(new Page<RelationshipDto>(
            result.Items.Select(r => RelationshipDto.From(r, names, now, partyId)).ToList(), result.NextCursor));
    }

    private static Task<List<Relationship>> Oldest(IQueryable<Relationship> q, int take, CancellationToken ct) =>
        q.OrderBy(r => r.Id).Take(take).ToListAsync(ct);
}
