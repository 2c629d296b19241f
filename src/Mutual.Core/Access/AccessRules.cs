using Microsoft.EntityFrameworkCore;
using Mutual.Core.Accounts;
using Mutual.Core.ApiKeys;
using Mutual.Core.Cases;
using Mutual.Core.Channel;
using Mutual.Core.Commerce;
using Mutual.Core.Consent;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Discovery;
using Mutual.Core.Engagement;
using Mutual.Core.Events;
using Mutual.Core.Idempotency;
using Mutual.Core.Individuals;
using Mutual.Core.Matching;
using Mutual.Core.Intents;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;
using Mutual.Core.Webhooks;

namespace Mutual.Core.Access;

/// <summary>
/// The access rule, in one place: a record is visible to an actor when the actor's party owns it,
/// takes part in it, or holds a grant for it. Each filter is bound to the context's actor.
/// </summary>
public static class AccessRules
{
    /// <summary>
    /// Participant rows are filtered to the actor's own rows, so that a stray query over participants
    /// cannot enumerate other parties' conversations. Reading the co-participants of a conversation the
    /// actor can see ignores this one filter by name (see ConversationQueries).
    /// </summary>
    public const string OwnParticipantRows = "OwnParticipantRows";

    /// <summary>A message is visible with its conversation; <see cref="InVisibleConversations"/> sets this filter aside.</summary>
    public const string MessagesOfVisibleConversations = "MessagesOfVisibleConversations";

    /// <summary>
    /// The messages of those of <paramref name="conversationIds"/> the actor sees, with the rule asked once per
    /// conversation (the conversations' filter) instead of once per message (the messages' filter, set aside by name
    /// for this query): a count or a page over a hub's busy threads reads thousands of messages of a few dozen.
    /// </summary>
    public static IQueryable<Message> InVisibleConversations(this IQueryable<Message> messages, MutualDbContext db, List<Guid> conversationIds)
    {
        var visible = db.Conversations.Where(c => conversationIds.Contains(c.Id)).Select(c => c.Id);
        return messages.IgnoreQueryFilters([MessagesOfVisibleConversations])
            .Where(m => conversationIds.Contains(m.ConversationId) && visible.Contains(m.ConversationId));
    }

    /// <summary>The same for case participants: the actor's own rows, unless a query names this filter to read a visible case's list.</summary>
    public const string OwnCaseParticipantRows = "OwnCaseParticipantRows";

