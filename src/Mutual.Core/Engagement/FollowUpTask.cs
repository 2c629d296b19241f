using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Engagement;

/// <summary>A follow-up someone in the owner's organization must do by a date, optionally about a party or a conversation.</summary>
public sealed class FollowUpTask
{
    public const string Open = "open";
    public const string Done = "done";

    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }

    /// <summary>The person who should do it (a person of the owner's organization).</summary>
    public Guid AssigneePartyId { get; set; }
    public string Title { get; set; } = "";
    public DateTime DueAt { get; set; }
    public Guid? PartyId { get; set; }
    public Guid? ConversationId { get; set; }
    public string Status { get; set; } = Open;
    public DateTime? CompletedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; } = 1;
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> b)
    {
        b.ToTable("Tasks");
        b.Property(t => t.Title).HasMaxLength(300);
        b.Property(t => t.Status).HasMaxLength(8);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.AssigneePartyId, t.Status, t.DueAt, t.Id });
        b.HasIndex(t => new { t.OwnerPartyId, t.PartyId, t.Status, t.DueAt });
    }
}
