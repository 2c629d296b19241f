using System.Text.Json.Serialization;

namespace Mutual.Core.Webhooks;

public sealed record CreateWebhookRequest(string? Url, List<string?>? Events);

/// <summary>An endpoint as its owner sees it. <see cref="Secret"/> is present only in the answer to create and rotate.</summary>
public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, string? DisabledReason,
    DateTime? FailingSince, DateTime? PreviousSecretExpiresAt, DateTime CreatedAt, DateTime UpdatedAt, long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static WebhookDto From(WebhookEndpoint e, DateTime now, string? secret = null) =>
        new(e.Id, e.Url, e.Events, e.Enabled, e.DisabledReason, e.FailingSince,
            e.PreviousSecretUntil > now ? e.PreviousSecretUntil : null, e.CreatedAt, e.UpdatedAt, e.Version, secret);
}

public sealed record WebhookDeliveryDto(Guid Id, Guid EventId, string Type, string State, int Attempts, int? LastStatusCode,
    string? LastError, DateTime? LastAttemptAt, DateTime? NextAttemptAt, DateTime? DeliveredAt, DateTime CreatedAt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.State, d.Attempts, d.LastStatusCode, d.LastError, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt, d.CreatedAt);
}
