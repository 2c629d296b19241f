using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Parties;

public enum PartyKind { Person, Organization }

/// <summary>
/// A person or an organization. Roles (customer, supplier, partner…) are not stored here: they are
/// relationships. A party lives in the book of its owner party; a party that joined the network
/// (has an account) is a member and shows its name and public profile to every signed-in actor.
/// </summary>
public sealed class Party
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public PartyKind Kind { get; set; }
    public string Name { get; set; } = "";
    public List<string> Emails { get; set; } = [];
    public List<string> Phones { get; set; } = [];
    public string? Website { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>A short public description a member party shows to the whole network.</summary>
    public string? PublicProfile { get; set; }

    /// <summary>The party whose book this record is in (an organization's own record is in its own book).</summary>
    public Guid OwnerPartyId { get; set; }

    public bool IsMember { get; set; }

    /// <summary>The organization that runs this Mutual installation.</summary>
    public bool IsHost { get; set; }

    /// <summary>Name, emails and tags in one column, indexed by the store's full-text engine.</summary>
    public string SearchText { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;

    public void RefreshSearchText() => SearchText = PartySearch.IndexText(this);
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> b)
    {
        b.ToTable("Parties");
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Name).HasMaxLength(PartyRules.NameMax);
        b.Property(p => p.Website).HasMaxLength(PartyRules.WebsiteMax);
        b.Property(p => p.PublicProfile).HasMaxLength(PartyRules.PublicProfileMax);
        b.Property(p => p.SearchText).HasMaxLength(4000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.OwnerPartyId, p.Name, p.Id });
        b.HasIndex(p => new { p.IsMember, p.Name, p.Id });
    }
}
