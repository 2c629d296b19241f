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
    public static Task RecordAsync(MutualDbContext db, IReadOnlyCollection<Guid> participantPartyIds, Message message, CancellationToken ct) =>
        RecordAllAsync(db, [(participantPartyIds, message)], ct);

    /// <summary>Several messages, in order, with one read of the links between their sides and audiences.</summary>
    public static async Task RecordAllAsync(MutualDbContext db, IReadOnlyList<(IReadOnlyCollection<Guid> Participants, Message Message)> messages, CancellationToken ct)
    {
        var spoken = messages.Select(m => (Side: Side(m.Participants, m.Message), m.Participants, m.Message))
            .Select(m => (m.Side, Others: m.Participants.Where(p => p != m.Side).Distinct().ToList(), m.Message))
            .Where(m => m.Others.Count > 0).ToList();
        if (spoken.Count == 0) return;

        var sides = spoken.Select(m => m.Side).Distinct().ToList();
        var others = spoken.SelectMany(m => m.Others).Distinct().ToList();
        // With several sides this reads a few links no message touches; they stay as they are.
        var links = (await db.Set<EngagementLink>().IgnoreQueryFilters()
            .Where(l => (sides.Contains(l.OwnerPartyId) && others.Contains(l.CounterpartPartyId))
                || (others.Contains(l.OwnerPartyId) && sides.Contains(l.CounterpartPartyId)))
            .ToListAsync(ct)).ToDictionary(l => (l.OwnerPartyId, l.CounterpartPartyId));
        var touched = new HashSet<EngagementLink>(ReferenceEqualityComparer.Instance);
        foreach (var (side, audience, message) in spoken)
        {
            var meeting = message.Channel is Channels.Call or Channels.Meeting;
            foreach (var other in audience)
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
        }
        var cadences = await CadencesAsync(db, touched.Where(l => l.Tier is not null).Select(l => l.OwnerPartyId), ct);
        foreach (var link in touched) link.Recompute(Cadence(cadences, link));
    }

    // The side speaking is the party the author acted for when it takes part, else the author in person.
    private static Guid Side(IReadOnlyCollection<Guid> participants, Message message) =>
        participants.Contains(message.OnBehalfOfPartyId) ? message.OnBehalfOfPartyId
        : participants.Contains(message.AuthorPartyId) ? message.AuthorPartyId
        : message.OnBehalfOfPartyId;

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

    // A link the batch has not read is new; once added it is found like the others, so two messages never add it twice.
    private static EngagementLink Find(MutualDbContext db, Dictionary<(Guid, Guid), EngagementLink> links, Guid owner, Guid counterpart)
    {
        if (links.TryGetValue((owner, counterpart), out var link)) return link;
        link = new EngagementLink { OwnerPartyId = owner, CounterpartPartyId = counterpart };
        db.Set<EngagementLink>().Add(link);
        links[(owner, counterpart)] = link;
        return link;
    }

    private static DateTime Later(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;
}
