using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Events;

/// <summary>
/// An event written in the same transaction as the change it describes. Webhooks, notifications and
/// live UI updates read from here, at least once. <see cref="AudiencePartyIds"/> are the parties allowed
/// to hear of it, so a consumer never tells a party about a record it may not see.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public string Type { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public string Data { get; set; } = "{}";
    public List<Guid> AudiencePartyIds { get; set; } = [];
    public DateTime? DispatchedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage Create(string type, DateTime at, object data, IEnumerable<Guid> audience) => new()
    {
        Type = type,
        OccurredAt = at,
        Data = JsonSerializer.Serialize(data, Json),
        AudiencePartyIds = audience.Distinct().ToList(),
    };
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(o => o.Type).HasMaxLength(64);
        // The fan-out's queue: only the waiting events, in id order. An index of (DispatchedAt, Id) held every event
        // ever written (78 MB at 1M), and PostgreSQL read all of its IS NULL range and sorted it for each claim, dead
        // entries included: after a node set aside a few hundred thousand events at once, every pass walked them.
        b.HasIndex(o => o.Id).HasFilter("\"DispatchedAt\" IS NULL").HasDatabaseName("IX_Outbox_Waiting");
    }
}
