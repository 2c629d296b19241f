using Mutual.Core.Commerce;

namespace Mutual.Core.Demo;

/// <summary>
/// Northwind's catalogue: a few drives and spares priced for its home markets, with a "*" price for everywhere else
/// (and USD for the US), and a few orders from customers, handed to the partner covering the delivery country.
/// </summary>
internal sealed partial class DemoLoader
{
    private static readonly (string Sku, string Name, string Description, (string Region, string Currency, decimal Amount)[] Prices)[] Products =
    [
        ("NW-HG-200", "Helical gearbox HG-200", "Two-stage helical gearbox, 200 Nm, ratios 5:1 to 40:1. Quiet, oil-filled for life.",
            [("DE", "EUR", 1240m), ("AT", "EUR", 1265m), ("LT", "EUR", 1290m), ("ES", "EUR", 1310m), ("US", "USD", 1490m), ("*", "EUR", 1350m)]),
        ("NW-IM-075", "IE4 motor 7.5 kW", "Premium-efficiency induction motor, 4-pole, foot mount, IP55.",
            [("DE", "EUR", 860m), ("AT", "EUR", 875m), ("LT", "EUR", 890m), ("US", "USD", 1020m), ("*", "EUR", 920m)]),
        ("NW-VFD-11", "Frequency inverter 11 kW", "Variable-frequency drive with fieldbus card slot and safe torque off.",
            [("DE", "EUR", 1580m), ("ES", "EUR", 1620m), ("*", "EUR", 1690m)]),
        ("NW-CPL-40", "Elastic coupling 40 mm", "Jaw coupling with polyurethane spider; absorbs shock and misalignment.",
            [("DE", "EUR", 64.5m), ("*", "EUR", 69m)]),
        ("NW-SK-SEAL", "Seal kit HG series", "Shaft seals and gaskets for one HG gearbox overhaul.",
            [("*", "EUR", 38.9m)]),
        ("NW-SVC-DAY", "Field service day", "One engineer on site for a day, travel within the partner's territory included.",
            [("DE", "EUR", 980m), ("LT", "EUR", 760m), ("ES", "EUR", 820m), ("*", "EUR", 1050m)]),
    ];

    /// <summary>Lukas, who runs the channel, publishes the catalogue a month ago, as the host.</summary>
    public async Task AddCatalogueAsync()
    {
        clock.Set(30, 11);
        await using var db = await AsAsync("lukas");
        var catalogue = new CatalogueService(db, clock);
        foreach (var (sku, name, description, prices) in Products)
        {
            var request = new CreateProductRequest(sku, name, description, true,
                prices.Select(p => (PriceInput?)new PriceInput(p.Region, p.Currency, p.Amount)).ToList());
            _products[sku] = Check(await catalogue.CreateAsync(request, ct), "product " + sku).Id;
        }
    }

    private readonly Dictionary<string, Guid> _products = [];

    /// <summary>
    /// Three orders in three states: Globex's delivered by Baltic Automation, Initech's on its way from Iberia,
    /// and Steelworks' just handed off, waiting for Jonas to confirm. Each step is taken by whoever would take it.
    /// </summary>
    public async Task OrdersAsync()
    {
        await OrderAsync("ana", "LT", [("NW-HG-200", 2), ("NW-SVC-DAY", 1)], daysAgo: 24,
            [("jonas", OrderStatus.Confirmed, 23, "Booked for the Kaunas plant; engineer on site on delivery day."), ("jonas", OrderStatus.Shipped, 20, null), ("jonas", OrderStatus.Delivered, 17, "Installed and run in.")]);
        await OrderAsync("joanna", "ES", [("NW-VFD-11", 1), ("NW-CPL-40", 4)], daysAgo: 6,
            [("carmen", OrderStatus.Confirmed, 5, null), ("carmen", OrderStatus.Shipped, 2, "Tracking sent by e-mail.")]);
        await OrderAsync("petr", "LV", [("NW-SK-SEAL", 6)], daysAgo: 0, []);
    }

    private async Task OrderAsync(string customer, string country, (string Sku, int Quantity)[] lines, int daysAgo,
        (string Who, string Status, int DaysAgo, string? Note)[] steps)
    {
        clock.Set(daysAgo, daysAgo == 0 ? 7 : 10);
        OrderDto order;
        await using (var db = await AsAsync(customer))
        {
            var carts = new CartService(db, clock);
            var cart = Check(await carts.CreateAsync(new CreateCartRequest(_parties["northwind"], country, null), ct), "cart of " + customer);
            foreach (var (sku, quantity) in lines)
                cart = Check(await carts.SetLineAsync(cart.Id, _products[sku], new SetCartLineRequest(quantity), null, ct), "line " + sku);
            order = Check(await new Checkout(db, clock).CheckoutAsync(cart.Id, new CheckoutRequest(null), null, ct), "checkout of " + customer);
        }
        _orders[customer] = order.Id;
        foreach (var (who, status, stepDaysAgo, note) in steps)
        {
            clock.Set(stepDaysAgo, 15);
            await using var db = await AsAsync(who);
            order = Check(await new OrderService(db, clock).UpdateAsync(order.Id, new UpdateOrderRequest(status, note), null, ct), $"{status} by {who}");
        }
    }
}
