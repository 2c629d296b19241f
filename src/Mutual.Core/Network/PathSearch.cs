using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Conversations;
using Mutual.Core.Data;

namespace Mutual.Core.Network;

public sealed record WarmPath(IReadOnlyList<PathHop> Hops, double Strength);

public sealed record PathsDto(IReadOnlyList<WarmPath> Paths);

/// <summary>
/// Warm introductions: the shortest chains of relationships the actor may see from one party to another, ranked by
/// the strength of their links. A link is worth 1 + ln(1 + n), n being the messages of the last 90 days in
/// conversations the actor sees in which both of its ends take part; a path is worth the geometric mean of its
/// links, so one cold link drags a chain down without a long chain winning on sheer number of links.
/// </summary>
public sealed class PathSearch(MutualDbContext db, NetworkIndex index, NetworkSync sync, TimeProvider clock)
{
    public const int DefaultMaxHops = 4;
    public const int MaxMaxHops = 6;
    public const int Candidates = 50;
    public const int Returned = 10;
    public static readonly TimeSpan DialogueWindow = TimeSpan.FromDays(90);

    public async Task<Outcome<PathsDto>> HandleAsync(Guid id, string? to, string? maxHops, CancellationToken ct = default)
    {
        var v = new Validation();
        Guid target = default;
        if (string.IsNullOrWhiteSpace(to)) v.Add("to", "'to' is required: the id of the party to reach.");
        else if (!Guid.TryParse(to, out target) || target == Guid.Empty) v.Add("to", "'to' must be a party id.");
        var hops = DefaultMaxHops;
        if (maxHops is not null && (!int.TryParse(maxHops, NumberStyles.None, CultureInfo.InvariantCulture, out hops) || hops < 1 || hops > MaxMaxHops))
            v.Add("maxHops", $"'maxHops' must be a whole number from 1 to {MaxMaxHops}.");
        if (!v.IsValid) return v.Fail<PathsDto>();

        var visible = await db.Parties.Where(p => p.Id == id || p.Id == target).Select(p => p.Id).ToListAsync(ct);
        if (!visible.Contains(id)) return Outcome<PathsDto>.NotFound("No such party.");
        if (!visible.Contains(target)) return Outcome<PathsDto>.NotFound("No such party: to.");

        return Outcome<PathsDto>.Ok(await FindAsync(id, target, hops, Returned, ct));
    }

    /// <summary>The ranked paths between two parties the caller has already checked the actor may see.</summary>
    public async Task<PathsDto> FindAsync(Guid source, Guid target, int maxHops, int take, CancellationToken ct = default)
    {
        // Read your own writes: apply whatever this node wrote since the last pass before walking.
        await sync.CatchUpAsync(lookback: false, ct);
        var actor = db.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var (candidates, degrees) = await index.WalkAsync((g, scratch) =>
        {
            var rule = new EdgeRule(actor.IsSystem,
                actor.IsSignedIn && g.TryGetNode(actor.PartyId, out var party) ? party : -1,
                actor.IsSignedIn && g.TryGetNode(actor.PersonPartyId, out var person) ? person : -1,
                NetworkIndex.Seconds(now));
            var paths = PathFinder.ShortestPaths(g, source, target, maxHops, rule, Candidates, scratch);
            var degrees = new Dictionary<Guid, int>();
            foreach (var hop in paths.SelectMany(p => p))
                foreach (var end in (ReadOnlySpan<Guid>)[hop.FromPartyId, hop.ToPartyId])
                    if (!degrees.ContainsKey(end) && g.TryGetNode(end, out var node)) degrees[end] = g.Degree(node);
            return (paths, degrees);
        }, ct);
        if (candidates.Count == 0) return new PathsDto([]);

        var counts = await RecentDialogueAsync(candidates.SelectMany(p => p).Select(h => Pair(h.FromPartyId, h.ToPartyId)).Distinct().ToList(), degrees, now, ct);
        // PathFinder gives each sequence of parties and kinds once, however many books record a link.
        return new PathsDto(candidates
            .Select(p => new WarmPath(p, Strength(p.Select(h => counts.GetValueOrDefault(Pair(h.FromPartyId, h.ToPartyId))))))
            .OrderBy(p => p.Hops.Count).ThenByDescending(p => p.Strength)
            .Take(take).ToList());
    }

    public static double Strength(IEnumerable<int> messageCounts)
    {
        double sum = 0;
        var n = 0;
        foreach (var c in messageCounts)
        {
            sum += Math.Log(1 + Math.Log(1 + c));
            n++;
        }
        return n == 0 ? 0 : Math.Round(Math.Exp(sum / n), 4);
    }

