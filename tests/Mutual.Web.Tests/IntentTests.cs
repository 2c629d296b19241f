using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Intents;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Intents: published by individuals, matched to vendors by category and territory, pseudonymous until reveal, expiring.</summary>
public sealed class IntentTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task AnIntentIsValidatedWithFieldErrors()
    {
        var c = await app.IntentCastAsync();
        var response = await c.Buyer.Client.PostAsJsonAsync("/api/v1/intents", new { title = "", category = "Heat Pumps!", budget = -1m, currency = "euro", location = "Spain", terms = new[] { "whatever" }, scopes = new[] { "everything" } });
        var problem = await (await response.Expect(HttpStatusCode.BadRequest)).Json();
        foreach (var field in new[] { "title", "category", "budget", "currency", "location", "terms", "scopes" })
            Assert.NotNull(problem["errors"]![field]);
        // Organizations answer intents; they do not publish them.
        await (await c.Vendor.Client.PostAsJsonAsync("/api/v1/intents", new { title = "x", category = "heat-pumps" })).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Empty((await c.Buyer.Client.GetJson("/api/v1/intents")).Items());
    }

    [Fact]
    public async Task VendorsSeeOnlyIntentsMatchingTheirCategoriesAndTerritories()
    {
        var c = await app.IntentCastAsync();
        var madrid = (await c.Buyer.PublishAsync("ES-MD")).Id();
        var barcelona = (await c.Buyer.PublishAsync("ES-CT")).Id();
        var anywhere = (await c.Buyer.Client.PostJson("/api/v1/intents", new { title = "Remote advice", category = "heat-pumps" })).Id();
        var bread = (await c.Buyer.Client.PostJson("/api/v1/intents", new { title = "Bread", category = "bread", location = "FR" })).Id();

        var vendor = await c.Vendor.Client.OpenIntentsAsync();
        Assert.Contains(madrid, vendor);
        Assert.Contains(barcelona, vendor);
        Assert.Contains(anywhere, vendor);
        Assert.DoesNotContain(bread, vendor);
        var rival = await c.Rival.Client.OpenIntentsAsync();
        Assert.Contains(madrid, rival);
        Assert.DoesNotContain(barcelona, rival);
        Assert.Contains(anywhere, rival);
        Assert.DoesNotContain(madrid, await c.Outsider.Client.OpenIntentsAsync());
        await (await c.Outsider.Client.GetAsync($"/api/v1/intents/{madrid}")).Expect(HttpStatusCode.NotFound);
        // No vendor profile: no intents at all.
        var bare = await app.JoinAsync(await app.AdminAsync(), "No Profile Ltd", "Nora None");
        Assert.Empty(await bare.Client.OpenIntentsAsync());
        Assert.Equal(4, (await c.Buyer.Client.GetJson("/api/v1/intents")).Items().Count);

        var events = await app.EventsAsync("intent.published", madrid);
        var (data, audience) = Assert.Single(events);
        Assert.Contains(c.Vendor.OrganizationId, audience);
        Assert.Contains(c.Rival.OrganizationId, audience);
        Assert.DoesNotContain(c.Outsider.OrganizationId, audience);
        Assert.DoesNotContain(c.Buyer.PartyId.ToString(), data.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AVendorSeesAPseudonymUntilTheBuyerReveals()
    {
        var c = await app.IntentCastAsync();
        var intent = (await c.Buyer.PublishAsync()).Id();
        var raw = await (await c.Vendor.Client.GetAsync($"/api/v1/intents/{intent}")).Content.ReadAsStringAsync();
        var list = await (await c.Vendor.Client.GetAsync("/api/v1/intents?limit=200")).Content.ReadAsStringAsync();
        foreach (var body in new[] { raw, list })
        {
            Assert.DoesNotContain(c.Buyer.PartyId.ToString(), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Ida", body, StringComparison.Ordinal);
            Assert.DoesNotContain(c.Buyer.Email, body, StringComparison.OrdinalIgnoreCase);
        }
        var seen = await c.Vendor.Client.GetJson($"/api/v1/intents/{intent}");
        Assert.Matches("^Buyer [0-9A-F]{6}$", seen["buyer"]!.GetValue<string>());
        Assert.Equal(seen["buyer"]!.GetValue<string>(), (await c.Rival.Client.GetJson($"/api/v1/intents/{intent}"))["buyer"]!.GetValue<string>());

        await c.Vendor.OfferAsync(intent);
        await (await c.Vendor.Client.PostAsync($"/api/v1/intents/{intent}/reveal", null)).Expect(HttpStatusCode.UnprocessableEntity);
        await (await c.Buyer.Client.PostAsync($"/api/v1/intents/{intent}/reveal", null)).Expect(HttpStatusCode.OK);
        var revealed = await c.Vendor.Client.GetJson($"/api/v1/intents/{intent}");
        Assert.Equal((c.Buyer.PartyId, "Ida Buyer"), (revealed["owner"]!["id"]!.GetValue<Guid>(), revealed["owner"]!["name"]!.GetValue<string>()));
        // A matching vendor that did not offer still reads the pseudonym only.
        Assert.DoesNotContain(c.Buyer.PartyId.ToString(), await (await c.Rival.Client.GetAsync($"/api/v1/intents/{intent}")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnExpiredIntentVanishesFromVendorsAndTakesNoOfferNorAcceptance()
    {
        var c = await app.IntentCastAsync();
        var intent = (await c.Buyer.Client.PostJson("/api/v1/intents", new { title = "Quick job", category = "heat-pumps", location = "ES", currency = "EUR", budget = 100m, expiresAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(2) })).Id();
        var offer = await c.Vendor.OfferAsync(intent);
        app.Clock.Advance(TimeSpan.FromHours(3));
        var buyer = (await app.SignInAgainAsync(c.Buyer)).Client;
        var vendor = (await app.SignInAgainAsync(c.Vendor)).Client;
        var rival = (await app.SignInAgainAsync(c.Rival)).Client;
        Assert.DoesNotContain(intent, await vendor.OpenIntentsAsync());
        await (await rival.GetAsync($"/api/v1/intents/{intent}")).Expect(HttpStatusCode.NotFound);
        await (await rival.PostAsJsonAsync($"/api/v1/intents/{intent}/offers", new { summary = "late" })).Expect(HttpStatusCode.NotFound);
        // The vendor that offered still follows its offer, but cannot offer again.
        Assert.Equal("expired", (await vendor.GetJson($"/api/v1/intents/{intent}"))["status"]!.GetValue<string>());
        await (await vendor.PostAsJsonAsync($"/api/v1/intents/{intent}/offers", new { summary = "late" })).Expect(HttpStatusCode.UnprocessableEntity);
        await (await buyer.PostAsync($"/api/v1/intents/{intent}/offers/{offer}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("expired", (await buyer.GetJson("/api/v1/intents?status=expired")).Items().Single(i => i.Id() == intent)!["status"]!.GetValue<string>());
        Assert.Equal(0, await app.OutboxCountAsync("intent.expired", intent));

        // The sweep settles it once: the waiting offer is declined, owner and vendor hear of it; reads are unchanged.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<IntentExpirySweep>();
            Assert.True(await sweep.RunAsync(TestContext.Current.CancellationToken) >= 1);
            Assert.Equal(0, await sweep.RunAsync(TestContext.Current.CancellationToken));
        }
        Assert.Equal(1, await app.OutboxCountAsync("intent.expired", intent));
        var declined = (await vendor.GetJson($"/api/v1/intents/{intent}/offers")).Items().Single()!;
        Assert.Equal((offer, "declined", "The intent expired."), (declined.Id(), declined["status"]!.GetValue<string>(), declined["declineReason"]!.GetValue<string>()));
        Assert.Equal("expired", (await vendor.GetJson($"/api/v1/intents/{intent}"))["status"]!.GetValue<string>());
        Assert.Equal("expired", (await buyer.GetJson("/api/v1/intents?status=expired")).Items().Single(i => i.Id() == intent)!["status"]!.GetValue<string>());
        Assert.DoesNotContain(intent, await rival.OpenIntentsAsync());
    }

    [Fact]
    public async Task TheOwnerWithdrawsAndPendingOffersAreDeclined()
    {
        var c = await app.IntentCastAsync();
        var intent = (await c.Buyer.PublishAsync()).Id();
        var offer = await c.Vendor.OfferAsync(intent);
        await (await c.Vendor.Client.PostAsync($"/api/v1/intents/{intent}/withdraw", null)).Expect(HttpStatusCode.UnprocessableEntity);
        var withdrawn = await c.Buyer.Client.PostAsync($"/api/v1/intents/{intent}/withdraw", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["status"]!.GetValue<string>());
        var mine = (await c.Vendor.Client.GetJson($"/api/v1/intents/{intent}/offers")).Items().Single()!;
        Assert.Equal((offer, "declined", "The buyer withdrew the intent."), (mine.Id(), mine["status"]!.GetValue<string>(), mine["declineReason"]!.GetValue<string>()));
        Assert.DoesNotContain(intent, await c.Rival.Client.OpenIntentsAsync());
        Assert.Equal(1, await app.OutboxCountAsync("intent.offer_declined", offer));
    }
}
