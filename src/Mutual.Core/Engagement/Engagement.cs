using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Engagement;

/// <summary>
/// The dialogue between one party (the owner) and one counterpart, kept current as messages are written:
/// when each side last spoke, when they last met or called, and — once the owner puts the counterpart in
/// a tier — when dialogue is next due. "Needs attention" is one index range over <see cref="DueAt"/>.
/// </summary>
public sealed class EngagementLink
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public Guid CounterpartPartyId { get; set; }
    public string? Tier { get; set; }
    public DateTime? TierAssignedAt { get; set; }
    public DateTime? LastOursAt { get; set; }
    public DateTime? LastTheirsAt { get; set; }
    public DateTime? LastCallOrMeetingAt { get; set; }

    /// <summary>The last two-way dialogue: a logged call or meeting, or the later of the two sides' latest messages once both have spoken.</summary>
    public DateTime? LastDialogueAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? OverdueNotifiedAt { get; set; }
    public long Version { get; set; } = 1;

    public void Recompute(int? cadenceDays)
    {
        DateTime? exchange = LastOursAt is { } o && LastTheirsAt is { } t ? (o < t ? o : t) : null;
        LastDialogueAt = Max(LastCallOrMeetingAt, exchange);
        var previous = DueAt;
        DueAt = Tier is null || cadenceDays is null ? null : (LastDialogueAt ?? TierAssignedAt)?.AddDays(cadenceDays.Value);
        if (DueAt != previous) OverdueNotifiedAt = null;
    }

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>A tier of relationship and how often it must hear from us, in one party's book.</summary>
public sealed class EngagementTier
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public string Name { get; set; } = "";
    public int CadenceDays { get; set; }
}

internal sealed class EngagementLinkConfiguration : IEntityTypeConfiguration<EngagementLink>
{
    public void Configure(EntityTypeBuilder<EngagementLink> b)
    {
        b.ToTable("EngagementLinks");
        b.Property(l => l.Tier).HasMaxLength(EngagementRules.TierMax);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.OwnerPartyId, l.CounterpartPartyId }).IsUnique();
        b.HasIndex(l => new { l.OwnerPartyId, l.DueAt, l.Id });
        b.HasIndex(l => new { l.OverdueNotifiedAt, l.DueAt });
        b.HasIndex(l => new { l.CounterpartPartyId, l.OwnerPartyId });
    }
}

internal sealed class EngagementTierConfiguration : IEntityTypeConfiguration<EngagementTier>
{
    public void Configure(EntityTypeBuilder<EngagementTier> b)
    {
        b.ToTable("EngagementTiers");
        b.Property(t => t.Name).HasMaxLength(EngagementRules.TierMax);
        b.HasIndex(t => new { t.OwnerPartyId, t.Name }).IsUnique();
    }
}
