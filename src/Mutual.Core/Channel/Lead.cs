using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>
/// A sales lead in the owner's book, routed to one partner at a time. <see cref="Hops"/> keep every
/// partner it was offered to and how each answered; the assigned partner reports progress on it.
/// </summary>
public sealed class Lead
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public string Title { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Country { get; set; } = "";
    public string? Region { get; set; }
    public string? RequiredCertification { get; set; }
    public decimal? Value { get; set; }
    public string Source { get; set; } = LeadSources.Api;
    public string Status { get; set; } = LeadStatus.Unassigned;
    public Guid? AssignedPartnerPartyId { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateTime? AcceptBy { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? RuleId { get; set; }
    public string RoutingReason { get; set; } = "";

    /// <summary>The value the deal closed at, when won.</summary>
    public decimal? WonValue { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public long Version { get; set; } = 1;
    public List<LeadHop> Hops { get; set; } = [];
}

/// <summary>One offer of a lead to a partner, and the partner's answer (or silence).</summary>
public sealed class LeadHop
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid LeadId { get; set; }
    public Lead? Lead { get; set; }
    public Guid PartnerPartyId { get; set; }
    public DateTime AssignedAt { get; set; }
    public DateTime AcceptBy { get; set; }
    public string Outcome { get; set; } = HopOutcome.Pending;
    public DateTime? AnsweredAt { get; set; }

    /// <summary>Seconds from offer to acceptance, kept so the time-to-accept average is one aggregate.</summary>
    public int? AcceptSeconds { get; set; }
    public string Reason { get; set; } = "";
    public string? DeclineReason { get; set; }
}

/// <summary>A change of a lead's progress, kept for the lead's history and the win-rate figures.</summary>
public sealed class LeadStatusChange
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid LeadId { get; set; }
    public Lead? Lead { get; set; }
    public Guid? PartnerPartyId { get; set; }
    public string Status { get; set; } = "";
    public decimal? Value { get; set; }
    public DateTime At { get; set; }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("Leads");
        b.Property(l => l.Title).HasMaxLength(ChannelRules.TitleMax);
        b.Property(l => l.ContactName).HasMaxLength(ChannelRules.NameMax);
        b.Property(l => l.Country).HasMaxLength(2);
        b.Property(l => l.Region).HasMaxLength(3);
        b.Property(l => l.RequiredCertification).HasMaxLength(ChannelRules.CertificationMax);
        b.Property(l => l.Source).HasMaxLength(16);
        b.Property(l => l.Status).HasMaxLength(16);
        b.Property(l => l.RoutingReason).HasMaxLength(2000);
        b.Property(l => l.Value).HasPrecision(18, 2);
        b.Property(l => l.WonValue).HasPrecision(18, 2);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.OwnerPartyId, l.CreatedAt, l.Id });
        b.HasIndex(l => new { l.OwnerPartyId, l.Status, l.CreatedAt, l.Id });
        b.HasIndex(l => new { l.AssignedPartnerPartyId, l.Status, l.CreatedAt, l.Id });
        b.HasIndex(l => new { l.Status, l.AcceptBy });
        // The inbox newest first (any status). The owner's pipeline reads kept totals (decision 033), so no index groups
        // the owner's leads by partner and status: each was one more page written per lead.
        b.HasIndex(l => new { l.AssignedPartnerPartyId, l.CreatedAt, l.Id });
        b.HasMany(l => l.Hops).WithOne(h => h.Lead).HasForeignKey(h => h.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeadHopConfiguration : IEntityTypeConfiguration<LeadHop>
{
    public void Configure(EntityTypeBuilder<LeadHop> b)
    {
        b.ToTable("LeadHops");
        b.Property(h => h.Outcome).HasMaxLength(16);
        b.Property(h => h.Reason).HasMaxLength(2000);
        b.Property(h => h.DeclineReason).HasMaxLength(ChannelRules.ReasonMax);
        b.HasIndex(h => new { h.LeadId, h.AssignedAt });
        b.HasIndex(h => new { h.PartnerPartyId, h.Outcome });
    }
}

internal sealed class LeadStatusChangeConfiguration : IEntityTypeConfiguration<LeadStatusChange>
{
    public void Configure(EntityTypeBuilder<LeadStatusChange> b)
    {
        b.ToTable("LeadStatusChanges");
        b.Property(s => s.Status).HasMaxLength(16);
        b.Property(s => s.Value).HasPrecision(18, 2);
        b.HasIndex(s => new { s.LeadId, s.At });
        b.HasOne(s => s.Lead).WithMany().HasForeignKey(s => s.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
