using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Webhooks;

/// <summary>
/// Where an organization wants to hear of events. The secret is kept as given (not hashed) because every
/// delivery is signed with it; during a rotation the previous secret also signs until its grace period ends.
/// </summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public string Url { get; set; } = "";
    public List<string> Events { get; set; } = [];
    public bool Enabled { get; set; } = true;
    public string? DisabledReason { get; set; }
    public string Secret { get; set; } = "";
    public string? PreviousSecret { get; set; }
    public DateTime? PreviousSecretUntil { get; set; }

    /// <summary>Set by the first failure after a success; cleared by the next success.</summary>
    public DateTime? FailingSince { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;

    public bool Wants(string type) => Events.Contains(EventTypes.All) || Events.Contains(type);

    /// <summary>The secrets that sign a delivery now: the current one, and the previous one during its grace period.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTime now) =>
        PreviousSecret is not null && PreviousSecretUntil > now ? [Secret, PreviousSecret] : [Secret];
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.Property(e => e.Url).HasMaxLength(2048);
        b.Property(e => e.Secret).HasMaxLength(100);
        b.Property(e => e.PreviousSecret).HasMaxLength(100);
        b.Property(e => e.DisabledReason).HasMaxLength(200);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.OwnerPartyId, e.Id });
    }
}