    internal static void Apply(ModelBuilder b, MutualDbContext db)
    {
        // A party: in the actor's book, the actor itself (or the person behind the account),
        // or a member of the network (name and public profile only; the DTO trims the rest).
        b.Entity<Party>().HasQueryFilter(p => db.ActorIsSystem || (db.ActorIsSignedIn
            && (p.OwnerPartyId == db.ActorPartyId || p.Id == db.ActorPartyId || p.Id == db.ActorPersonId || p.IsMember)));

        // A relationship: its owner and both of its ends.
        b.Entity<Relationship>().HasQueryFilter(r => db.ActorIsSystem || (db.ActorIsSignedIn
            && (r.OwnerPartyId == db.ActorPartyId
                || r.FromPartyId == db.ActorPartyId || r.ToPartyId == db.ActorPartyId
                || r.FromPartyId == db.ActorPersonId || r.ToPartyId == db.ActorPersonId)));

        b.Entity<RelationshipEvent>().HasQueryFilter(e => db.ActorIsSystem || (db.ActorIsSignedIn
            && (e.Relationship!.OwnerPartyId == db.ActorPartyId
                || e.Relationship.FromPartyId == db.ActorPartyId || e.Relationship.ToPartyId == db.ActorPartyId
                || e.Relationship.FromPartyId == db.ActorPersonId || e.Relationship.ToPartyId == db.ActorPersonId)));

        // A conversation: its participants (the owner is always one).
        b.Entity<Conversation>().HasQueryFilter(c => db.ActorIsSystem || (db.ActorIsSignedIn
            && c.Participants.Any(p => p.PartyId == db.ActorPartyId || p.PartyId == db.ActorPersonId)));

        b.Entity<ConversationParticipant>().HasQueryFilter(OwnParticipantRows, p => db.ActorIsSystem || (db.ActorIsSignedIn
            && (p.PartyId == db.ActorPartyId || p.PartyId == db.ActorPersonId)));

        b.Entity<Message>().HasQueryFilter(MessagesOfVisibleConversations, m => db.ActorIsSystem || (db.ActorIsSignedIn
            && m.Conversation!.Participants.Any(p => p.PartyId == db.ActorPartyId || p.PartyId == db.ActorPersonId)));

        b.Entity<ConversationRead>().HasQueryFilter(r => db.ActorIsSystem || (db.ActorIsSignedIn && r.AccountId == db.ActorAccountId));

        // A fact: its owner, and its subject once it is shared with the subject.
        b.Entity<Fact>().HasQueryFilter(f => db.ActorIsSystem || (db.ActorIsSignedIn
            && (f.OwnerPartyId == db.ActorPartyId
                || (f.SharedWithSubject && (f.SubjectPartyId == db.ActorPartyId || f.SubjectPartyId == db.ActorPersonId)))));
        b.Entity<FactRevision>().HasQueryFilter(r => db.ActorIsSystem || (db.ActorIsSignedIn
            && (r.Fact!.OwnerPartyId == db.ActorPartyId
                || (r.Fact.SharedWithSubject && (r.Fact.SubjectPartyId == db.ActorPartyId || r.Fact.SubjectPartyId == db.ActorPersonId)))));
        b.Entity<ShelfLifeRule>().HasQueryFilter(r => db.ActorIsSystem || (db.ActorIsSignedIn && r.OwnerPartyId == db.ActorPartyId));

        // Engagement is the owner's view of its own relationships.
        b.Entity<EngagementLink>().HasQueryFilter(l => db.ActorIsSystem || (db.ActorIsSignedIn && l.OwnerPartyId == db.ActorPartyId));
        b.Entity<FollowUpTask>().HasQueryFilter(t => db.ActorIsSystem || (db.ActorIsSignedIn && t.OwnerPartyId == db.ActorPartyId));
        b.Entity<HealthSnapshot>().HasQueryFilter(h => db.ActorIsSystem || (db.ActorIsSignedIn && h.OwnerPartyId == db.ActorPartyId));
        b.Entity<EngagementTier>().HasQueryFilter(t => db.ActorIsSystem || (db.ActorIsSignedIn && t.OwnerPartyId == db.ActorPartyId));

        // Channel: partner profiles and routing rules are the owner's own assessment and policy. A lead is
        // the owner's, and the partner's only while it is assigned to it: once re-routed, the contact moves on.
        b.Entity<PartnerProfile>().HasQueryFilter(p => db.ActorIsSystem || (db.ActorIsSignedIn && p.OwnerPartyId == db.ActorPartyId));
        b.Entity<PartnerCertification>().HasQueryFilter(c => db.ActorIsSystem || (db.ActorIsSignedIn && c.Profile!.OwnerPartyId == db.ActorPartyId));
        b.Entity<RoutingRule>().HasQueryFilter(r => db.ActorIsSystem || (db.ActorIsSignedIn && r.OwnerPartyId == db.ActorPartyId));
        b.Entity<PipelineTotal>().HasQueryFilter(t => db.ActorIsSystem || (db.ActorIsSignedIn && t.OwnerPartyId == db.ActorPartyId));
        b.Entity<Lead>().HasQueryFilter(l => db.ActorIsSystem || (db.ActorIsSignedIn
            && (l.OwnerPartyId == db.ActorPartyId || l.AssignedPartnerPartyId == db.ActorPartyId)));
        // A partner sees its own offers of a lead it holds, never who else was offered it.
        b.Entity<LeadHop>().HasQueryFilter(h => db.ActorIsSystem || (db.ActorIsSignedIn
            && (h.Lead!.OwnerPartyId == db.ActorPartyId || (h.PartnerPartyId == db.ActorPartyId && h.Lead.AssignedPartnerPartyId == db.ActorPartyId))));
        b.Entity<LeadStatusChange>().HasQueryFilter(s => db.ActorIsSystem || (db.ActorIsSignedIn
            && (s.Lead!.OwnerPartyId == db.ActorPartyId || (s.PartnerPartyId == db.ActorPartyId && s.Lead.AssignedPartnerPartyId == db.ActorPartyId))));

        // Commerce: an active product is a catalogue entry every signed-in party may read; a withdrawn one is
        // the seller's alone. Partner price lists are between the seller and that partner. A cart is the
        // customer's; an order is its customer's, its seller's and its fulfilling partner's, never another
        // partner's. (Checkout reads the seller's partners past these filters in one place: Commerce/Fulfilment.)
        b.Entity<Product>().HasQueryFilter(p => db.ActorIsSystem || (db.ActorIsSignedIn && (p.OwnerPartyId == db.ActorPartyId || p.Active)));
        b.Entity<ProductPrice>().HasQueryFilter(p => db.ActorIsSystem || (db.ActorIsSignedIn
            && (p.Product!.OwnerPartyId == db.ActorPartyId || p.Product.Active)));
        b.Entity<PartnerPrice>().HasQueryFilter(p => db.ActorIsSystem || (db.ActorIsSignedIn
            && (p.OwnerPartyId == db.ActorPartyId || p.PartnerPartyId == db.ActorPartyId)));
        b.Entity<Cart>().HasQueryFilter(c => db.ActorIsSystem || (db.ActorIsSignedIn && c.CustomerPartyId == db.ActorPartyId));
        b.Entity<CartLine>().HasQueryFilter(l => db.ActorIsSystem || (db.ActorIsSignedIn && l.Cart!.CustomerPartyId == db.ActorPartyId));
        b.Entity<Order>().HasQueryFilter(o => db.ActorIsSystem || (db.ActorIsSignedIn
            && (o.CustomerPartyId == db.ActorPartyId || o.SellerPartyId == db.ActorPartyId || o.PartnerPartyId == db.ActorPartyId)));
        b.Entity<OrderLine>().HasQueryFilter(l => db.ActorIsSystem || (db.ActorIsSignedIn
            && (l.Order!.CustomerPartyId == db.ActorPartyId || l.Order.SellerPartyId == db.ActorPartyId || l.Order.PartnerPartyId == db.ActorPartyId)));
        b.Entity<OrderStatusChange>().HasQueryFilter(h => db.ActorIsSystem || (db.ActorIsSignedIn
            && (h.Order!.CustomerPartyId == db.ActorPartyId || h.Order.SellerPartyId == db.ActorPartyId || h.Order.PartnerPartyId == db.ActorPartyId)));

        // Cases: the customer and every organization that holds or held the case (its participants); nobody else.
        // An internal note is its organization's alone, forever, even after the case moved on.
        b.Entity<ServiceCase>().HasQueryFilter(c => db.ActorIsSystem || (db.ActorIsSignedIn
            && c.Participants.Any(p => p.PartyId == db.ActorPartyId || p.PartyId == db.ActorPersonId)));
        // As with conversations, participant rows are the actor's own (a filter through the case would recurse);
        // the participants of a case the actor sees are read past this one filter by name (Cases/Cases.cs).
        b.Entity<CaseParticipant>().HasQueryFilter(OwnCaseParticipantRows, p => db.ActorIsSystem || (db.ActorIsSignedIn
            && (p.PartyId == db.ActorPartyId || p.PartyId == db.ActorPersonId)));
        b.Entity<CaseEntry>().HasQueryFilter(e => db.ActorIsSystem || (db.ActorIsSignedIn
            && e.Case!.Participants.Any(p => p.PartyId == db.ActorPartyId || p.PartyId == db.ActorPersonId)
            && (e.PrivateToPartyId == null || e.PrivateToPartyId == db.ActorPartyId)));
        // Attachments are shared with every participant, like public replies; no one else learns they exist.
        b.Entity<CaseFile>().HasQueryFilter(f => db.ActorIsSystem || (db.ActorIsSignedIn
            && f.Case!.Participants.Any(p => p.PartyId == db.ActorPartyId || p.PartyId == db.ActorPersonId)));
        // A customer link is its issuer's record; the customer reaches it only through the token's hash (CaseCustomerLinks).
        b.Entity<CaseLink>().HasQueryFilter(l => db.ActorIsSystem || (db.ActorIsSignedIn && l.IssuedByPartyId == db.ActorPartyId));

        // Individuals: a profile is its individual's, and leaves only through a live consent (granted to the actor's
        // organization, active, unexpired by the context's clock); which of its fields show is the scopes' business
        // (Consent/SharedProfiles). A consent is its grantor's and its grantee's; the access log, the individual's alone.
        b.Entity<IndividualProfile>().HasQueryFilter(p => db.ActorIsSystem || (db.ActorIsSignedIn
            && (p.PartyId == db.ActorPartyId
                || db.Consents.Any(c => c.GrantorPartyId == p.PartyId && c.GranteePartyId == db.ActorPartyId
                    && c.Status == ConsentStatus.Active && (c.ExpiresAt == null || c.ExpiresAt > db.Now)))));
        b.Entity<ConsentGrant>().HasQueryFilter(c => db.ActorIsSystem || (db.ActorIsSignedIn
            && (c.GrantorPartyId == db.ActorPartyId || c.GranteePartyId == db.ActorPartyId)));
        b.Entity<AccessLogEntry>().HasQueryFilter(e => db.ActorIsSystem || (db.ActorIsSignedIn && e.SubjectPartyId == db.ActorPartyId));
        // What an organization sells is its own statement; intent matching reads it as the system.
        b.Entity<VendorProfile>().HasQueryFilter(p => db.ActorIsSystem || (db.ActorIsSignedIn && p.PartyId == db.ActorPartyId));

        // Matching: stated values are their person's alone, whatever party the person acts for (ranking reads them as
        // the system and lets out only what two people share); a contact assignment is its organization's own record.
        b.Entity<StatedValues>().HasQueryFilter(v => db.ActorIsSystem || (db.ActorIsSignedIn && v.PersonPartyId == db.ActorPersonId));
        b.Entity<ContactAssignment>().HasQueryFilter(a => db.ActorIsSystem || (db.ActorIsSignedIn && a.OrganizationPartyId == db.ActorPartyId));
        // Intents: the owner; an organization whose vendor profile matches while the intent is open and unexpired (its
        // category, and a territory covering the place — the country or the exact subdivision — or any place when the
        // intent names none); and an organization that offered on it, so it can follow its offer. An offer: its vendor and
        // the intent's owner (copied onto the offer, as a filter through the intent would recurse). What a vendor reads
        // of the owner is the DTO's business (IntentViews): a pseudonym until reveal or acceptance.
        b.Entity<Intent>().HasQueryFilter(i => db.ActorIsSystem || (db.ActorIsSignedIn
            && (i.OwnerPartyId == db.ActorPartyId
                || db.Offers.Any(o => o.IntentId == i.Id && o.VendorPartyId == db.ActorPartyId)
                || (i.Status == IntentStatus.Open && i.ExpiresAt > db.Now
                    && db.VendorProfiles.Any(v => v.PartyId == db.ActorPartyId && v.Categories.Contains(i.Category)
                        && (i.Location == null || v.Territories.Contains(i.Location) || v.Territories.Contains(i.LocationCountry!)))))));
        b.Entity<Offer>().HasQueryFilter(o => db.ActorIsSystem || (db.ActorIsSignedIn
            && (o.VendorPartyId == db.ActorPartyId || o.IntentOwnerPartyId == db.ActorPartyId)));

        // Sign-in data is the system's; an account sees only itself.
        b.Entity<Account>().HasQueryFilter(a => db.ActorIsSystem || (db.ActorIsSignedIn && a.Id == db.ActorAccountId));
        b.Entity<AccessToken>().HasQueryFilter(t => db.ActorIsSystem);
        b.Entity<Invitation>().HasQueryFilter(i => db.ActorIsSystem || (db.ActorIsSignedIn && i.InvitedByPartyId == db.ActorPartyId));
        b.Entity<OutboxMessage>().HasQueryFilter(o => db.ActorIsSystem);
        b.Entity<WorkLease>().HasQueryFilter(l => db.ActorIsSystem);
        b.Entity<DataProtectionKey>().HasQueryFilter(k => db.ActorIsSystem);

        // Integration settings are the organization's own: its webhooks, their delivery log, its API keys.
        b.Entity<WebhookEndpoint>().HasQueryFilter(e => db.ActorIsSystem || (db.ActorIsSignedIn && e.OwnerPartyId == db.ActorPartyId));
        b.Entity<WebhookDelivery>().HasQueryFilter(d => db.ActorIsSystem || (db.ActorIsSignedIn && d.OwnerPartyId == db.ActorPartyId));
        b.Entity<ApiKey>().HasQueryFilter(k => db.ActorIsSystem || (db.ActorIsSignedIn && k.OwnerPartyId == db.ActorPartyId));
        b.Entity<IdempotencyRecord>().HasQueryFilter(r => db.ActorIsSystem || (db.ActorIsSignedIn && r.AccountId == db.ActorAccountId));
    }
}
