using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;
using static Mutual.Web.Tests.Support.Commerce;

namespace Mutual.Web.Tests;

/// <summary>Checkout choices and limits, and the order's life after hand-off.</summary>
public sealed class CommerceOrderTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Shop(Member Seller, Member PartnerA, Member PartnerB, Member Customer, Guid Product);

    private async Task<Shop> ShopAsync(int capacity = 5)
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Drive Seller", "Sam Seller");
        var a = await app.JoinAsync(admin, "Alpha Fulfil", "Alma Alpha");
        var b = await app.JoinAsync(admin, "Beta Fulfil", "Ben Beta");
        var customer = await app.JoinAsync(admin, "Globex Buyer", "Gia Buyer");
        await app.AddPartnerProfileAsync(seller.OrganizationId, a.OrganizationId, ["DE", "US-CA"], capacity);
        await app.AddPartnerProfileAsync(seller.OrganizationId, b.OrganizationId, ["DE"], capacity);
        var product = (await seller.Client.CreateProductAsync("P1", Price("*", 50m))).Id();
        return new Shop(seller, a, b, customer, product);
    }

    private static async Task<Guid> CartAsync(Shop s, string country = "DE", string? region = null)
    {
        var cart = (await s.Customer.Client.OpenCartAsync(s.Seller.OrganizationId, country, region)).Id();
        await s.Customer.Client.SetLineAsync(cart, s.Product, 2);
        return cart;
    }

    [Fact]
    public async Task TheCustomersChoiceIsHonouredAndAnUnqualifiedChoiceRefused()
    {
        var s = await ShopAsync();
        var cart = await CartAsync(s, "US", "CA"); // only partner A serves California
        var refused = await s.Customer.Client.CheckoutAsync(cart, s.PartnerB.OrganizationId, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("cannot fulfil", refused["detail"]!.GetValue<string>());
        await s.Customer.Client.CheckoutAsync(cart, Guid.NewGuid(), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("open", (await s.Customer.Client.GetJson($"/api/v1/carts/{cart}"))["status"]!.GetValue<string>());

        var order = await s.Customer.Client.CheckoutAsync(cart, s.PartnerA.OrganizationId);
        Assert.Equal(s.PartnerA.OrganizationId, order["partnerPartyId"]!.GetValue<Guid>());
        Assert.Equal("chosen by the customer", order["selectionReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutAQualifiedPartnerCheckoutIs422AndTheCartStaysOpen()
    {
        var s = await ShopAsync();
        var cart = await CartAsync(s, "JP");
        Assert.Empty((await s.Customer.Client.GetJson($"/api/v1/carts/{cart}/partners")).AsArray());
        var problem = await s.Customer.Client.CheckoutAsync(cart, expected: HttpStatusCode.UnprocessableEntity);
        Assert.Contains("No partner can fulfil", problem["detail"]!.GetValue<string>());
        Assert.Equal("open", (await s.Customer.Client.GetJson($"/api/v1/carts/{cart}"))["status"]!.GetValue<string>());
        var empty = (await s.Customer.Client.OpenCartAsync(s.PartnerA.OrganizationId, "DE")).Id();
        await s.Customer.Client.CheckoutAsync(empty, expected: HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task CapacityIsRespectedAndEqualPartnersTakeTurns()
    {
        var s = await ShopAsync(capacity: 1);
        var first = await s.Customer.Client.CheckoutAsync(await CartAsync(s));
        var second = await s.Customer.Client.CheckoutAsync(await CartAsync(s));
        Assert.NotEqual(first["partnerPartyId"]!.GetValue<Guid>(), second["partnerPartyId"]!.GetValue<Guid>());
        var third = await CartAsync(s);
        await s.Customer.Client.CheckoutAsync(third, expected: HttpStatusCode.UnprocessableEntity);

        // Shipping frees the partner's slot.
        var partner = first["partnerPartyId"]!.GetValue<Guid>() == s.PartnerA.OrganizationId ? s.PartnerA : s.PartnerB;
        foreach (var status in new[] { "confirmed", "shipped" })
            await (await partner.Client.PatchJsonAsync($"/api/v1/orders/{first.Id()}", new { status })).Expect(HttpStatusCode.OK);
        var fourth = await s.Customer.Client.CheckoutAsync(third);
        Assert.Equal(partner.OrganizationId, fourth["partnerPartyId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task ThePartnerMovesTheOrderForwardOnlyAndEveryoneFollows()
    {
        var s = await ShopAsync();
        var order = await s.Customer.Client.CheckoutAsync(await CartAsync(s), s.PartnerA.OrganizationId);
        var url = $"/api/v1/orders/{order.Id()}";
        var customerConfirms = await s.Customer.Client.PatchJsonAsync(url, new { status = "confirmed" });
        await customerConfirms.Expect(HttpStatusCode.UnprocessableEntity);
        await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "lost" })).Expect(HttpStatusCode.BadRequest);
        await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "shipped" })).Expect(HttpStatusCode.UnprocessableEntity);

        var confirmed = await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "confirmed", note = "Picking today" }, "\"1\"")).Expect(HttpStatusCode.OK);
        Assert.Equal("\"2\"", confirmed.Headers.ETag!.Tag);
        await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "shipped" }, "\"1\"")).Expect(HttpStatusCode.PreconditionFailed);
        await (await s.Customer.Client.PatchJsonAsync(url, new { status = "cancelled" })).Expect(HttpStatusCode.UnprocessableEntity);
        await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "shipped" }, "\"2\"")).Expect(HttpStatusCode.OK);
        await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "cancelled" })).Expect(HttpStatusCode.UnprocessableEntity);
        await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "delivered" })).Expect(HttpStatusCode.OK);
        await (await s.PartnerA.Client.PatchJsonAsync(url, new { status = "confirmed" })).Expect(HttpStatusCode.UnprocessableEntity);

        var followed = await s.Customer.Client.GetJson(url);
        Assert.Equal("delivered", followed["status"]!.GetValue<string>());
        var history = followed["history"]!.AsArray();
        Assert.Equal(["handed_off", "confirmed", "shipped", "delivered"], history.Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal(s.PartnerA.OrganizationId, history[1]!["byPartyId"]!.GetValue<Guid>());
        Assert.Equal("Picking today", history[1]!["note"]!.GetValue<string>());
        var events = await app.EventsAsync("order.status_changed", order.Id());
        Assert.Equal(3, events.Count);
        Assert.Equal(new[] { s.Customer.OrganizationId, s.Seller.OrganizationId, s.PartnerA.OrganizationId }.Order(), events[0].Audience.Order());
        Assert.Equal("confirmed", events[0].Data["to"]!.GetValue<string>());
        Assert.Contains(order.Id(), (await s.PartnerA.Client.GetJson("/api/v1/orders?role=partner&status=delivered")).Items().Select(o => o.Id()));
    }

    [Fact]
    public async Task TheCustomerCancelsUntilConfirmedAndTheSellerUntilShipped()
    {
        var s = await ShopAsync();
        var early = await s.Customer.Client.CheckoutAsync(await CartAsync(s));
        await (await s.Customer.Client.PatchJsonAsync($"/api/v1/orders/{early.Id()}", new { status = "cancelled" })).Expect(HttpStatusCode.OK);
        var late = await s.Customer.Client.CheckoutAsync(await CartAsync(s), s.PartnerB.OrganizationId);
        await (await s.PartnerB.Client.PatchJsonAsync($"/api/v1/orders/{late.Id()}", new { status = "confirmed" })).Expect(HttpStatusCode.OK);
        await (await s.Seller.Client.PatchJsonAsync($"/api/v1/orders/{late.Id()}", new { status = "shipped" })).Expect(HttpStatusCode.UnprocessableEntity);
        await (await s.Seller.Client.PatchJsonAsync($"/api/v1/orders/{late.Id()}", new { status = "cancelled" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CheckoutIsIdempotentAndHappensOnce()
    {
        var s = await ShopAsync();
        var cart = await CartAsync(s);
        HttpRequestMessage Request()
        {
            var r = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carts/{cart}/checkout") { Content = JsonContent.Create(new { }) };
            r.Headers.Add("Idempotency-Key", "checkout-" + cart);
            return r;
        }
        var first = await (await s.Customer.Client.SendAsync(Request())).Expect(HttpStatusCode.Created);
        var again = await (await s.Customer.Client.SendAsync(Request())).Expect(HttpStatusCode.Created);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.Json()).Id(), (await again.Json()).Id());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        await s.Customer.Client.CheckoutAsync(cart, expected: HttpStatusCode.UnprocessableEntity);
        Assert.Single(await app.EventsAsync("cart.handed_off", (await first.Json()).Id()));
        Assert.Single((await s.Customer.Client.GetJson("/api/v1/orders?role=customer")).Items());

        // A stale cart version is refused before anything is handed off.
        var next = await CartAsync(s);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carts/{next}/checkout") { Content = JsonContent.Create(new { }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await s.Customer.Client.SendAsync(stale)).Expect(HttpStatusCode.PreconditionFailed);
    }
}
