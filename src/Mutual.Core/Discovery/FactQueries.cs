using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Discovery;

public sealed class FactQueries(MutualDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<FactDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var f = await db.Facts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return f is null ? Outcome<FactDto>.NotFound("No such fact.") : Outcome<FactDto>.Ok((await FactDto.ManyAsync(db, [f], Now, ct))[0]);
    }

    /// <summary>The facts about a party that the actor may see, by key.</summary>
    public async Task<Outcome<Page<FactDto>>> AboutPartyAsync(Guid partyId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "sg");
        if (!v.IsValid) return v.Fail<Page<FactDto>>();
        if (!await db.Parties.AnyAsync(p => p.Id == partyId, ct)) return Outcome<Page<FactDto>>.NotFound("No such party.");
        var q = db.Facts.AsNoTracking().Where(f => f.SubjectPartyId == partyId);
        if (page.AfterString(0) is { } key && page.AfterGuid(1) is { } id)
            q = q.Where(f => string.Compare(f.Key, key) > 0 || (f.Key == key && f.Id.CompareTo(id) > 0));
        var rows = await q.OrderBy(f => f.Key).ThenBy(f => f.Id).Take(page.Limit + 1).ToListAsync(ct);
        return await PageAsync(page, rows, f => PageRequest.Encode(f.Key, f.Id.ToString()), ct);
    }

    /// <summary>"What they know about us": facts other parties recorded about the actor and shared with it.</summary>
    public async Task<Outcome<Page<FactDto>>> SharedWithMeAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "sg");
        if (!v.IsValid) return v.Fail<Page<FactDto>>();
        var actor = db.Actor;
        var q = db.Facts.AsNoTracking().Where(f => f.SharedWithSubject && f.OwnerPartyId != actor.PartyId
            && (f.SubjectPartyId == actor.PartyId || f.SubjectPartyId == actor.PersonPartyId));
        if (page.AfterString(0) is { } key && page.AfterGuid(1) is { } id)
            q = q.Where(f => string.Compare(f.Key, key) > 0 || (f.Key == key && f.Id.CompareTo(id) > 0));
        var rows = await q.OrderBy(f => f.Key).ThenBy(f => f.Id).Take(page.Limit + 1).ToListAsync(ct);
        return await PageAsync(page, rows, f => PageRequest.Encode(f.Key, f.Id.ToString()), ct);
    }

    /// <summary>The actor's stale facts, the longest expired first: the re-discovery queue.</summary>
    public async Task<Outcome<Page<FactDto>>> StaleAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (!v.IsValid) return v.Fail<Page<FactDto>>();
        var owner = db.Actor.PartyId;
        var now = Now;
        var q = db.Facts.AsNoTracking().Where(f => f.OwnerPartyId == owner && f.ExpiresAt <= now);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } id)
            q = q.Where(f => f.ExpiresAt > at || (f.ExpiresAt == at && f.Id.CompareTo(id) > 0));
        var rows = await q.OrderBy(f => f.ExpiresAt).ThenBy(f => f.Id).Take(page.Limit + 1).ToListAsync(ct);
        return await PageAsync(page, rows, f => PageRequest.Encode(PageRequest.Ticks(f.ExpiresAt), f.Id.ToString()), ct);
    }

    /// <summary>A fact's history of values and confirmations, oldest first.</summary>
    public async Task<Outcome<Page<FactRevisionDto>>> HistoryAsync(Guid factId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (!v.IsValid) return v.Fail<Page<FactRevisionDto>>();
        if (!await db.Facts.AnyAsync(f => f.Id == factId, ct)) return Outcome<Page<FactRevisionDto>>.NotFound("No such fact.");
        var q = db.FactRevisions.AsNoTracking().Where(r => r.FactId == factId);
        if (page.AfterGuid(0) is { } after) q = q.Where(r => r.Id.CompareTo(after) > 0);
        var rows = await q.OrderBy(r => r.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, r => PageRequest.Encode(r.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.Select(r => r.ByPartyId), ct);
        return Outcome<Page<FactRevisionDto>>.Ok(new Page<FactRevisionDto>(
            cut.Items.Select(r => new FactRevisionDto(r.Id, r.Kind, r.Value, r.At, names.Get(r.ByPartyId))).ToList(), cut.NextCursor));
    }

    private async Task<Outcome<Page<FactDto>>> PageAsync(PageRequest page, List<Fact> rows, Func<Fact, string> cursorOf, CancellationToken ct)
    {
        var cut = page.ToPage(rows, cursorOf);
        return Outcome<Page<FactDto>>.Ok(new Page<FactDto>(await FactDto.ManyAsync(db, cut.Items, Now, ct), cut.NextCursor));
    }
}
