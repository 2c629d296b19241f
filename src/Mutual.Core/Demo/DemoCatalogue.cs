using Mutual.Core.Commerce;

namespace Mutual.Core.Demo;

/// <summary>
/// Northwind's catalogue: a few drives and spares priced for its home markets, with a "*" price for everywhere else
/// (and USD for the US). Partner prices and orders need partner profiles, which the demo does not create yet
/// (the partner-profile API lands on another branch), so the demo's shop has products but no one to deliver them.
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
            Check(await catalogue.CreateAsync(request, ct), "product " + sku);
        }
    }
}
