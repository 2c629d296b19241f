using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Webhooks;

/// <summary>
/// One event on its way to one endpoint, and its log. The body is fixed when the event is fanned out, so
/// every retry sends (and signs) the same bytes. <see cref="LeaseUntil"/> marks a claim by one app node;
/// a node that dies mid-send loses its claim when the lease runs out and another node retries.
/// </summary>
public sealed class WebhookDelivery
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid EndpointId { get; set; }

    /// <summary>The endpoint's owner, copied here so the access filter needs no join.</summary>
    public Guid OwnerPartyId { get; set; }

    /// <summary>The outbox message's id: the <c>webhook-id</c>, the same on every retry so receivers can deduplicate.</summary>
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public string State { get; set; } = Pending;
    public int Attempts { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public WebhookEndpoint? Endpoint { get; set; }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(d => d.EventType).HasMaxLength(64);
        b.Property(d => d.State).HasMaxLength(16);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.HasOne(d => d.Endpoint).WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per event and endpoint, even if two dispatchers ever raced: the second insert fails.
        b.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();
        b.HasIndex(d => new { d.EndpointId, d.Id });
        b.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}
