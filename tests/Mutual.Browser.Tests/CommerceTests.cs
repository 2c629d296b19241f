using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Collaborative commerce in the browser: a customer fills a cart from the host's catalogue and checks out to a
/// partner of their choice; the partner confirms and ships; the customer follows the order on its tracker.
/// </summary>
public sealed partial class CommerceTests(Chromium chromium, BrowserApp app)
{
    private sealed record Shop(Guid Host, string Gearbox, string Motor, string North, string NorthEmail, string South, string CustomerEmail);

    /// <summary>Two products of the host priced for Germany, two partners serving Germany, and an individual customer.</summary>
    private async Task<Shop> ShopAsync()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var hostId = await host.MeAsync();
        var (gearbox, motor) = ($"Gearbox {s}", $"Motor {s}");
        await host.ProductAsync($"GB-{s}", gearbox, ("DE", "EUR", 100m), ("*", "EUR", 120m));
        await host.ProductAsync($"MO-{s}", motor, ("*", "EUR", 40m));
        var (north, south) = ($"North Partners {s}", $"South Partners {s}");
        var (northId, northEmail) = await host.MemberOrganizationAsync(app.BaseUrl, north, $"Nora North {s}");
        var (southId, _) = await host.MemberOrganizationAsync(app.BaseUrl, south, $"Sven South {s}");
        await app.AddPartnerProfileAsync(hostId, northId, ["DE"], 5);
        await app.AddPartnerProfileAsync(hostId, southId, ["DE", "AT"], 5);
        var customer = await host.IndividualAsync(app.BaseUrl, $"Cara Customer {s}");
        return new Shop(hostId, gearbox, motor, north, northEmail, south, customer);
    }

    [Fact]
    public async Task ACustomerChecksOutToAChosenPartnerWhoShipsAndTheCustomerFollowsTheTracker()
    {
        var shop = await ShopAsync();
        var customer = await chromium.NewPageAsync(app.BaseUrl);
        await customer.SignInAsync(shop.CustomerEmail, CommerceSeed.Password);

        // Browse the host's catalogue, priced for delivery to Germany.
        await customer.GoAsync($"/shop?seller={shop.Host}&country=DE");
        var gearboxCard = customer.Locator(".shop-card", new() { HasText = shop.Gearbox });
        await Expect(gearboxCard.Locator(".shop-price")).ToHaveTextAsync("EUR 100.00");
        await gearboxCard.Button($"Add {shop.Gearbox} to cart").ClickAsync();
        await Expect(gearboxCard).ToContainTextAsync("1 in cart");
        var motorCard = customer.Locator(".shop-card", new() { HasText = shop.Motor });
        await motorCard.Button($"Add {shop.Motor} to cart").ClickAsync();
        await Expect(motorCard).ToContainTextAsync("1 in cart");

        // In the cart: a second gearbox, then the partners that can deliver, each with its price.
        await customer.GoAsync("/cart");
        var cart = customer.Locator(".cart-box");
        await Expect(cart.Locator(".cart-line")).ToHaveCountAsync(2);
        await cart.Button($"More {shop.Gearbox}").ClickAsync();
        await Expect(cart.Locator(".cart-line", new() { HasText = shop.Gearbox }).Locator(".cart-qty")).ToHaveTextAsync("2");
        await Expect(cart.Locator(".cart-total-amount")).ToHaveTextAsync("EUR 240.00");
        var options = cart.Locator(".partner-options");
        await Expect(options).ToContainTextAsync(shop.North);
        await Expect(options).ToContainTextAsync(shop.South);
        await Expect(options).ToContainTextAsync("Let us pick");
        await options.Locator(".partner-option", new() { HasText = shop.North }).ClickAsync();
        await Expect(options.GetByRole(AriaRole.Radio, new() { Name = shop.North })).ToBeCheckedAsync();
        await Screenshots.SaveAsync(customer, "cart-desktop");
        await PhoneShotAsync(shop.CustomerEmail, "/cart", ".cart-line", "cart-phone");

        await cart.Button("Check out").ClickAsync();
        await Expect(customer).ToHaveURLAsync(OrderUrl());
        var orderUrl = new Uri(customer.Url).AbsolutePath;
        await Expect(customer.Locator(".tracker-step.current")).ToContainTextAsync("Handed off");
        await Expect(customer.Locator(".order-partner")).ToContainTextAsync(shop.North);
        await Expect(customer.Locator(".order-partner")).ToContainTextAsync("chosen by the customer");
        await Expect(customer.Locator(".order-total")).ToHaveTextAsync("EUR 240.00");
        await Expect(customer.Button("Cancel order")).ToBeVisibleAsync(); // the customer may cancel until the partner confirms
        await Expect(customer.Button("Confirm")).ToHaveCountAsync(0);

        // The partner finds the order among those to deliver, confirms it and ships it.
        var partner = await chromium.NewPageAsync(app.BaseUrl);
        await partner.SignInAsync(shop.NorthEmail, CommerceSeed.Password);
        await partner.GoAsync("/orders?role=partner");
        var row = partner.Locator(".order-table tbody tr", new() { HasText = $"#{orderUrl[^8..].ToUpperInvariant()}" });
        await Expect(row).ToContainTextAsync("Handed off");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(partner).ToHaveURLAsync(app.BaseUrl + orderUrl);
        await partner.WaitReadyAsync();
        await partner.Button("Confirm").ClickAsync();
        await Expect(partner.Locator(".tracker-step.current")).ToContainTextAsync("Confirmed");
        await partner.FillAsync("#order-note", "Two parcels, tracking NP-1234");
        await partner.Button("Mark shipped").ClickAsync();
        await Expect(partner.Locator(".tracker-step.current")).ToContainTextAsync("Shipped");
        await Expect(partner.Button("Mark delivered")).ToBeVisibleAsync();

        // The customer follows: the tracker stands at shipped, with the partner's note in the history.
        await customer.GoAsync(orderUrl);
        await Expect(customer.Locator(".tracker-step.current")).ToContainTextAsync("Shipped");
        await Expect(customer.Locator(".tracker-step.done")).ToHaveCountAsync(2);
        await Expect(customer.Locator(".order-history")).ToContainTextAsync("Two parcels, tracking NP-1234");
        await Expect(customer.Button("Cancel order")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(customer, "order-desktop");
        await PhoneShotAsync(shop.CustomerEmail, orderUrl, ".tracker-step.current", "order-phone");
        await PhoneShotAsync(shop.CustomerEmail, orderUrl, ".tracker-step.current", "order-phone-dark", ColorScheme.Dark);
        await customer.GoAsync("/orders?role=customer");
        await Expect(customer.Locator(".order-table")).ToContainTextAsync("Shipped");
        await Screenshots.SaveAsync(customer, "orders-desktop");
    }

    [Fact]
    public async Task WhereNoPartnerDeliversTheCartSaysSoAndCannotCheckOut()
    {
        var shop = await ShopAsync();
        var customer = await chromium.NewPageAsync(app.BaseUrl);
        await customer.SignInAsync(shop.CustomerEmail, CommerceSeed.Password);
        await customer.GoAsync($"/shop?seller={shop.Host}&country=FR");
        var motorCard = customer.Locator(".shop-card", new() { HasText = shop.Motor });
        await Expect(motorCard.Locator(".shop-price")).ToHaveTextAsync("EUR 40.00"); // the "*" price
        await motorCard.Button($"Add {shop.Motor} to cart").ClickAsync();
        await Expect(motorCard).ToContainTextAsync("1 in cart");

        await customer.GoAsync("/cart");
        await Expect(customer.Locator(".partner-choice [role=alert]")).ToContainTextAsync("No partner of this seller can deliver");
        await Expect(customer.Locator(".cart-box").Button("Check out")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task TheSellerAddsAProductWithPricesAndFindsItBySearch()
    {
        var sku = $"SKU-{Seed.Suffix()}";
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.GoAsync("/catalogue");
        var dialog = await page.OpenDialogAsync(page.Button("New product"));
        await page.FillAsync("#product-sku", sku);
        await page.FillAsync("#product-name", $"Servo drive {sku}");
        await page.FillAsync("#product-price-currency-0", "euro");
        await page.FillAsync("#product-price-amount-0", "99.5");
        await dialog.Button("Add product").ClickAsync();
        await Expect(dialog).ToContainTextAsync("'currency' must be an ISO 4217 code");

        await page.FillAsync("#product-price-currency-0", "EUR");
        await dialog.Button("Add product").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await page.GoAsync($"/catalogue?q={sku.ToLowerInvariant()}");
        var row = page.Locator(".product-table tbody tr", new() { HasText = sku });
        await Expect(row).ToContainTextAsync("elsewhere · EUR 99.50");
        await Expect(row).ToContainTextAsync("active");
        await Screenshots.SaveAsync(page, "catalogue-desktop");
    }

    private async Task PhoneShotAsync(string email, string path, string waitFor, string name, ColorScheme scheme = ColorScheme.Light)
    {
        var phone = await chromium.NewPageAsync(app.BaseUrl, Chromium.Phone, scheme);
        await phone.SignInAsync(email, CommerceSeed.Password);
        await phone.GoAsync(path);
        await Expect(phone.Locator(waitFor).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, name);
        await phone.Context.CloseAsync();
    }

    [GeneratedRegex(@"/orders/[0-9a-f-]{36}$")]
    private static partial Regex OrderUrl();
}
