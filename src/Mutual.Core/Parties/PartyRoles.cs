using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Relationships;

namespace Mutual.Core.Parties;

/// <summary>Roles come from the active relationships the actor can see: a customer is whoever is customer-of someone.</summary>
public static class PartyRoles
{
    /// <summary>The kinds that give the party at their from-end, and at their to-end, a role (knows gives none).</summary>
    private static readonly string[] FromKinds = RelationshipKinds.All.Where(k => k.FromRole is not null).Select(k => k.Name).ToArray();
    private static readonly string[] ToKinds = RelationshipKinds.All.Where(k => k.ToRole is not null).Select(k => k.Name).ToArray();

    /// <summary>
    /// The distinct (party, kind) pairs at each end, read through the (FromPartyId, Kind) and (ToPartyId, Kind) indexes
    /// for the kinds that give a role only: most of a person's relationships are knows, which gives none. A hub still has
    /// every relationship of a role-giving kind at its end read (a 20,000-employee employer, for one "employer" chip); one
    /// EXISTS per party and kind would stop at the first, but its statement took SQLite ~0.25 ms more to prepare than a
    /// typical party's whole read (docs/performance.md). The ids go as one parameter: as fifty (EF 10's default) EF
    /// rewrote the statement's two IN lists for every execution (20k SQLite list: 697–721 → 863–891 req/s with one).
    /// </summary>
    public static async Task<Dictionary<Guid, List<string>>> LoadAsync(MutualDbContext db, IReadOnlyCollection<Guid> partyIds, DateTime now, CancellationToken ct)
    {
        var result = partyIds.Distinct().ToDictionary(id => id, _ => new List<string>());
        if (result.Count == 0) return result;
        var ids = result.Keys.ToList();
        var active = db.Relationships.Where(r => r.Since <= now && (r.Until == null || r.Until > now));
        var ends = await active.Where(r => EF.Parameter(ids).Contains(r.FromPartyId) && FromKinds.Contains(r.Kind))
            .Select(r => new { PartyId = r.FromPartyId, r.Kind, AtFrom = true }).Distinct()
            .Concat(active.Where(r => EF.Parameter(ids).Contains(r.ToPartyId) && ToKinds.Contains(r.Kind))
                .Select(r => new { PartyId = r.ToPartyId, r.Kind, AtFrom = false }).Distinct())
            .ToListAsync(ct);
        foreach (var end in ends)
        {
            var kind = RelationshipKinds.Get(end.Kind);
            var role = end.AtFrom ? kind.FromRole! : kind.ToRole!;
            var roles = result[end.PartyId];
            if (!roles.Contains(role)) roles.Add(role);
        }
        foreach (var roles in result.Values) roles.Sort(StringComparer.Ordinal);
        return result;
    }
}
