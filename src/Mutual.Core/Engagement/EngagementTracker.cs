using Microsoft.EntityFrameworkCore;
using Mutual.Core.Conversations;
using Mutual.Core.Data;

namespace Mutual.Core.Engagement;

/// <summary>
/// Keeps <see cref="EngagementLink"/>s current as messages are written, in the same save. A message is
/// one side speaking to every other participant: for each of them it is "ours" on the speaker's link and
/// "theirs" on theirs. This is bookkeeping for every participant's book, so it reads links past the
/// owner-only filter; it only ever touches links between the participants of the conversation at hand.
/// </summary>
public static class EngagementTracker
{
    public static async Task RecordAsync(MutualDbContext db, IReadOnlyCollection<Guid> participantPartyIds, Message message, CancellationToken ct)
    {
        // The side speaking is the party the author acted for when it takes part, else the author in person.
        var side = participantPartyIds.Contains(message.OnBehalfOfPartyId) ? message.OnBehalfOfPartyId
            : participantPartyIds.Contains(message.AuthorPartyId) ? message.AuthorPartyId
            : message.OnBehalfOfPartyId;
        var others = participantPartyIds.Where(p => p != side).Distinct().ToList();
        if (others.Count == 0) return;

        var links = await db.Set<EngagementLink>().IgnoreQueryFilters()
            .Where(l => (l.OwnerPartyId == side && others.Contains(l.CounterpartPartyId))
                || (others.Contains(l.OwnerPartyId) && l.CounterpartPartyId == side))
            .ToListAsync(ct);
        var meeting = message.Channel is Channels.Call or Channels.Meeting;
        var touched = new List<EngagementLink>();
        foreach (var other in others)
        {
            var ours = Find(db, links, side, other);
            ours.LastOursAt = Later(ours.LastOursAt, message.OccurredAt);
            var theirs = Find(db, links, other, side);
            theirs.LastTheirsAt = Later(theirs.LastTheirsAt, message.OccurredAt);
            if (meeting)
            {
                ours.LastCallOrMeetingAt = Later(ours.LastCallOrMeetingAt, message.OccurredAt);
                theirs.LastCallOrMeetingAt = Later(theirs.LastCallOrMeetingAt, message.OccurredAt);
            }
            touched.Add(ours);
            touched.Add(theirs);
        }
        var cadences = await CadencesAsync(db, touched.Where(l => l.Tier is not null).Select(l => l.OwnerPartyId), ct);
        foreach (var link in touched) link.Recompute(Cadence(cadences, link));
    }

    /// <summary>Each owner's tier cadences: its own tiers over the defaults.</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, int>>> CadencesAsync(MutualDbContext db, IEnumerable<Guid> owners, CancellationToken ct)
    {
        var ids = owners.Distinct().ToList();
        var result = ids.ToDictionary(id => id, _ => new Dictionary<string, int>(EngagementRules.DefaultTiers, StringComparer.Ordinal));
        if (ids.Count == 0) return result;
        var tiers = await db.Set<EngagementTier>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => ids.Contains(t.OwnerPartyId)).ToListAsync(ct);
        foreach (var t in tiers) result[t.OwnerPartyId][t.Name] = t.CadenceDays;
        return result;
    }

    public static int? Cadence(Dictionary<Guid, Dictionary<string, int>> cadences, EngagementLink link) =>
        link.Tier is { } tier && cadences.TryGetValue(link.OwnerPartyId, out var byName) && byName.TryGetValue(tier, out var days) ? days : null;

    private static EngagementLink Find(MutualDbContext db, List<EngagementLink> links, Guid owner, Guid counterpart)
    {
        var link = links.FirstOrDefault(l => l.OwnerPartyId == owner && l.CounterpartPartyId == counterpart);
        if (link is not null) return link;
        link = new EngagementLink { OwnerPartyId = owner, CounterpartPartyId = counterpart };
        db.Set<EngagementLink>().Add(link);
        links.Add(link);
        return link;
    }

    private static DateTime Later(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;
}
