namespace Mutual.Core.Events;

/// <summary>
/// The one catalogue of event types written to the outbox. Webhook subscriptions are validated against it,
/// so a typo in a subscription is a 400 rather than an endpoint that silently never hears anything.
/// </summary>
public static class EventTypes
{
    /// <summary>Subscribes to every event type, including ones added later.</summary>
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known =
    [
        "party.created", "party.updated",
        "relationship.created", "relationship.ended",
        "conversation.started", "message.posted",
        "invitation.created", "account.created",
        "fact.recorded", "fact.confirmed", "fact.corrected", "fact.deleted", "fact.stale",
        "task.created", "engagement.overdue",
        "lead.assigned", "lead.status_changed",
        "cart.handed_off", "order.status_changed",
        "case.opened", "case.handed_off", "case.updated", "case.sla_breached", "case.resolved",
        "intent.published", "intent.offer_received", "intent.offer_accepted", "intent.offer_declined", "intent.offer_withdrawn", "intent.withdrawn", "intent.expired",
        "consent.granted", "consent.revoked", "consent.terms_accepted", "consent.terms_declined", "consent.expired",
        "party.contact_assigned", "party.contact_unassigned",
        "webhook.disabled",
        "import.completed",
    ];

    private static readonly HashSet<string> KnownSet = new(Known, StringComparer.Ordinal);

    public static bool IsKnown(string type) => KnownSet.Contains(type);
}
