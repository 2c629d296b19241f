using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Commerce;

/// <summary>
/// A checked-out cart handed to one fulfilling partner: a snapshot of lines and prices (the catalogue may
/// change later), and the status the partner reports, which the customer and the seller follow.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid CartId { get; set; }
    public Guid CustomerPartyId { get; set; }
    public Guid SellerPartyId { get; set; }
    public Guid PartnerPartyId { get; set; }
    public string Country { get; set; } = "";
    public string? Region { get; set; }
    public string Currency { get; set; } = "";
    public decimal Total { get; set; }
    public string Status { get; set; } = OrderStatus.HandedOff;

    /// <summary>Why this partner: the customer's choice, or which tie-breaker decided.</summary>
    public string SelectionReason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;
    public List<OrderLine> Lines { get; set; } = [];
    public List<OrderStatusChange> History { get; set; } = [];
}

public sealed class OrderLine
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public int Position { get; set; }

    /// <summary>No foreign key: the order keeps its snapshot when the product is changed or deleted.</summary>
    public Guid ProductId { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal LineTotal { get; set; }
}

public sealed class OrderStatusChange
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public string? FromStatus { get; set; }
    public string Status { get; set; } = "";
    public DateTime At { get; set; }

    /// <summary>The party the change was made for, and the person who made it.</summary>
    public Guid ByPartyId { get; set; }
    public Guid ByPersonPartyId { get; set; }
    public string? Note { get; set; }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("Orders");
        b.Property(o => o.Country).HasMaxLength(2);
        b.Property(o => o.Region).HasMaxLength(3);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Status).HasMaxLength(16);
        b.Property(o => o.SelectionReason).HasMaxLength(500);
        b.Property(o => o.Total).HasPrecision(18, 2);
        b.Property(o => o.Version).IsConcurrencyToken();
        // A cart becomes at most one order, even under concurrent checkouts.
        b.HasIndex(o => o.CartId).IsUnique();
        b.HasIndex(o => new { o.CustomerPartyId, o.Status, o.CreatedAt, o.Id });
        b.HasIndex(o => new { o.SellerPartyId, o.Status, o.CreatedAt, o.Id });
        b.HasIndex(o => new { o.PartnerPartyId, o.Status, o.CreatedAt, o.Id });
        b.HasIndex(o => new { o.SellerPartyId, o.PartnerPartyId, o.Status });
        // Each side of the order list newest first, whatever the status.
        b.HasIndex(o => new { o.CustomerPartyId, o.CreatedAt, o.Id });
        b.HasIndex(o => new { o.SellerPartyId, o.CreatedAt, o.Id });
        b.HasIndex(o => new { o.PartnerPartyId, o.CreatedAt, o.Id });
        b.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.History).WithOne(h => h.Order).HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("OrderLines");
        b.Property(l => l.Sku).HasMaxLength(CommerceRules.SkuMax);
        b.Property(l => l.Name).HasMaxLength(CommerceRules.NameMax);
        b.Property(l => l.UnitPrice).HasPrecision(18, 2);
        b.Property(l => l.LineTotal).HasPrecision(18, 2);
        b.HasIndex(l => new { l.OrderId, l.Position });
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> b)
    {
        b.ToTable("OrderStatusChanges");
        b.Property(h => h.FromStatus).HasMaxLength(16);
        b.Property(h => h.Status).HasMaxLength(16);
        b.Property(h => h.Note).HasMaxLength(CommerceRules.NoteMax);
        b.HasIndex(h => new { h.OrderId, h.At });
    }
}
