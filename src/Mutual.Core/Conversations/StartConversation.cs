using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Conversations;

public sealed record StartConversationRequest(string? Subject, List<Guid>? ParticipantPartyIds, string? Channel, string? Body);

/// <summary>Opens a conversation with any parties the actor can see; the actor's party owns it and takes part.</summary>
public sealed class StartConversationHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ConversationDto>> HandleAsync(StartConversationRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Require("subject", request.Subject, ConversationRules.SubjectMax);
        if (request.Channel is not null && !Channels.IsValid(request.Channel))
            v.Add("channel", $"'channel' must be one of: {string.Join(", ", Channels.All)}.");
        if (request.Body is not null) v.MaxLength("body", request.Body, ConversationRules.BodyMax);
        var others = (request.ParticipantPartyIds ?? []).Where(id => id != db.Actor.PartyId).Distinct().ToList();
        if (others.Count > ConversationRules.ParticipantsMax) v.Add("participantPartyIds", $"At most {ConversationRules.ParticipantsMax} participants.");
        if (others.Contains(Guid.Empty)) v.Add("participantPartyIds", "Participant ids must be party ids.");
        if (!v.IsValid) return v.Fail<ConversationDto>();

        var visible = await db.Parties.Where(p => others.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var missing = others.Except(visible).ToList();
        if (missing.Count > 0) return Outcome<ConversationDto>.NotFound($"No such party: {missing[0]}.");

        var now = clock.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            Subject = request.Subject!.Trim(),
            Channel = request.Channel ?? Channels.Portal,
            OwnerPartyId = db.ActingPartyId,
            CreatedAt = now,
            LastActivityAt = now,
        };
        foreach (var id in others.Prepend(db.Actor.PartyId))
            conversation.Participants.Add(new ConversationParticipant { PartyId = id, AddedAt = now, LastActivityAt = now });
        db.Conversations.Add(conversation);
        var audience = conversation.Participants.Select(p => p.PartyId).ToList();
        db.Outbox.Add(OutboxMessage.Create("conversation.started", now,
            new { conversationId = conversation.Id, subject = conversation.Subject, participantPartyIds = audience }, audience));
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            var first = PostMessageHandler.Append(db, conversation, conversation.Participants, request.Body, conversation.Channel, now, now);
            await Engagement.EngagementTracker.RecordAsync(db, audience, first, ct);
        }
        if (db.Actor.AccountId != Guid.Empty)
            db.ConversationReads.Add(new ConversationRead { AccountId = db.Actor.AccountId, ConversationId = conversation.Id, ReadAt = now });
        await db.SaveChangesAsync(ct);
        return await new ConversationQueries(db).GetAsync(conversation.Id, ct);
    }
}
