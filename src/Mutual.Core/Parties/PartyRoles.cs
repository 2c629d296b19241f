using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Relationships;

namespace Mutual.Core.Parties;

/// <summary>Roles come from the active relationships the actor can see: a customer is whoever is customer-of someone.</summary>
public static class PartyRoles
{
    public static async Task<Dictionary<Guid, List<string>>> LoadAsync(MutualDbContext db, IReadOnlyCollection<Guid> partyIds, DateTime now, CancellationToken ct)
    {
        var result = partyIds.Distinct().ToDictionary(id => id, _ => new List<string>());
        if (result.Count == 0) return result;
        var ids = result.Keys.ToList();
        var rows = await db.Relationships
            .Where(r => (ids.Contains(r.FromPartyId) || ids.Contains(r.ToPartyId)) && r.Since <= now && (r.Until == null || r.Until > now))
            .Select(r => new { r.FromPartyId, r.ToPartyId, r.Kind })
            .ToListAsync(ct);
        foreach (var r in rows)
        {
            if (!RelationshipKinds.TryGet(r.Kind, out var kind)) continue;
            if (kind.FromRole is { } fr && result.TryGetValue(r.FromPartyId, out var fromRoles) && !fromRoles.Contains(fr)) fromRoles.Add(fr);
            if (kind.ToRole is { } tr && result.TryGetValue(r.ToPartyId, out var toRoles) && !toRoles.Contains(tr)) toRoles.Add(tr);
        }
        foreach (var list in result.Values) list.Sort(StringComparer.Ordinal);
        return result;
    }
}
