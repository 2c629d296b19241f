using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Commerce;

public sealed record CartLineDto(Guid ProductId, string Sku, string Name, int Quantity, decimal? UnitPrice, decimal? LineTotal, bool Available, string? Problem);

public sealed record CartDto(Guid Id, Guid CustomerPartyId, PartyRef Customer, Guid SellerPartyId, PartyRef Seller, string Country, string? Region,
    string Status, string? Currency, IReadOnlyList<CartLineDto> Lines, decimal Total, Guid? OrderId,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? CheckedOutAt, long Version);

/// <summary>Prices carts at the seller's list prices for the delivery country, loading products in one batch.</summary>
public static class CartView
{
    /// <summary>The catalogue entries behind the carts' lines, as far as the actor may see them (withdrawn ones drop out).</summary>
    public static async Task<Dictionary<Guid, Product>> LoadProductsAsync(MutualDbContext db, IEnumerable<Cart> carts, CancellationToken ct)
    {
        var ids = carts.SelectMany(c => c.Lines).Select(l => l.ProductId).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Products.AsNoTracking().Include(p => p.Prices).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    public static CartLineDto PriceLine(Cart cart, CartLine line, IReadOnlyDictionary<Guid, Product> products)
    {
        if (!products.TryGetValue(line.ProductId, out var p) || !p.Active || p.OwnerPartyId != cart.SellerPartyId)
            return new CartLineDto(line.ProductId, "", "Unavailable product", line.Quantity, null, null, false, "The product is no longer in the seller's catalogue.");
        var price = CommerceRules.PriceFor(p.Prices, x => x.Region, cart.Country);
        if (price is null)
            return new CartLineDto(p.Id, p.Sku, p.Name, line.Quantity, null, null, false, $"Not sold for delivery to {cart.Country}.");
        if (cart.Currency is not null && price.Currency != cart.Currency)
            return new CartLineDto(p.Id, p.Sku, p.Name, line.Quantity, null, null, false, $"Priced in {price.Currency}; the cart is in {cart.Currency}.");
        return new CartLineDto(p.Id, p.Sku, p.Name, line.Quantity, price.Amount, price.Amount * line.Quantity, true, null);
    }

    public static async Task<List<CartDto>> DescribeAsync(MutualDbContext db, IReadOnlyList<Cart> carts, CancellationToken ct)
    {
        var products = await LoadProductsAsync(db, carts, ct);
        var names = await PartyNames.LoadAsync(db, carts.SelectMany(c => new[] { c.CustomerPartyId, c.SellerPartyId }), ct);
        return carts.Select(c =>
        {
            var lines = c.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.Id).Select(l => PriceLine(c, l, products)).ToList();
            return new CartDto(c.Id, c.CustomerPartyId, names.Get(c.CustomerPartyId), c.SellerPartyId, names.Get(c.SellerPartyId), c.Country, c.Region,
                c.Status, c.Currency, lines, lines.Sum(l => l.LineTotal ?? 0), c.OrderId, c.CreatedAt, c.UpdatedAt, c.CheckedOutAt, c.Version);
        }).ToList();
    }
}
