using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Commerce;

public sealed record CheckoutRequest(Guid? PartnerPartyId);

/// <summary>A partner a customer may choose, with its price. Capacity stays out: it would tell customers each partner's order volume.</summary>
public sealed record PartnerOptionDto(Guid PartnerPartyId, PartyRef Partner, string Currency, decimal Total, IReadOnlyList<QuotedLine> Lines);

/// <summary>
/// Checkout: picks the partner that fulfils the cart (the customer's choice among qualified partners, or the
/// ranking), turns the cart into an order with a snapshot of the partner's prices, closes the cart and hands
/// the full cart to the seller and the partner (event <c>cart.handed_off</c>), all in one save.
/// </summary>
public sealed class Checkout(MutualDbContext db, TimeProvider clock)
{
    public const string HandedOffEvent = "cart.handed_off";

    /// <summary>The partners the customer may choose from, best first, with what each would charge.</summary>
    public async Task<Outcome<List<PartnerOptionDto>>> PartnersAsync(Guid cartId, CancellationToken ct = default)
    {
        var (cart, lines, failure) = await ReadyAsync(cartId, null, ct);
        if (failure is not null) return failure.As<List<PartnerOptionDto>>();
        var quotes = await Fulfilment.QualifiedAsync(db, cart!, lines!, ct);
        var names = await PartyNames.LoadAsync(db, quotes.Select(q => q.PartnerPartyId), ct);
        return Outcome<List<PartnerOptionDto>>.Ok(quotes.Select(q =>
            new PartnerOptionDto(q.PartnerPartyId, names.Get(q.PartnerPartyId), cart!.Currency!, q.Total, q.Lines)).ToList());
    }

    public async Task<Outcome<OrderDto>> CheckoutAsync(Guid cartId, CheckoutRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var (cart, lines, failure) = await ReadyAsync(cartId, expectedVersion, ct);
        if (failure is not null) return failure.As<OrderDto>();
        var ranked = await Fulfilment.QualifiedAsync(db, cart!, lines!, ct);
        PartnerQuote chosen;
        string reason;
        if (request.PartnerPartyId is { } wanted)
        {
            chosen = ranked.FirstOrDefault(q => q.PartnerPartyId == wanted)!;
            // One answer for "not a partner", "not here", "full" and "no price", so the seller's channel does not leak.
            if (chosen is null)
                return Outcome<OrderDto>.Unprocessable("That partner cannot fulfil this cart (it does not serve the delivery place, has no capacity left, or does not price every product); choose one from GET /api/v1/carts/{id}/partners.");
            reason = "chosen by the customer";
        }
        else
        {
            if (ranked.Count == 0)
                return Outcome<OrderDto>.Unprocessable($"No partner can fulfil this cart: none of the seller's partners serves {Place(cart!)} with capacity left and a price for every product.");
            chosen = ranked[0];
            reason = PartnerRanking.Reason(ranked);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var order = new Order
        {
            CartId = cart!.Id, CustomerPartyId = cart.CustomerPartyId, SellerPartyId = cart.SellerPartyId, PartnerPartyId = chosen.PartnerPartyId,
            Country = cart.Country, Region = cart.Region, Currency = cart.Currency!, Total = chosen.Total, SelectionReason = reason,
            CreatedAt = now, UpdatedAt = now,
        };
        order.Lines = lines!.Select((l, i) => new OrderLine
        {
            OrderId = order.Id, Position = i, ProductId = l.ProductId, Sku = l.Sku, Name = l.Name, Quantity = l.Quantity,
            UnitPrice = chosen.Lines[i].UnitPrice, LineTotal = chosen.Lines[i].LineTotal,
        }).ToList();
        order.History.Add(new OrderStatusChange
        {
            OrderId = order.Id, Status = OrderStatus.HandedOff, At = now, ByPartyId = db.ActingPartyId, ByPersonPartyId = db.Actor.PersonPartyId,
        });
        db.Orders.Add(order);
        cart.Status = CartStatus.CheckedOut;
        cart.OrderId = order.Id;
        cart.CheckedOutAt = now;
        cart.UpdatedAt = now;
        cart.Version++;
        var names = await PartyNames.LoadAsync(db, [cart.CustomerPartyId], ct);
        db.Outbox.Add(OutboxMessage.Create(HandedOffEvent, now, HandOff(order, names.Get(cart.CustomerPartyId)), [order.SellerPartyId, order.PartnerPartyId]));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<OrderDto>.Conflict("The cart changed or was checked out at the same time; reload it."); }
        catch (DbUpdateException) { return Outcome<OrderDto>.Conflict("This cart was already checked out."); }
        return Outcome<OrderDto>.Ok((await OrderView.DescribeAsync(db, [order], ct))[0]);
    }

    /// <summary>The full cart as the partner receives it: what to deliver, where, to whom, at which prices.</summary>
    public static object HandOff(Order o, PartyRef customer) => new
    {
        orderId = o.Id, cartId = o.CartId, sellerPartyId = o.SellerPartyId, partnerPartyId = o.PartnerPartyId,
        customer = new { partyId = customer.Id, name = customer.Name, kind = customer.Kind },
        delivery = new { country = o.Country, region = o.Region },
        currency = o.Currency,
        lines = o.Lines.OrderBy(l => l.Position).Select(l => new { productId = l.ProductId, sku = l.Sku, name = l.Name, quantity = l.Quantity, unitPrice = l.UnitPrice, lineTotal = l.LineTotal }),
        total = o.Total,
        selectionReason = o.SelectionReason,
        handedOffAt = o.CreatedAt,
    };

    private static string Place(Cart c) => c.Region is null ? c.Country : $"{c.Country}-{c.Region}";

    /// <summary>The actor's open, non-empty cart with every line still available, priced.</summary>
    private async Task<(Cart?, List<CartLineDto>?, Outcome<bool>?)> ReadyAsync(Guid cartId, long? expectedVersion, CancellationToken ct)
    {
        var cart = await db.Carts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == cartId, ct);
        if (cart is null) return (null, null, Outcome<bool>.NotFound("No such cart."));
        if (expectedVersion is { } ev && ev != cart.Version) return (null, null, Outcome<bool>.Stale());
        if (cart.Status != CartStatus.Open) return (null, null, Outcome<bool>.Unprocessable("This cart was already checked out."));
        if (cart.Lines.Count == 0) return (null, null, Outcome<bool>.Unprocessable("The cart is empty."));
        var products = await CartView.LoadProductsAsync(db, [cart], ct);
        var lines = cart.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.Id).Select(l => CartView.PriceLine(cart, l, products)).ToList();
        if (lines.FirstOrDefault(l => !l.Available) is { } gone)
            return (null, null, Outcome<bool>.Unprocessable($"Remove unavailable products first: {gone.ProductId} ({gone.Problem})"));
        return (cart, lines, null);
    }
}
