using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Individuals;

/// <summary>
/// An individual's own profile: contact details, addresses and preferences, written only by the individual
/// (a person party acting for itself). Vendors read parts of it only through a live consent (Consent/SharedProfiles).
/// Addresses and preferences are JSON documents of a documented, bounded shape (<see cref="ProfileRules"/>):
/// they are read whole and never queried by field, so columns per field would buy nothing.
/// </summary>
public sealed class IndividualProfile
{
    public Guid Id { get; set; } = Uuid7.NewId();

    /// <summary>The individual (a person party that acts for itself); one profile each.</summary>
    public Guid PartyId { get; set; }
    public List<string> Emails { get; set; } = [];
    public List<string> Phones { get; set; } = [];

    /// <summary>JSON array of <see cref="PostalAddress"/>.</summary>
    public string Addresses { get; set; } = "[]";

    /// <summary>JSON object of string keys to string values.</summary>
    public string Preferences { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;
}

/// <summary>A postal address; <c>country</c> is an ISO 3166-1 alpha-2 code, <c>label</c> a free name such as "home".</summary>
public sealed record PostalAddress(string? Label, string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

internal sealed class IndividualProfileConfiguration : IEntityTypeConfiguration<IndividualProfile>
{
    public void Configure(EntityTypeBuilder<IndividualProfile> b)
    {
        b.ToTable("IndividualProfiles");
        b.Property(p => p.Addresses).HasMaxLength(ProfileRules.AddressesJsonMax);
        b.Property(p => p.Preferences).HasMaxLength(ProfileRules.PreferencesJsonMax);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.PartyId).IsUnique();
    }
}
