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
/// What the actor may see of a party's conversations and relationship events, newest first. Two keyset
/// queries (one per source) fetch a page each with its details; merged, they give the page; one more
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

        // The party's participation is read past the own-rows filter; the message filter still limits
        // the result to conversations the actor takes part in. The party's messages are those of its conversations
        // (participant index) and those it wrote for another party (author index): two queries, because one with
        // an OR between them makes PostgreSQL scan every message.
        var partyConversations = db.ConversationParticipants.IgnoreQueryFilters([AccessRules.OwnParticipantRows])
            .Where(p => p.PartyId == partyId).Select(p => p.ConversationId);
        var messages = db.Messages.IgnoreQueryFilters([AccessRules.OwnParticipantRows]);
        var inConversations = messages.Where(m => partyConversations.Contains(m.ConversationId));
        var written = messages.Where(m => m.AuthorPartyId == partyId);
        var events = db.RelationshipEvents.Where(e => e.Relationship!.FromPartyId == partyId || e.Relationship.ToPartyId == partyId);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } aid)
        {
            inConversations = inConversations.Where(m => m.OccurredAt < at || (m.OccurredAt == at && m.Id.CompareTo(aid) < 0));
            written = written.Where(m => m.OccurredAt < at || (m.OccurredAt == at && m.Id.CompareTo(aid) < 0));
            events = events.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id.CompareTo(aid) < 0));
        }
        // Each source gives its own newest page with what the items show; merging them is the page of the union.
        var messageRows = (await NewestAsync(inConversations, page.Limit + 1, ct)).Concat(await NewestAsync(written, page.Limit + 1, ct))
            .DistinctBy(m => m.Id).ToList();
        var eventRows = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(page.Limit + 1)
            .Select(e => new { e.Id, e.OccurredAt, e.Type, e.RelationshipId, e.Relationship!.Kind, e.Relationship.FromPartyId, e.Relationship.ToPartyId })
            .ToListAsync(ct);
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

    private static Task<List<MessageRow>> NewestAsync(IQueryable<Message> messages, int take, CancellationToken ct) =>
        messages.OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new MessageRow(m.Id, m.OccurredAt, m.ConversationId, m.Conversation!.Subject, m.Body, m.Channel, m.AuthorPartyId, m.OnBehalfOfPartyId))
            .ToListAsync(ct);
}
