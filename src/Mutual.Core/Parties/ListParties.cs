using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Relationships;

namespace Mutual.Core.Parties;

public sealed record ListPartiesRequest(string? Q, string? Role, string? Tag, string? Kind, int? Limit, string? Cursor);

/// <summary>
/// The acting party's book (the parties it owns, and itself), by name. Member parties of other books
/// are not listed here but in the directory, so a search never matches what the actor may not see.
/// </summary>
public sealed class ListPartiesHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Page<PartyDto>>> HandleAsync(ListPartiesRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, request.Limit, request.Cursor, "sg");
        if (request.Role is not null && !RelationshipKinds.Roles.Contains(request.Role))
            v.Add("role", $"'role' must be one of: {string.Join(", ", RelationshipKinds.Roles)}.");
        PartyKind? kind = null;
        if (request.Kind is not null)
        {
            if (PartyRules.TryParseKind(request.Kind, out var k)) kind = k;
            else v.Add("kind", "'kind' must be 'person' or 'organization'.");
        }
        if (!v.IsValid) return v.Fail<Page<PartyDto>>();

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = db.Actor;
        var words = PartySearch.Words(request.Q);
        await using var plans = await CustomPlans.BeginAsync(db, words.Count > 0, ct);
        // A common word walks the book in name order (SQLite only; see PartySearch.Match). The rare-role path reads its
        // few candidates by key, so it keeps the match as the driver; the actor's own one or two records are each checked.
        var walk = request.Role is null && await PartySearch.MatchesManyAsync(db, words, SearchWalkAbove, ct);
        IQueryable<Party> Filtered(SearchPlan plan)
        {
            var query = words.Count > 0 ? PartySearch.Match(db, words, namesOnly: false, plan) : db.Parties;
            if (kind is { } kk) query = query.Where(p => p.Kind == kk);
            if (!string.IsNullOrWhiteSpace(request.Tag))
            {
                var tag = request.Tag.Trim().ToLowerInvariant();
                query = query.Where(p => p.Tags.Contains(tag));
            }
            if (page.AfterString(0) is { } afterName && page.AfterGuid(1) is { } afterId)
                query = query.Where(p => string.Compare(p.Name, afterName) > 0 || (p.Name == afterName && p.Id.CompareTo(afterId) > 0));
            return query;
        }
        var query = Filtered(walk ? SearchPlan.WalkIndex : SearchPlan.ReadMatches);
        List<Party> rows;
        var (fromKinds, toKinds) = request.Role is { } role ? RelationshipKinds.KindsForRole(role) : ([], []);
        var few = request.Role is null ? null : await RoleInAsync(fromKinds, toKinds, now, actor, ct);
        if (few is not null)
        {
            // The role is rare: its parties are a small set of ids, read by key and sorted (book and selves at once).
            rows = await query.AsNoTracking().Where(p => few.Contains(p.Id)
                    && (p.OwnerPartyId == actor.PartyId || p.Id == actor.PartyId || p.Id == actor.PersonPartyId))
                .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(page.Limit + 1).ToListAsync(ct);
        }
        else
        {
            IQueryable<Party> PlayingRole(IQueryable<Party> q) => request.Role is null ? q : q.Where(p => db.Relationships.Any(r =>
                r.Since <= now && (r.Until == null || r.Until > now)
                && ((r.FromPartyId == p.Id && fromKinds.Contains(r.Kind)) || (r.ToPartyId == p.Id && toKinds.Contains(r.Kind)))));
            // The book is one ordered range of the (OwnerPartyId, Name, Id) index, read only as far as the page needs; the
            // actor's own records (an individual's own profile is in no one's book) are at most two rows, read on their
            // own. One query with an OR would make the store collect and sort the whole book first.
            var book = words.Count > 0 && db.IsPostgres() && request.Role is null && string.IsNullOrWhiteSpace(request.Tag)
                ? await SearchBookAsync(words, kind, page, actor, ct)
                : await PlayingRole(query).AsNoTracking().Where(p => p.OwnerPartyId == actor.PartyId)
                    .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(page.Limit + 1).ToListAsync(ct);
            var selves = await PlayingRole(Filtered(SearchPlan.CheckEach)).AsNoTracking().Where(p => p.OwnerPartyId != actor.PartyId && (p.Id == actor.PartyId || p.Id == actor.PersonPartyId))
                .ToListAsync(ct);
            rows = book.Concat(selves).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Take(page.Limit + 1).ToList();
        }
        var result = page.ToPage(rows, p => PageRequest.Encode(p.Name, p.Id.ToString()));
        var roles = await PartyRoles.LoadAsync(db, result.Items.Select(p => p.Id).ToList(), now, ct);
        return Outcome<Page<PartyDto>>.Ok(new Page<PartyDto>(
            result.Items.Select(p => PartyDto.From(p, actor, roles[p.Id])).ToList(), result.NextCursor));
    }

    /// <summary>A PostgreSQL search's page of the book: its ids found as <see cref="PartySearch.BookPageAsync"/> says, then its rows.</summary>
    private async Task<List<Party>> SearchBookAsync(IReadOnlyList<string> words, PartyKind? kind, PageRequest page, Actor actor, CancellationToken ct)
    {
        var cursor = page.AfterString(0) is not null && page.AfterGuid(1) is not null;
        var ids = await PartySearch.BookPageAsync(db, actor.PartyId, words, kind,
            cursor ? page.AfterString(0) : null, cursor ? page.AfterGuid(1) : null, page.Limit + 1, SearchWalkProbe, ct);
        var rows = await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return ids.Where(rows.ContainsKey).Select(i => rows[i]).ToList();
    }

    /// <summary>Above how many matches in the network a search walks the book in name order (SQLite; PartySearch.Match).</summary>
    public int SearchWalkAbove { get; init; } = PartySearch.ManyMatches;

    /// <summary>How many entries of the book a PostgreSQL search walks before it reads the matches (PartySearch.BookPageAsync).</summary>
    public int SearchWalkProbe { get; init; } = PartySearch.WalkProbe;

    /// <summary>How many relationships the role's probe reads at most before the list walks the book instead.</summary>
    public int RoleProbeLimit { get; init; } = 2000;

    /// <summary>
    /// Walking the book by name and probing each party's relationships is fast when the role is common and reads the
    /// whole book when it is rare. So first read from the relationships' side (the role's kinds, active, visible to the
    /// actor: the (OwnerPartyId, Kind), (FromPartyId, Kind) and (ToPartyId, Kind) indexes) the listable parties that
    /// play the role, at most <see cref="RoleProbeLimit"/> relationships. If that was all of them, they are the
    /// candidates (a small set); if not, the role is common and the walk finds a page soon (null).
    /// </summary>
    private async Task<List<Guid>?> RoleInAsync(string[] fromKinds, string[] toKinds, DateTime now, Actor actor, CancellationToken ct)
    {
        var active = db.Relationships.Where(r => r.Since <= now && (r.Until == null || r.Until > now));
        Guid me = actor.PartyId, person = actor.PersonPartyId;
        // Each visible side of the access filter as its own index range (its OR as one condition is a scan): the actor's own
        // relationships by (OwnerPartyId, Kind), and those with the actor at either end by (FromPartyId|ToPartyId, Kind).
        IQueryable<Guid> Side(string[] kinds, bool from)
        {
            var ofKind = active.Where(r => kinds.Contains(r.Kind));
            IQueryable<Guid> Ends(IQueryable<Relationship> q) => from ? q.Select(r => r.FromPartyId) : q.Select(r => r.ToPartyId);
            return Ends(ofKind.Where(r => r.OwnerPartyId == me))
                .Concat(Ends(ofKind.Where(r => r.FromPartyId == me || r.FromPartyId == person)))
                .Concat(Ends(ofKind.Where(r => r.ToPartyId == me || r.ToPartyId == person)));
        }
        var candidates = fromKinds.Length == 0 ? Side(toKinds, false) : toKinds.Length == 0 ? Side(fromKinds, true)
            : Side(fromKinds, true).Concat(Side(toKinds, false));
        var found = await candidates
            .Where(id => db.Parties.Any(p => p.Id == id
                && (p.OwnerPartyId == actor.PartyId || p.Id == actor.PartyId || p.Id == actor.PersonPartyId)))
            .Take(RoleProbeLimit + 1).ToListAsync(ct);
        return found.Count > RoleProbeLimit ? null : found.Distinct().ToList();
    }
}
