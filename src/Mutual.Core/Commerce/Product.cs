using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Commerce;

/// <summary>An item in a selling organization's catalogue, priced per delivery country with a "*" default.</summary>
public sealed class Product
{
    public Guid Id { get; set; } = Uuid7.NewId();

    /// <summary>The seller: the host or any organization that keeps a catalogue.</summary>
    public Guid OwnerPartyId { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Active { get; set; } = true;

    /// <summary>Lower-cased name and sku, so search is case-insensitive the same way on both providers.</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;
    public List<ProductPrice> Prices { get; set; } = [];
}

public sealed class ProductPrice
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public string Region { get; set; } = CommerceRules.AnyRegion;
    public string Currency { get; set; } = "";
    public decimal Amount { get; set; }
}

/// <summary>
/// What one of the seller's partners charges for a product in a region. When a product has any partner
/// prices, only partners that price it for the delivery place can fulfil it, and the customer pays theirs.
/// </summary>
public sealed class PartnerPrice
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public Guid PartnerPartyId { get; set; }
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public string Region { get; set; } = CommerceRules.AnyRegion;
    public string Currency { get; set; } = "";
    public decimal Amount { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("Products");
        b.Property(p => p.Sku).HasMaxLength(CommerceRules.SkuMax);
        b.Property(p => p.Name).HasMaxLength(CommerceRules.NameMax);
        b.Property(p => p.Description).HasMaxLength(CommerceRules.DescriptionMax);
        b.Property(p => p.SearchText).HasMaxLength(CommerceRules.NameMax + CommerceRules.SkuMax + 1);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.OwnerPartyId, p.Sku }).IsUnique();
        b.HasIndex(p => new { p.OwnerPartyId, p.Name, p.Id });
        b.HasIndex(p => new { p.Active, p.Name, p.Id });
        // A seller's withdrawn products by name (the catalogue's second range; also one seller's active ones).
        b.HasIndex(p => new { p.OwnerPartyId, p.Active, p.Name, p.Id });
        b.HasMany(p => p.Prices).WithOne(x => x.Product).HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductPriceConfiguration : IEntityTypeConfiguration<ProductPrice>
{
    public void Configure(EntityTypeBuilder<ProductPrice> b)
    {
        b.ToTable("ProductPrices");
        b.Property(p => p.Region).HasMaxLength(2);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.Amount).HasPrecision(18, 2);
        b.HasIndex(p => new { p.ProductId, p.Region }).IsUnique();
    }
}

internal sealed class PartnerPriceConfiguration : IEntityTypeConfiguration<PartnerPrice>
{
    public void Configure(EntityTypeBuilder<PartnerPrice> b)
    {
        b.ToTable("PartnerPrices");
        b.Property(p => p.Region).HasMaxLength(2);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.Amount).HasPrecision(18, 2);
        b.HasIndex(p => new { p.ProductId, p.PartnerPartyId, p.Region }).IsUnique();
        b.HasIndex(p => new { p.OwnerPartyId, p.PartnerPartyId });
        b.HasIndex(p => new { p.PartnerPartyId, p.ProductId });
        b.HasOne(p => p.Product).WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