    /// <summary>
    /// Strength in words, for people (the number goes in a tooltip), from 0 (none) to 3 (strong). A link weighs
    /// 1 + ln(1 + n), so a path of strength s stands for about e^(s - 1) - 1 messages per link in the window:
    /// exactly 1 is no dialogue on any link; under 1.5 (under ~0.65 messages per link: say one link with a message
    /// and one without, 1.30) is little; under 2.5 (under ~3.5 per link; one message on every link is 1.69) is some;
    /// from 2.5 on (four or more per link) is strong. Decision 017 says the same.
    /// </summary>
    public static int StrengthLevel(double strength) => strength switch
    {
        <= 1 => 0,
        < 1.5 => 1,
        < 2.5 => 2,
        _ => 3,
    };

    public static string StrengthLabel(double strength) => StrengthLabels[StrengthLevel(strength)];

    private static readonly string[] StrengthLabels = ["No recent dialogue", "Little recent dialogue", "Some recent dialogue", "Strong recent dialogue"];

    /// <summary>
    /// Messages of the window per link, for all links at once: which recent conversations the actor sees both ends
    /// of each link take part in, then their message counts.
    /// </summary>
    private async Task<Dictionary<(Guid, Guid), int>> RecentDialogueAsync(List<(Guid A, Guid B)> pairs, Dictionary<Guid, int> degrees,
        DateTime now, CancellationToken ct)
    {
        var since = now - DialogueWindow;
        // Participant rows are read past the own-rows filter, as ConversationQueries does; the message counts below
        // carry the actor's filter, so only conversations the actor may see count. Which conversations two link ends
        // share is worked out here from the bare index rows: a hub takes part in thousands of conversations, and
        // asking the store about recent messages in each of them cost more than the whole walk.
        // Only conversations active in the window can hold its messages (a message is never later than its
        // conversation's last activity, give or take a logged call's clock), and the (PartyId, LastActivityAt) index
        // reads just those. Of each link the end with fewer relationships is read in full; the other end is only
        // probed for those conversations (by the key), so a link to a tenant hub, active in ~17,000 conversations at
        // a million parties, reads what its other end takes part in, not the hub's rows.
        var active = since - ConversationRules.FutureAllowance;
        // A hub's rows and a leaf's want different plans.
        await using var plans = await CustomPlans.BeginAsync(db, true, ct);
        int Degree(Guid party) => degrees.GetValueOrDefault(party);
        var drivers = pairs.Select(p => Degree(p.A) <= Degree(p.B) ? p.A : p.B).ToHashSet();
        var rows = await Participants().Where(p => drivers.Contains(p.PartyId) && p.LastActivityAt >= active)
            .Select(p => new { p.ConversationId, p.PartyId }).ToListAsync(ct);
        var byParty = rows.GroupBy(r => r.PartyId).ToDictionary(g => g.Key, g => g.Select(r => r.ConversationId).ToHashSet());
        var probed = pairs.SelectMany(p => new[] { p.A, p.B }).Where(x => !drivers.Contains(x)).ToHashSet();
        var probes = pairs.Where(p => probed.Contains(p.A) || probed.Contains(p.B))
            .SelectMany(p => byParty.GetValueOrDefault(drivers.Contains(p.A) ? p.A : p.B) ?? []).Distinct().ToList();
        if (probed.Count > 0 && probes.Count > 0)
        {
            var found = await Participants().Where(p => probed.Contains(p.PartyId) && probes.Contains(p.ConversationId) && p.LastActivityAt >= active)
                .Select(p => new { p.ConversationId, p.PartyId }).ToListAsync(ct);
            foreach (var g in found.GroupBy(r => r.PartyId)) byParty[g.Key] = g.Select(r => r.ConversationId).ToHashSet();
        }
        // Per link, the conversations both ends share: walk the smaller end's set and probe the larger.
        var shared = new List<(Guid Conversation, (Guid, Guid) Pair)>();
        foreach (var pair in pairs.Distinct())
        {
            if (!byParty.TryGetValue(pair.A, out var a) || !byParty.TryGetValue(pair.B, out var b)) continue;
            var (smaller, larger) = a.Count <= b.Count ? (a, b) : (b, a);
            foreach (var conversation in smaller)
                if (larger.Contains(conversation)) shared.Add((conversation, pair));
        }
        var result = new Dictionary<(Guid, Guid), int>();
        if (shared.Count == 0) return result;

        var ids = shared.Select(s => s.Conversation).Distinct().ToList();
        var messages = await db.Messages.AsNoTracking().InVisibleConversations(db, ids).Where(m => m.OccurredAt >= since && m.OccurredAt <= now)
            .GroupBy(m => m.ConversationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        foreach (var (conversation, pair) in shared)
            result[pair] = result.GetValueOrDefault(pair) + messages.GetValueOrDefault(conversation);
        return result;
    }

    private IQueryable<ConversationParticipant> Participants() =>
        db.ConversationParticipants.IgnoreQueryFilters([AccessRules.OwnParticipantRows]).AsNoTracking();

    private static (Guid A, Guid B) Pair(Guid x, Guid y) => x.CompareTo(y) <= 0 ? (x, y) : (y, x);
}
