using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Conversations;

public sealed record PostMessageRequest(string? Body, string? Channel, DateTime? OccurredAt);

/// <summary>One request's message, posted with others (<see cref="PostMessageHandler.PostAllAsync"/>).</summary>
public sealed record MessagePosting(Actor Actor, Guid ConversationId, PostMessageRequest Request);

/// <summary>
/// Adds a message to a conversation the actor takes part in. The author is the account's person, on
/// behalf of the party the account acts for. A logged call or meeting carries the time it happened.
/// </summary>
public sealed class PostMessageHandler(MutualDbContext db, TimeProvider clock)
{
    private const int Attempts = 10;

    /// <summary>
    /// Saves the message as its own unit of work. Two people (or one person's two tabs) writing in one thread at the
    /// same moment both change the conversation's counters (its version guards them); a message is an append, not an edit of
    /// something the author saw, so the loser of that race is applied again on fresh data instead of a 409.
    /// </summary>
    public async Task<Outcome<MessageDto>> HandleAsync(Guid conversationId, PostMessageRequest request, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await PostAllAsync([new(db.Actor, conversationId, request)], ct))[0];
            }
            catch (DbUpdateException e) when (IsLostRace(e) && attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException e) when (IsLostRace(e))
            {
                db.ChangeTracker.Clear();
                return Outcome<MessageDto>.Conflict("The conversation is too busy right now; send the message again.");
            }
        }
    }

    // The conversation's version moved, or the same account's read marker was inserted by its other request.
    private static bool IsLostRace(DbUpdateException e) => e is DbUpdateConcurrencyException || StoreErrors.IsUniqueViolation(e);

    /// <summary>
    /// Posts the requests' messages — one or several, by one party or several (<see cref="MessageIntake"/>) — in one
    /// save, in the order given, so two in one thread count up in turn as one at a time would. Whether a request's
    /// conversation exists is asked with that request's actor (each actor's access filters, one query per actor); its
    /// message is written as that actor. A 404 or a 400 writes nothing and is only that request's answer. Every read
    /// comes before the save, so when the save throws nothing was written and nothing after it can fail.
    /// </summary>
    public async Task<IReadOnlyList<Outcome<MessageDto>>> PostAllAsync(IReadOnlyList<MessagePosting> postings, CancellationToken ct = default)
    {
        var caller = db.Actor;
        try { return await PostAsEachAsync(postings, ct); }
        finally { db.Actor = caller; }
    }

    private async Task<IReadOnlyList<Outcome<MessageDto>>> PostAsEachAsync(IReadOnlyList<MessagePosting> postings, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new Outcome<MessageDto>[postings.Count];
        var conversations = new Dictionary<Guid, Conversation>();
        var visible = new HashSet<(Actor, Guid)>();
        var reads = new Dictionary<(Guid Account, Guid Conversation), ConversationRead>();
        foreach (var mine in postings.GroupBy(p => p.Actor))
        {
            db.Actor = mine.Key;
            var ids = mine.Select(p => p.ConversationId).Distinct().ToList();
            foreach (var c in await db.Conversations.Where(c => ids.Contains(c.Id)).ToListAsync(ct))
            {
                conversations[c.Id] = c;
                visible.Add((mine.Key, c.Id));
            }
            if (mine.Key.AccountId == Guid.Empty) continue;
            foreach (var r in await db.ConversationReads.Where(r => ids.Contains(r.ConversationId)).ToListAsync(ct)) reads[(r.AccountId, r.ConversationId)] = r;
        }
        var found = conversations.Keys.ToList();
        // All participant rows, not only the actor's: each carries the inbox ordering.
        var participants = (await db.ConversationParticipants.IgnoreQueryFilters([AccessRules.OwnParticipantRows])
            .Where(p => found.Contains(p.ConversationId)).ToListAsync(ct)).ToLookup(p => p.ConversationId);

        var posted = new List<(int Index, Message Message, List<Guid> Audience)>();
        for (var i = 0; i < postings.Count; i++)
        {
            var (actor, conversationId, request) = postings[i];
            if (!visible.Contains((actor, conversationId))) { outcomes[i] = Outcome<MessageDto>.NotFound("No such conversation."); continue; }
            if (Invalid(request, now) is { } invalid) { outcomes[i] = invalid; continue; }
            var conversation = conversations[conversationId];
            var those = participants[conversationId].ToList();
            db.Actor = actor;
            var message = Append(db, conversation, those, request.Body!, request.Channel ?? conversation.Channel,
                request.OccurredAt?.ToUniversalTime() ?? now, now);
            if (actor.AccountId != Guid.Empty) MarkRead(db, reads, actor.AccountId, conversationId, now);
            posted.Add((i, message, those.Select(p => p.PartyId).ToList()));
        }
        if (posted.Count == 0) return outcomes;

        await Engagement.EngagementTracker.RecordAllAsync(db, posted.Select(p => ((IReadOnlyCollection<Guid>)p.Audience, p.Message)).ToList(), ct);
        var names = await PartyNames.LoadAsync(db, posted.SelectMany(p => new[] { p.Message.AuthorPartyId, p.Message.OnBehalfOfPartyId }), ct);
        await db.SaveChangesAsync(ct);
        foreach (var (index, message, _) in posted) outcomes[index] = Outcome<MessageDto>.Ok(MessageDto.From(message, names));
        return outcomes;
    }

    private static Outcome<MessageDto>? Invalid(PostMessageRequest request, DateTime now)
    {
        var v = new Validation();
        v.Require("body", request.Body, ConversationRules.BodyMax);
        if (request.Channel is not null && !Channels.IsValid(request.Channel))
            v.Add("channel", $"'channel' must be one of: {string.Join(", ", Channels.All)}.");
        if ((request.OccurredAt?.ToUniversalTime() ?? now) > now + ConversationRules.FutureAllowance) v.Add("occurredAt", "'occurredAt' must not be in the future.");
        return v.IsValid ? null : v.Fail<MessageDto>();
    }

    internal static Message Append(MutualDbContext db, Conversation c, IReadOnlyList<ConversationParticipant> participants,
        string body, string channel, DateTime occurredAt, DateTime now)
    {
        var actor = db.Actor;
        var message = new Message
        {
            ConversationId = c.Id,
            Body = body,
            BodyHtml = ConversationRules.RenderBody(body),
            Channel = channel,
            OccurredAt = occurredAt,
            CreatedAt = now,
            AuthorPartyId = actor.PersonPartyId == Guid.Empty ? actor.PartyId : actor.PersonPartyId,
            OnBehalfOfPartyId = actor.PartyId,
            AuthorAccountId = actor.AccountId == Guid.Empty ? null : actor.AccountId,
        };
        db.Messages.Add(message);
        c.MessageCount++;
        c.LastActivityAt = now;
        c.LastMessageExcerpt = ConversationRules.Excerpt(body);
        c.Version++;
        foreach (var p in participants) p.LastActivityAt = now;
        var audience = participants.Select(p => p.PartyId).ToList();
        db.Outbox.Add(OutboxMessage.Create("message.posted", now,
            new { conversationId = c.Id, messageId = message.Id, authorPartyId = message.AuthorPartyId, onBehalfOfPartyId = message.OnBehalfOfPartyId },
            audience));
        return message;
    }

    private static void MarkRead(MutualDbContext db, Dictionary<(Guid, Guid), ConversationRead> reads, Guid accountId, Guid conversationId, DateTime now)
    {
        if (reads.TryGetValue((accountId, conversationId), out var read)) { read.ReadAt = now; return; }
        read = new ConversationRead { AccountId = accountId, ConversationId = conversationId, ReadAt = now };
        db.ConversationReads.Add(read);
        reads[(accountId, conversationId)] = read;
    }

    /// <summary>Records that the account has read the conversation up to now (saved with the caller's changes).</summary>
    internal static async Task MarkReadAsync(MutualDbContext db, Guid conversationId, Guid accountId, DateTime now, CancellationToken ct)
    {
        var read = await db.ConversationReads.FindAsync([accountId, conversationId], ct);
        if (read is null) db.ConversationReads.Add(new ConversationRead { AccountId = accountId, ConversationId = conversationId, ReadAt = now });
        else read.ReadAt = now;
    }
}
