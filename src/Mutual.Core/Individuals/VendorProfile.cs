using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Individuals;

/// <summary>What an organization sells (category slugs) and where (ISO 3166 territories); intents are matched against it.</summary>
public sealed class VendorProfile
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid PartyId { get; set; }
    public List<string> Categories { get; set; } = [];
    public List<string> Territories { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;
}

internal sealed class VendorProfileConfiguration : IEntityTypeConfiguration<VendorProfile>
{
    public void Configure(EntityTypeBuilder<VendorProfile> b)
    {
        b.ToTable("VendorProfiles");
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.PartyId).IsUnique();
    }
}
