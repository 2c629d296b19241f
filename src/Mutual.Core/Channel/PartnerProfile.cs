using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>
/// What an organization (the owner, usually the host) knows of one of its channel partners for routing:
/// certifications, territories and capacity. The track record is counted from leads, never typed in.
/// </summary>
public sealed class PartnerProfile
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public Guid PartnerPartyId { get; set; }

    /// <summary>ISO 3166 codes: a country ("DE") covers all of it, a subdivision ("US-CA") only that region.</summary>
    public List<string> Territories { get; set; } = [];

    /// <summary>How many open leads the partner can hold at once.</summary>
    public int Capacity { get; set; }

    /// <summary>When the partner was last given a lead; the round robin among equals starts with the longest wait.</summary>
    public DateTime? LastAssignedAt { get; set; }

    // The partner's track record with this owner: kept by every save that changes a lead or an offer
    // (PartnerTallies), so routing reads it with the profile instead of counting the owner's leads per lead.
    public int Offers { get; set; }
    public int OffersAccepted { get; set; }
    public int OffersDeclined { get; set; }
    public int OffersTimedOut { get; set; }
    public long AcceptSeconds { get; set; }
    public int LeadsOpen { get; set; }
    public int LeadsWon { get; set; }
    public int LeadsLost { get; set; }

    /// <summary>Sets the kept counts at once (a new profile starts from the partner's history with the owner).</summary>
    public void SetTally(Tally t) =>
        (Offers, OffersAccepted, OffersDeclined, OffersTimedOut, AcceptSeconds, LeadsOpen, LeadsWon, LeadsLost) =
        (t.Offers, t.Accepted, t.Declined, t.TimedOut, t.AcceptSeconds, t.Open, t.Won, t.Lost);

    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;
    public List<PartnerCertification> Certifications { get; set; } = [];
}

public sealed class PartnerCertification
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid ProfileId { get; set; }
    public PartnerProfile? Profile { get; set; }
    public string Name { get; set; } = "";
    public DateTime? ExpiresAt { get; set; }
}

internal sealed class PartnerProfileConfiguration : IEntityTypeConfiguration<PartnerProfile>
{
    public void Configure(EntityTypeBuilder<PartnerProfile> b)
    {
        b.ToTable("PartnerProfiles");
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.OwnerPartyId, p.PartnerPartyId }).IsUnique();
        b.HasIndex(p => p.PartnerPartyId);
        // The owner's partner list is paged by id.
        b.HasIndex(p => new { p.OwnerPartyId, p.Id });
        b.HasMany(p => p.Certifications).WithOne(c => c.Profile).HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerCertificationConfiguration : IEntityTypeConfiguration<PartnerCertification>
{
    public void Configure(EntityTypeBuilder<PartnerCertification> b)
    {
        b.ToTable("PartnerCertifications");
        b.Property(c => c.Name).HasMaxLength(ChannelRules.CertificationMax);
        b.HasIndex(c => new { c.ProfileId, c.Name }).IsUnique();
    }
}
