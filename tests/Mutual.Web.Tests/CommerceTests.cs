using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;
using static Mutual.Web.Tests.Support.Commerce;

namespace Mutual.Web.Tests;

/// <summary>Collaborative commerce: the catalogue, carts priced per delivery country, and checkout to a partner.</summary>
public sealed class CommerceTests(MutualApp app) : IClassFixture<MutualApp>
{
    /// <summary>A seller of its own (so partner profiles and capacity do not leak between tests), two partners serving DE, and a customer.</summary>
    private sealed record Shop(HttpClient Admin, Member Seller, Member PartnerA, Member PartnerB, Member Customer);

    private async Task<Shop> ShopAsync(int capacity = 5)
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Drive Seller", "Sam Seller");
        var a = await app.JoinAsync(admin, "Alpha Fulfil", "Alma Alpha");
        var b = await app.JoinAsync(admin, "Beta Fulfil", "Ben Beta");
        var customer = await app.JoinAsync(admin, "Globex Buyer", "Gia Buyer");
        await app.AddPartnerProfileAsync(seller.OrganizationId, a.OrganizationId, ["DE", "US-CA"], capacity);
        await app.AddPartnerProfileAsync(seller.OrganizationId, b.OrganizationId, ["DE"], capacity);
        return new Shop(admin, seller, a, b, customer);
    }

    [Fact]
    public async Task CatalogueIsReadableByEveryoneWhenActiveAndWritableOnlyByItsSeller()
    {
        var s = await ShopAsync();
        var sku = "GBX-" + Guid.NewGuid().ToString("N")[..6];
        var created = await s.Seller.Client.PostAsJsonAsync("/api/v1/catalogue/products",
            new { sku, name = "Helical Gearbox", description = "Quiet", prices = new[] { Price("DE", 100m), Price("*", 120m) } });
        await created.Expect(HttpStatusCode.Created);
        var product = await created.Json();
        Assert.Equal($"/api/v1/catalogue/products/{product.Id()}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);

        // Search is by name or sku, case-insensitive, for any signed-in party.
        Assert.Contains(product.Id(), (await s.Customer.Client.GetJson($"/api/v1/catalogue/products?q={sku.ToLowerInvariant()}")).Items().Select(p => p.Id()));
        Assert.Contains(product.Id(), (await s.Customer.Client.GetJson($"/api/v1/catalogue/products?q=helical&sellerPartyId={s.Seller.OrganizationId}")).Items().Select(p => p.Id()));
        await (await s.Customer.Client.PatchJsonAsync($"/api/v1/catalogue/products/{product.Id()}", new { name = "Mine now" })).Expect(HttpStatusCode.NotFound);
        await (await s.Customer.Client.DeleteAsync($"/api/v1/catalogue/products/{product.Id()}")).Expect(HttpStatusCode.NotFound);

        await (await s.Seller.Client.PatchJsonAsync($"/api/v1/catalogue/products/{product.Id()}", new { name = "Old" }, "\"7\"")).Expect(HttpStatusCode.PreconditionFailed);
        var withdrawn = await (await s.Seller.Client.PatchJsonAsync($"/api/v1/catalogue/products/{product.Id()}", new { active = false }, "\"1\"")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, (await withdrawn.Json())["version"]!.GetValue<int>());
        await (await s.Customer.Client.GetAsync($"/api/v1/catalogue/products/{product.Id()}")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await s.Customer.Client.GetJson($"/api/v1/catalogue/products?q={sku}")).Items());
        Assert.Single((await s.Seller.Client.GetJson($"/api/v1/catalogue/products?q={sku}")).Items());

        var duplicate = await s.Seller.Client.PostJson("/api/v1/catalogue/products", new { sku, name = "Twin", prices = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["sku"]);
        var bad = await s.Seller.Client.PostJson("/api/v1/catalogue/products",
            new { sku = "X1", name = "Bad", prices = new[] { new { region = "Germany", currency = "euro", amount = -1m } } }, HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["prices[0].region"]);
        Assert.NotNull(bad["errors"]!["prices[0].currency"]);
        Assert.NotNull(bad["errors"]!["prices[0].amount"]);

        await (await s.Seller.Client.DeleteAsync($"/api/v1/catalogue/products/{product.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await s.Seller.Client.GetAsync($"/api/v1/catalogue/products/{product.Id()}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACartIsPricedForItsDeliveryCountry()
    {
        var s = await ShopAsync();
        var gearbox = (await s.Seller.Client.CreateProductAsync("G1", Price("DE", 100.50m), Price("*", 120m), Price("US", 130m, "USD"))).Id();
        var motor = (await s.Seller.Client.CreateProductAsync("M1", Price("*", 40m))).Id();
        var cart = (await s.Customer.Client.OpenCartAsync(s.Seller.OrganizationId, "de")).Id();
        var priced = await s.Customer.Client.SetLineAsync(cart, gearbox, 3);
        await s.Customer.Client.SetLineAsync(cart, motor, 1);
        priced = await s.Customer.Client.GetJson($"/api/v1/carts/{cart}");
        Assert.Equal("DE", priced["country"]!.GetValue<string>());
        Assert.Equal("EUR", priced["currency"]!.GetValue<string>());
        Assert.Equal(100.50m, priced["lines"]![0]!["unitPrice"]!.GetValue<decimal>());
        Assert.Equal(301.50m, priced["lines"]![0]!["lineTotal"]!.GetValue<decimal>());
        Assert.Equal(341.50m, priced["total"]!.GetValue<decimal>());

        var fr = await (await s.Customer.Client.PatchJsonAsync($"/api/v1/carts/{cart}", new { country = "FR" })).Expect(HttpStatusCode.OK);
        Assert.Equal(400m, (await fr.Json())["total"]!.GetValue<decimal>()); // the "*" default: 3 × 120 + 40
        // In the US the gearbox is priced in USD and the motor in EUR: a cart has one currency.
        var us = await s.Customer.Client.PatchJsonAsync($"/api/v1/carts/{cart}", new { country = "US" });
        Assert.NotNull((await (await us.Expect(HttpStatusCode.BadRequest)).Json())["errors"]!["country"]);

        var zero = await s.Customer.Client.SetLineAsync(cart, motor, 0, HttpStatusCode.BadRequest);
        Assert.NotNull(zero["errors"]!["quantity"]);
        await s.Customer.Client.SetLineAsync(cart, motor, 10_001, HttpStatusCode.BadRequest);
        await s.Customer.Client.SetLineAsync(cart, Guid.NewGuid(), 1, HttpStatusCode.NotFound);
        await s.Customer.Client.PostJson("/api/v1/carts", new { sellerPartyId = s.Seller.OrganizationId, country = "DE" }, HttpStatusCode.Conflict);
        var badPlace = await s.Customer.Client.PostJson("/api/v1/carts", new { sellerPartyId = s.Seller.OrganizationId, country = "Deutschland" }, HttpStatusCode.BadRequest);
        Assert.NotNull(badPlace["errors"]!["country"]);

        var removed = await (await s.Customer.Client.DeleteAsync($"/api/v1/carts/{cart}/lines/{gearbox}")).Expect(HttpStatusCode.OK);
        Assert.Equal(40m, (await removed.Json())["total"]!.GetValue<decimal>());
        // The cart is the customer's alone.
        await (await s.Seller.Client.GetAsync($"/api/v1/carts/{cart}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CheckoutHandsTheFullCartToTheCheapestQualifiedPartner()
    {
        var s = await ShopAsync();
        var france = await app.JoinAsync(s.Admin, "Gamma France", "Gus Gamma");
        var unpriced = await app.JoinAsync(s.Admin, "Delta Unpriced", "Dora Delta");
        await app.AddPartnerProfileAsync(s.Seller.OrganizationId, france.OrganizationId, ["FR"], 5);
        await app.AddPartnerProfileAsync(s.Seller.OrganizationId, unpriced.OrganizationId, ["DE"], 5);
        var gearbox = (await s.Seller.Client.CreateProductAsync("G2", Price("DE", 100m))).Id();
        var motor = (await s.Seller.Client.CreateProductAsync("M2", Price("*", 40m))).Id(); // no price lists: list price everywhere
        await s.Seller.Client.SetPartnerPriceAsync(gearbox, s.PartnerA.OrganizationId, Price("DE", 95m));
        await s.Seller.Client.SetPartnerPriceAsync(gearbox, s.PartnerB.OrganizationId, Price("*", 90m));
        await s.Seller.Client.SetPartnerPriceAsync(gearbox, france.OrganizationId, Price("*", 10m));

        var cart = (await s.Customer.Client.OpenCartAsync(s.Seller.OrganizationId, "DE")).Id();
        await s.Customer.Client.SetLineAsync(cart, gearbox, 2);
        await s.Customer.Client.SetLineAsync(cart, motor, 1);
        var options = (await s.Customer.Client.GetJson($"/api/v1/carts/{cart}/partners")).AsArray();
        Assert.Equal([s.PartnerB.OrganizationId, s.PartnerA.OrganizationId], options.Select(o => o!["partnerPartyId"]!.GetValue<Guid>()));
        Assert.Equal(220m, options[0]!["total"]!.GetValue<decimal>());

        var response = await s.Customer.Client.PostAsJsonAsync($"/api/v1/carts/{cart}/checkout", new { });
        await response.Expect(HttpStatusCode.Created);
        var order = await response.Json();
        Assert.Equal($"/api/v1/orders/{order.Id()}", response.Headers.Location!.OriginalString);
        Assert.Equal(s.PartnerB.OrganizationId, order["partnerPartyId"]!.GetValue<Guid>());
        Assert.Equal("handed_off", order["status"]!.GetValue<string>());
        Assert.Equal(220m, order["total"]!.GetValue<decimal>());
        Assert.Equal("lowest price", order["selectionReason"]!.GetValue<string>());
        var closed = await s.Customer.Client.GetJson($"/api/v1/carts/{cart}");
        Assert.Equal("checked_out", closed["status"]!.GetValue<string>());
        Assert.Equal(order.Id(), closed["orderId"]!.GetValue<Guid>());

        var (data, audience) = Assert.Single(await app.EventsAsync("cart.handed_off", order.Id()));
        Assert.Equal(new[] { s.Seller.OrganizationId, s.PartnerB.OrganizationId }.Order(), audience.Order());
        Assert.Equal(s.Customer.OrganizationId, data["customer"]!["partyId"]!.GetValue<Guid>());
        Assert.Equal("Globex Buyer", data["customer"]!["name"]!.GetValue<string>());
        Assert.Equal("DE", data["delivery"]!["country"]!.GetValue<string>());
        Assert.Equal(2, data["lines"]!.AsArray().Count);
        Assert.Equal(2, data["lines"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal(90m, data["lines"]![0]!["unitPrice"]!.GetValue<decimal>());
        Assert.Equal(220m, data["total"]!.GetValue<decimal>());

        // The order is the customer's, the seller's and partner B's; partner A never sees it.
        Assert.Equal(order.Id(), (await s.PartnerB.Client.GetJson($"/api/v1/orders/{order.Id()}")).Id());
        Assert.Contains(order.Id(), (await s.Seller.Client.GetJson("/api/v1/orders?role=seller")).Items().Select(o => o.Id()));
        Assert.Contains(order.Id(), (await s.Customer.Client.GetJson("/api/v1/orders?role=customer")).Items().Select(o => o.Id()));
        await (await s.PartnerA.Client.GetAsync($"/api/v1/orders/{order.Id()}")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await s.PartnerA.Client.GetJson("/api/v1/orders")).Items());
    }

    [Fact]
    public async Task AnIndividualBuysForThemself()
    {
        var s = await ShopAsync();
        // A person invited without an employer acts for themself.
        var email = $"ivy-{Guid.NewGuid():N}@mail.test";
        var ivy = await s.Admin.CreatePartyAsync("person", "Ivy Individual", [email]);
        var invitation = await s.Admin.PostJson($"/api/v1/parties/{ivy}/invitations", new { email });
        var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/accept-invitation", new { token = invitation["token"]!.GetValue<string>(), password = "ivy-pass-123" }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());

        var product = (await s.Seller.Client.CreateProductAsync("I1", Price("*", 15m))).Id();
        var cart = (await client.OpenCartAsync(s.Seller.OrganizationId, "DE")).Id();
        await client.SetLineAsync(cart, product, 4);
        var order = await client.CheckoutAsync(cart);
        Assert.Equal(ivy, order["customerPartyId"]!.GetValue<Guid>());
        Assert.Equal(60m, order["total"]!.GetValue<decimal>());
        var (data, _) = Assert.Single(await app.EventsAsync("cart.handed_off", order.Id()));
        Assert.Equal(("Ivy Individual", "person"), (data["customer"]!["name"]!.GetValue<string>(), data["customer"]!["kind"]!.GetValue<string>()));
        var partner = order["partnerPartyId"]!.GetValue<Guid>() == s.PartnerA.OrganizationId ? s.PartnerA : s.PartnerB;
        Assert.Equal("Ivy Individual", (await partner.Client.GetJson($"/api/v1/orders/{order.Id()}"))["customer"]!["name"]!.GetValue<string>());
    }
}
