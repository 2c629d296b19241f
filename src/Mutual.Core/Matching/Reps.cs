using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Matching;

/// <summary>One of an organization's people; only one whose account acts for it has answers that may be compared.</summary>
internal sealed record Rep(Guid PartyId, bool HasAccount);

/// <summary>
/// Who may be an organization's contact person: a person whose account acts for it, or a person with an active
/// works-for relationship to it recorded by the organization itself or by whoever holds its record (the same
/// authority an invitation needs), so that nobody else can plant people in its list. Read as the system, because
/// accounts are private to themselves; only the organization's own people leave.
/// </summary>
internal static class Reps
{
    public static async Task<List<Rep>> OfAsync(MutualDbContext system, Guid organization, DateTime now, CancellationToken ct)
    {
        var withAccount = await system.Accounts.AsNoTracking().Where(a => a.ActingPartyId == organization && a.PersonPartyId != organization)
            .Select(a => a.PersonPartyId).Distinct().ToListAsync(ct);
        var holder = await system.Parties.AsNoTracking().Where(p => p.Id == organization).Select(p => p.OwnerPartyId).FirstOrDefaultAsync(ct);
        var employed = await system.Relationships.AsNoTracking()
            .Where(r => r.ToPartyId == organization && r.Kind == "works-for" && (r.OwnerPartyId == organization || r.OwnerPartyId == holder)
                && r.Since <= now && (r.Until == null || r.Until > now)
                && system.Parties.Any(p => p.Id == r.FromPartyId && p.Kind == PartyKind.Person))
            .Select(r => r.FromPartyId).Distinct().ToListAsync(ct);
        return withAccount.Select(id => new Rep(id, true))
            .Concat(employed.Except(withAccount).Select(id => new Rep(id, false))).ToList();
    }
}
