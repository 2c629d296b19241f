using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Relationships;

namespace Mutual.Core.Parties;

/// <summary>One entry of a party's timeline: a message of one of its conversations, or a relationship starting or ending.</summary>
public sealed record TimelineItem(
    Guid Id,
    string Type,
    DateTime OccurredAt,
    Guid? ConversationId,
    Guid? MessageId,
    Guid? RelationshipId,
    string? Subject,
    string? Excerpt,
    string? Channel,
    PartyRef? Author,
    PartyRef? OnBehalfOf,
    string? RelationshipKind,
    PartyRef? FromParty,
    PartyRef? ToParty,
    string Summary);

/// <summary>
/// What the actor may see of a party's conversations and relationship events, newest first. Each source (messages of
/// its conversations, messages it wrote, events at either end of its relationships) gives its own newest page with
/// its details by keyset, every one an index range however big the party; merged, they give the page; one more
/// query fetches the names.
/// </summary>
public sealed class TimelineQuery(MutualDbContext db)
{
    public const string MessageType = "message";

    private sealed record Row(string Type, DateTime OccurredAt, Guid Id);

    public async Task<Outcome<Page<TimelineItem>>> HandleAsync(Guid partyId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (!v.IsValid) return v.Fail<Page<TimelineItem>>();
        if (!await db.Parties.AnyAsync(p => p.Id == partyId, ct)) return Outcome<Page<TimelineItem>>.NotFound("No such party.");

        // The party's participation is read past the own-rows filter; the message filter still limits the result to
        // conversations the actor takes part in. The party's messages are those of its conversations (walked by last
        // activity, below) and those it wrote for another party (author index): two sources, because one query with an
        // OR between them makes PostgreSQL scan every message.
        var messages = db.Messages.IgnoreQueryFilters([AccessRules.OwnParticipantRows]);
        var written = messages.Where(m => m.AuthorPartyId == partyId);
        var eventsFrom = db.RelationshipEvents.Where(e => e.FromPartyId == partyId);
        var eventsTo = db.RelationshipEvents.Where(e => e.ToPartyId == partyId);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } aid)
        {
            messages = messages.Where(m => m.OccurredAt < at || (m.OccurredAt == at && m.Id.CompareTo(aid) < 0));
            written = written.Where(m => m.OccurredAt < at || (m.OccurredAt == at && m.Id.CompareTo(aid) < 0));
            eventsFrom = eventsFrom.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id.CompareTo(aid) < 0));
            eventsTo = eventsTo.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id.CompareTo(aid) < 0));
        }
        // Each source gives its own newest page with what the items show; merging them is the page of the union.
        var messageRows = (await NewestOfConversationsAsync(partyId, messages, page.Limit + 1, ct)).Concat(await NewestAsync(written, page.Limit + 1, ct))
            .DistinctBy(m => m.Id).ToList();
        // Relationship events by either end: one index range each (a party on both ends would be listed twice).
        var eventRows = (await NewestEventsAsync(eventsFrom, page.Limit + 1, ct)).Concat(await NewestEventsAsync(eventsTo, page.Limit + 1, ct))
            .DistinctBy(e => e.Id).ToList();
        var rows = messageRows.Select(m => new Row(MessageType, m.OccurredAt, m.Id))
            .Concat(eventRows.Select(e => new Row(e.Type, e.OccurredAt, e.Id)))
            .OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Take(page.Limit + 1).ToList();
        var cut = page.ToPage(rows, r => PageRequest.Encode(PageRequest.Ticks(r.OccurredAt), r.Id.ToString()));

        var messageDetails = messageRows.ToDictionary(m => m.Id);
        var eventDetails = eventRows.ToDictionary(e => e.Id);
        var kept = cut.Items.Select(r => r.Id).ToHashSet();
        var names = await PartyNames.LoadAsync(db,
            messageRows.Where(m => kept.Contains(m.Id)).SelectMany(m => new[] { m.AuthorPartyId, m.OnBehalfOfPartyId })
                .Concat(eventRows.Where(e => kept.Contains(e.Id)).SelectMany(e => new[] { e.FromPartyId, e.ToPartyId })), ct);

        var items = new List<TimelineItem>();
        foreach (var r in cut.Items)
        {
            if (messageDetails.TryGetValue(r.Id, out var m))
            {
                var author = names.Get(m.AuthorPartyId);
                items.Add(new TimelineItem(r.Id, r.Type, r.OccurredAt, m.ConversationId, m.Id, null, m.Subject,
                    ConversationRules.Excerpt(m.Body), m.Channel, author, names.Get(m.OnBehalfOfPartyId), null, null, null,
                    $"{author.Name} in “{m.Subject}”"));
            }
            else if (eventDetails.TryGetValue(r.Id, out var e))
            {
                var kind = RelationshipKinds.Get(e.Kind);
                var from = names.Get(e.FromPartyId);
                var to = names.Get(e.ToPartyId);
                var verb = r.Type == RelationshipEvent.Started ? "now" : "no longer";
                items.Add(new TimelineItem(r.Id, r.Type, r.OccurredAt, null, null, e.RelationshipId, null, null, null, null, null,
                    e.Kind, from, to, $"{from.Name} {verb} {kind.Forward} {to.Name}"));
            }
        }
        return Outcome<Page<TimelineItem>>.Ok(new Page<TimelineItem>(items, cut.NextCursor));
    }

    private sealed record MessageRow(Guid Id, DateTime OccurredAt, Guid ConversationId, string Subject, string Body, string Channel, Guid AuthorPartyId, Guid OnBehalfOfPartyId);

    /// <summary>
    /// The newest messages of the party's conversations. A hub takes part in tens of thousands of conversations, and
    /// sorting all their messages for one page took seconds, so conversations are read in order of last activity, in
    /// growing chunks, until the page is complete and older than anything the next conversations can hold: a message
    /// happens no later than its conversation's last activity (plus the few minutes a logged call may be ahead).
    /// </summary>
    private async Task<List<MessageRow>> NewestOfConversationsAsync(Guid partyId, IQueryable<Message> messages, int take, CancellationToken ct)
    {
        var participation = db.ConversationParticipants.IgnoreQueryFilters([AccessRules.OwnParticipantRows]).Where(p => p.PartyId == partyId);
        // Candidates are ids and times only, which the (ConversationId, OccurredAt, Id) index holds: a hub's newest
        // threads can hold thousands of messages, and reading each one's row (body and all) to sort them cost a second;
        // the actor's rule is asked once per conversation of a chunk, not for each of those messages.
        var newest = new List<(Guid Id, DateTime OccurredAt)>();
        DateTime? lastActivity = null;
        Guid lastConversation = default;
        // The first chunk is a page's worth of conversations, usually all it takes. Once the page is full, only
        // conversations active since its oldest message (less the allowance) can still matter: they are read in big
        // chunks, and only their messages at least as new as that one.
        for (var chunk = take; ; )
        {
            var next = participation;
            if (lastActivity is { } la)
                next = next.Where(p => p.LastActivityAt < la || (p.LastActivityAt == la && p.ConversationId.CompareTo(lastConversation) < 0));
            var candidates = messages;
            if (newest.Count == take)
            {
                var oldest = newest[^1].OccurredAt;
                var horizon = oldest - ConversationRules.FutureAllowance;
                next = next.Where(p => p.LastActivityAt >= horizon);
                candidates = candidates.Where(m => m.OccurredAt >= oldest);
                chunk = 1000;
            }
            var conversations = await next.OrderByDescending(p => p.LastActivityAt).ThenByDescending(p => p.ConversationId).Take(chunk)
                .Select(p => new { p.ConversationId, p.LastActivityAt }).ToListAsync(ct);
            if (conversations.Count == 0) break;
            var ids = conversations.Select(c => c.ConversationId).ToList();
            var found = await candidates.InVisibleConversations(db, ids)
                .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id).Take(take)
                .Select(m => new { m.Id, m.OccurredAt }).ToListAsync(ct);
            newest = newest.Concat(found.Select(m => (m.Id, m.OccurredAt)))
                .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id).Take(take).ToList();
            if (conversations.Count < chunk) break;
            (lastActivity, lastConversation) = (conversations[^1].LastActivityAt, conversations[^1].ConversationId);
            if (newest.Count == take && newest[^1].OccurredAt > lastActivity.Value + ConversationRules.FutureAllowance) break;
            if (newest.Count < take) chunk = Math.Min(chunk * 2, 1000);
        }
        if (newest.Count == 0) return [];
        var chosen = newest.Select(m => m.Id).ToList();
        return await NewestAsync(messages.Where(m => chosen.Contains(m.Id)), take, ct);
    }

    private sealed record EventRow(Guid Id, DateTime OccurredAt, string Type, Guid RelationshipId, string Kind, Guid FromPartyId, Guid ToPartyId);

    private static Task<List<EventRow>> NewestEventsAsync(IQueryable<RelationshipEvent> events, int take, CancellationToken ct) =>
        events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new EventRow(e.Id, e.OccurredAt, e.Type, e.RelationshipId, e.Relationship!.Kind, e.FromPartyId, e.ToPartyId))
            .ToListAsync(ct);

    private static Task<List<MessageRow>> NewestAsync(IQueryable<Message> messages, int take, CancellationToken ct) =>
        messages.OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new MessageRow(m.Id, m.OccurredAt, m.ConversationId, m.Conversation!.Subject, m.Body, m.Channel, m.AuthorPartyId, m.OnBehalfOfPartyId))
            .ToListAsync(ct);
}
