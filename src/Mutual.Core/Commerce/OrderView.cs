using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Commerce;

public sealed record OrderLineDto(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record OrderStatusChangeDto(string? FromStatus, string Status, DateTime At, Guid ByPartyId, PartyRef By, Guid ByPersonPartyId, string? Note);

/// <summary>An order as its customer, seller and partner all see it: the handed-off cart, its status and its history.</summary>
public sealed record OrderDto(Guid Id, Guid CartId, string Status, Guid CustomerPartyId, PartyRef Customer, Guid SellerPartyId, PartyRef Seller,
    Guid PartnerPartyId, PartyRef Partner, string Country, string? Region, string Currency, IReadOnlyList<OrderLineDto> Lines, decimal Total,
    string SelectionReason, IReadOnlyList<OrderStatusChangeDto> History, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public static class OrderView
{
    /// <summary>Describes orders with lines and history loaded in two batched queries when they are not loaded yet.</summary>
    public static async Task<List<OrderDto>> DescribeAsync(MutualDbContext db, IReadOnlyList<Order> orders, CancellationToken ct)
    {
        var missing = orders.Where(o => o.Lines.Count == 0).Select(o => o.Id).ToList();
        if (missing.Count > 0)
        {
            var lines = (await db.OrderLines.AsNoTracking().Where(l => missing.Contains(l.OrderId)).ToListAsync(ct)).ToLookup(l => l.OrderId);
            var history = (await db.OrderStatusChanges.AsNoTracking().Where(h => missing.Contains(h.OrderId)).ToListAsync(ct)).ToLookup(h => h.OrderId);
            foreach (var o in orders.Where(o => missing.Contains(o.Id)))
            {
                o.Lines = lines[o.Id].ToList();
                o.History = history[o.Id].ToList();
            }
        }
        var names = await PartyNames.LoadAsync(db, orders.SelectMany(o => new[] { o.CustomerPartyId, o.SellerPartyId, o.PartnerPartyId })
            .Concat(orders.SelectMany(o => o.History).Select(h => h.ByPartyId)), ct);
        return orders.Select(o => new OrderDto(o.Id, o.CartId, o.Status, o.CustomerPartyId, names.Get(o.CustomerPartyId), o.SellerPartyId,
            names.Get(o.SellerPartyId), o.PartnerPartyId, names.Get(o.PartnerPartyId), o.Country, o.Region, o.Currency,
            o.Lines.OrderBy(l => l.Position).Select(l => new OrderLineDto(l.ProductId, l.Sku, l.Name, l.Quantity, l.UnitPrice, l.LineTotal)).ToList(),
            o.Total, o.SelectionReason,
            o.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new OrderStatusChangeDto(h.FromStatus, h.Status, h.At, h.ByPartyId, names.Get(h.ByPartyId), h.ByPersonPartyId, h.Note)).ToList(),
            o.CreatedAt, o.UpdatedAt, o.Version)).ToList();
    }
}
