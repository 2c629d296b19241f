using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Conversations;

public sealed record PostMessageRequest(string? Body, string? Channel, DateTime? OccurredAt);

/// <summary>One request's message, posted with others (<see cref="PostMessageHandler.PostTogetherAsync"/>).</summary>
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
                return await TryHandleAsync(conversationId, request, ct);
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

    /// <summary>
    /// Posts several requests' messages in one transaction (the caller's, if it has one), one after another, each as
    /// its own actor and each saved before the next reads — so two in one thread count up in turn, as one at a time
    /// would. Nothing one post read stays tracked for the next, which may be another party's. Throws, committing
    /// nothing, when any save fails; a 404 or a 400 writes nothing and is only that post's answer.
    /// </summary>
    public async Task<IReadOnlyList<Outcome<MessageDto>>> PostTogetherAsync(IReadOnlyList<MessagePosting> postings, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var outcomes = new Outcome<MessageDto>[postings.Count];
            // In conversation order, so two nodes' batches on PostgreSQL take the conversations' row locks in one order.
            foreach (var i in Enumerable.Range(0, postings.Count).OrderBy(i => postings[i].ConversationId))
            {
                db.Actor = postings[i].Actor;
                outcomes[i] = await TryHandleAsync(postings[i].ConversationId, postings[i].Request, ct);
                db.ChangeTracker.Clear();
            }
            if (own is not null) await own.CommitAsync(ct);
            return outcomes;
        }
    }

    // The conversation's version moved, or the same account's read marker was inserted by its other request.
    private static bool IsLostRace(DbUpdateException e) => e is DbUpdateConcurrencyException || StoreErrors.IsUniqueViolation(e);

    private async Task<Outcome<MessageDto>> TryHandleAsync(Guid conversationId, PostMessageRequest request, CancellationToken ct)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null) return Outcome<MessageDto>.NotFound("No such conversation.");

        var now = clock.GetUtcNow().UtcDateTime;
        var v = new Validation();
        v.Require("body", request.Body, ConversationRules.BodyMax);
        if (request.Channel is not null && !Channels.IsValid(request.Channel))
            v.Add("channel", $"'channel' must be one of: {string.Join(", ", Channels.All)}.");
        var occurredAt = request.OccurredAt?.ToUniversalTime() ?? now;
        if (occurredAt > now + ConversationRules.FutureAllowance) v.Add("occurredAt", "'occurredAt' must not be in the future.");
        if (!v.IsValid) return v.Fail<MessageDto>();

        // All participant rows, not only the actor's: each carries the inbox ordering.
        var participants = await db.ConversationParticipants.IgnoreQueryFilters([AccessRules.OwnParticipantRows])
            .Where(p => p.ConversationId == conversation.Id).ToListAsync(ct);
        var message = Append(db, conversation, participants, request.Body!, request.Channel ?? conversation.Channel, occurredAt, now);
        if (db.Actor.AccountId != Guid.Empty) await MarkReadAsync(db, conversation.Id, db.Actor.AccountId, now, ct);
        await Engagement.EngagementTracker.RecordAsync(db, participants.Select(p => p.PartyId).ToList(), message, ct);
        await db.SaveChangesAsync(ct);
        var names = await PartyNames.LoadAsync(db, [message.AuthorPartyId, message.OnBehalfOfPartyId], ct);
        return Outcome<MessageDto>.Ok(MessageDto.From(message, names));
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

    /// <summary>Records that the account has read the conversation up to now (saved with the caller's changes).</summary>
    internal static async Task MarkReadAsync(MutualDbContext db, Guid conversationId, Guid accountId, DateTime now, CancellationToken ct)
    {
        var read = await db.ConversationReads.FindAsync([accountId, conversationId], ct);
        if (read is null) db.ConversationReads.Add(new ConversationRead { AccountId = accountId, ConversationId = conversationId, ReadAt = now });
        else read.ReadAt = now;
    }
}
