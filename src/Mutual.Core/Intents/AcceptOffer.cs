using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Consent;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Relationships;

namespace Mutual.Core.Intents;

/// <summary>
/// The owner accepts one offer, and everything it means is saved in one transaction: the offer accepted, every other
/// pending offer declined politely, the intent closed, a customer-of relationship (unless one is active), a
/// conversation between the two, and a live consent to the vendor under the intent's terms and scopes. The intent's
/// and the offers' versions make a second, concurrent accept fail rather than accept twice.
/// </summary>
public sealed class AcceptOffer(MutualDbContext db)
{
    public async Task<Outcome<IntentDto>> AcceptAsync(Guid intentId, Guid offerId, long? expectedVersion, CancellationToken ct = default)
    {
        var intent = await db.Set<Intent>().FirstOrDefaultAsync(i => i.Id == intentId, ct);
        if (intent is null) return Outcome<IntentDto>.NotFound("No such intent.");
        var offer = await db.Set<Offer>().FirstOrDefaultAsync(o => o.Id == offerId && o.IntentId == intentId, ct);
        if (offer is null) return Outcome<IntentDto>.NotFound("No such offer.");
        if (intent.OwnerPartyId != db.Actor.PartyId) return Outcome<IntentDto>.Unprocessable("Only the individual who published an intent accepts an offer on it.");
        if (expectedVersion is { } ev && ev != intent.Version) return Outcome<IntentDto>.Stale();
        var now = db.Now;
        var status = IntentViews.StatusAt(intent, now);
        if (status != IntentStatus.Open) return Outcome<IntentDto>.Unprocessable($"The intent is {status}; no offer can be accepted any more.");
        if (offer.Status != OfferStatus.Pending) return Outcome<IntentDto>.Unprocessable($"The offer is {offer.Status}; only a pending offer is accepted.");

        offer.Status = OfferStatus.Accepted;
        offer.DecidedAt = now;
        offer.Version++;
        var others = await db.Set<Offer>().Where(o => o.IntentId == intentId && o.Id != offerId && o.Status == OfferStatus.Pending).ToListAsync(ct);
        foreach (var other in others) Intents.Decline(db, intent, other, IntentRules.DeclinedForAnother, now);

        var relationship = await RelateAsync(intent.OwnerPartyId, offer.VendorPartyId, now, ct);
        var conversation = await ConverseAsync(intent, offer, now, ct);
        // The vendor offered on an intent that carried these terms: its offer is its acceptance of them, signed off by
        // the person who made it (decision record 011).
        var consent = Consents.Record(db, new ConsentGrant
        {
            GrantorPartyId = intent.OwnerPartyId,
            GrantorAccountId = db.Actor.AccountId,
            GranteePartyId = offer.VendorPartyId,
            Scopes = [.. intent.Scopes],
            Purpose = Clip($"Intent: {intent.Title}", ConsentRules.PurposeMax),
            Terms = [.. intent.Terms],
            CreatedAt = now,
            Decision = intent.Terms.Count > 0 ? "accepted" : null,
            DecidedAt = intent.Terms.Count > 0 ? now : null,
            DecidedByPersonPartyId = intent.Terms.Count > 0 ? offer.MadeByPersonPartyId : null,
            DecidedByAccountId = intent.Terms.Count > 0 ? offer.MadeByAccountId : null,
        }, now);

        intent.Status = IntentStatus.Accepted;
        intent.AcceptedOfferId = offer.Id;
        intent.ConversationId = conversation.Id;
        intent.ConsentId = consent.Id;
        intent.ClosedAt = now;
        intent.Version++;
        // The accepted vendor now knows the buyer: the payload names them, and goes to the two sides only.
        db.Outbox.Add(OutboxMessage.Create("intent.offer_accepted", now, new
        {
            intentId = intent.Id, offerId = offer.Id, vendorPartyId = offer.VendorPartyId, ownerPartyId = intent.OwnerPartyId,
            conversationId = conversation.Id, consentId = consent.Id, relationshipId = relationship,
        }, [intent.OwnerPartyId, offer.VendorPartyId]));
        try { await db.SaveChangesAsync(ct); }
        // A concurrent accept loses on the intent's version, or on a row the winner created first (engagement, pending index),
        // or as a deadlock victim on PostgreSQL, which the retrying execution strategy hands back wrapped as a transient failure.
        catch (Exception e) when (e is DbUpdateException || e.InnerException is DbUpdateException)
        {
            return Outcome<IntentDto>.Conflict("Another decision on this intent was saved at the same moment; reload it.");
        }
        return Outcome<IntentDto>.Ok(await IntentViews.DescribeAsync(db, intent, ct));
    }

    /// <summary>The customer-of relationship in the individual's book, as CreateRelationship records one; an active one is kept.</summary>
    private async Task<Guid> RelateAsync(Guid customer, Guid vendor, DateTime now, CancellationToken ct)
    {
        const string kind = "customer-of";
        var existing = await db.Relationships.Where(r => r.FromPartyId == customer && r.ToPartyId == vendor && r.Kind == kind && (r.Until == null || r.Until > now))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return id;
        var relationship = new Relationship { FromPartyId = customer, ToPartyId = vendor, Kind = kind, Since = now, OwnerPartyId = customer, CreatedAt = now };
        db.Relationships.Add(relationship);
        db.RelationshipEvents.Add(RelationshipEvent.Of(relationship, RelationshipEvent.Started, now));
        db.Outbox.Add(OutboxMessage.Create("relationship.created", now,
            new { relationshipId = relationship.Id, fromPartyId = customer, toPartyId = vendor, kind, since = now }, [customer, vendor]));
        return relationship.Id;
    }

    /// <summary>A conversation between the two, as StartConversation opens one, whose first message quotes the offer.</summary>
    private async Task<Conversation> ConverseAsync(Intent intent, Offer offer, DateTime now, CancellationToken ct)
    {
        var conversation = new Conversation
        {
            Subject = Clip(intent.Title, ConversationRules.SubjectMax),
            Channel = Channels.Portal,
            OwnerPartyId = intent.OwnerPartyId,
            CreatedAt = now,
            LastActivityAt = now,
        };
        foreach (var id in new[] { intent.OwnerPartyId, offer.VendorPartyId })
            conversation.Participants.Add(new ConversationParticipant { PartyId = id, AddedAt = now, LastActivityAt = now });
        db.Conversations.Add(conversation);
        var audience = conversation.Participants.Select(p => p.PartyId).ToList();
        db.Outbox.Add(OutboxMessage.Create("conversation.started", now,
            new { conversationId = conversation.Id, subject = conversation.Subject, participantPartyIds = audience }, audience));
        var first = PostMessageHandler.Append(db, conversation, conversation.Participants, FirstMessage(intent, offer), Channels.Portal, now, now);
        await Engagement.EngagementTracker.RecordAsync(db, audience, first, ct);
        if (db.Actor.AccountId != Guid.Empty)
            db.ConversationReads.Add(new ConversationRead { AccountId = db.Actor.AccountId, ConversationId = conversation.Id, ReadAt = now });
        return conversation;
    }

    private static string FirstMessage(Intent intent, Offer offer)
    {
        var quote = string.Join("\n", offer.Summary.Split('\n').Select(line => "> " + line));
        var price = offer.Price is { } p ? $"\n>\n> Price: {p.ToString("0.00", CultureInfo.InvariantCulture)} {offer.Currency}" : "";
        return $"I accepted your offer on my intent \"{intent.Title}\":\n\n{quote}{price}";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
