using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Commerce;

/// <summary>
/// A customer's basket with one seller, for delivery to one place. At most one is open per customer and
/// seller; checkout closes it and hands it to a partner as an order.
/// </summary>
public sealed class Cart
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid CustomerPartyId { get; set; }
    public Guid SellerPartyId { get; set; }
    public string Country { get; set; } = "";
    public string? Region { get; set; }

    /// <summary>The currency every line is priced in; set by the first line, cleared when the cart empties.</summary>
    public string? Currency { get; set; }
    public string Status { get; set; } = CartStatus.Open;
    public Guid? OrderId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CheckedOutAt { get; set; }
    public long Version { get; set; } = 1;
    public List<CartLine> Lines { get; set; } = [];
}

public sealed class CartLine
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid CartId { get; set; }
    public Cart? Cart { get; set; }
    public Guid ProductId { get; set; }
    public int Quantity { get; set; }
    public DateTime AddedAt { get; set; }
}

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> b)
    {
        b.ToTable("Carts");
        b.Property(c => c.Country).HasMaxLength(2);
        b.Property(c => c.Region).HasMaxLength(3);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.Property(c => c.Status).HasMaxLength(16);
        b.Property(c => c.Version).IsConcurrencyToken();
        // One open cart per customer and seller, enforced by the database so two tabs cannot open two.
        b.HasIndex(c => new { c.CustomerPartyId, c.SellerPartyId }).IsUnique().HasFilter("\"Status\" = 'open'");
        b.HasIndex(c => new { c.CustomerPartyId, c.Status, c.CreatedAt, c.Id });
        b.HasIndex(c => new { c.CustomerPartyId, c.CreatedAt, c.Id });
        b.HasMany(c => c.Lines).WithOne(l => l.Cart).HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> b)
    {
        b.ToTable("CartLines");
        b.HasIndex(l => new { l.CartId, l.ProductId }).IsUnique();
        // A product leaves open carts when its seller deletes it.
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
