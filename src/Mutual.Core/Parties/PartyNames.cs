using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Parties;

/// <summary>
/// The one place that reads parties past the access rule: the names and kinds of the other parties
/// in a record the actor already sees (co-participants of a conversation, the far end of a relationship,
/// the author of a message). Callers pass only ids taken from such visible records.
/// </summary>
public static class PartyNames
{
    public static async Task<Dictionary<Guid, PartyRef>> LoadAsync(MutualDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var rows = await db.Parties.IgnoreQueryFilters()
            .Where(p => wanted.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Kind })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new PartyRef(r.Id, r.Name, PartyRules.KindName(r.Kind)));
    }

    public static PartyRef Get(this Dictionary<Guid, PartyRef> names, Guid id) =>
        names.TryGetValue(id, out var r) ? r : new PartyRef(id, "Unknown party", "organization");
}
