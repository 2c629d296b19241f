using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Offers: each vendor sees only its own; accepting one declines the others and opens a relationship, a conversation and a consent, once.</summary>
public sealed class OfferTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task AVendorSeesOnlyItsOwnOfferAndTheOwnerSeesAll()
    {
        var c = await app.IntentCastAsync();
        var intent = (await c.Buyer.PublishAsync()).Id();
        var mine = await c.Vendor.OfferAsync(intent, 7000m);
        var theirs = await c.Rival.OfferAsync(intent, 6500m);
        Assert.Equal([mine], (await c.Vendor.Client.GetJson($"/api/v1/intents/{intent}/offers")).Items().Select(o => o.Id()));
        Assert.Equal([theirs], (await c.Rival.Client.GetJson($"/api/v1/intents/{intent}/offers")).Items().Select(o => o.Id()));
        var all = (await c.Buyer.Client.GetJson($"/api/v1/intents/{intent}/offers")).Items();
        Assert.Equal([mine, theirs], all.Select(o => o.Id()));
        Assert.Equal(("Heat Pumps Ltd", 7000m, "EUR"), (all[0]!["vendor"]!["name"]!.GetValue<string>(), all[0]!["price"]!.GetValue<decimal>(), all[0]!["currency"]!.GetValue<string>()));
        var owner = await c.Buyer.Client.GetJson($"/api/v1/intents/{intent}");
        Assert.Equal((2, 2), (owner["offerCount"]!.GetValue<int>(), owner["pendingOfferCount"]!.GetValue<int>()));
        Assert.Null((await c.Vendor.Client.GetJson($"/api/v1/intents/{intent}"))["offerCount"]);
        Assert.Equal(mine, (await c.Vendor.Client.GetJson($"/api/v1/intents/{intent}"))["myOffer"].Id());
        // One pending offer per vendor; a non-matching vendor cannot even find the intent.
        await (await c.Vendor.Client.PostAsJsonAsync($"/api/v1/intents/{intent}/offers", new { summary = "again" })).Expect(HttpStatusCode.Conflict);
        await (await c.Outsider.Client.PostAsJsonAsync($"/api/v1/intents/{intent}/offers", new { summary = "me too" })).Expect(HttpStatusCode.NotFound);
        await (await c.Vendor.Client.PostAsJsonAsync($"/api/v1/intents/{intent}/offers", new { summary = "" , price = 5m, currency = "xx" })).Expect(HttpStatusCode.BadRequest);
        await (await c.Buyer.Client.PostAsJsonAsync($"/api/v1/intents/{intent}/offers", new { summary = "self" })).Expect(HttpStatusCode.UnprocessableEntity);
        // Another vendor's offer is a 404, for reading and for withdrawing.
        await (await c.Vendor.Client.PostAsync($"/api/v1/intents/{intent}/offers/{theirs}/withdraw", null)).Expect(HttpStatusCode.NotFound);
        var withdrawn = await c.Vendor.Client.PostAsync($"/api/v1/intents/{intent}/offers/{mine}/withdraw", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["status"]!.GetValue<string>());
        await c.Vendor.OfferAsync(intent, 6000m);
        var received = await app.EventsAsync("intent.offer_received", theirs);
        var (data, audience) = Assert.Single(received);
        Assert.Equal(new[] { c.Buyer.PartyId, c.Rival.OrganizationId }.Order(), audience.Order());
        Assert.DoesNotContain(c.Buyer.PartyId.ToString(), data.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AcceptingAnOfferOpensTheRelationshipConversationAndConsentAndDeclinesTheOthers()
    {
        var c = await app.IntentCastAsync();
        var intent = (await c.Buyer.PublishAsync(terms: ["no-sharing", "intent-only"])).Id();
        var chosen = await c.Vendor.OfferAsync(intent, 7000m);
        var other = await c.Rival.OfferAsync(intent, 7200m);
        await (await c.Vendor.Client.PostAsync($"/api/v1/intents/{intent}/offers/{chosen}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
        await (await c.Buyer.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/intents/{intent}/offers/{chosen}/accept") { Headers = { { "If-Match", "\"99\"" } } })).Expect(HttpStatusCode.PreconditionFailed);

        var accepted = await c.Buyer.Client.PostAsync($"/api/v1/intents/{intent}/offers/{chosen}/accept", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("accepted", chosen), (accepted["status"]!.GetValue<string>(), accepted["acceptedOfferId"]!.GetValue<Guid>()));
        var conversation = accepted["conversationId"]!.GetValue<Guid>();
        var consent = accepted["consentId"]!.GetValue<Guid>();

        // The relationship, in the individual's book, seen from both ends.
        var relationships = (await c.Buyer.Client.GetJson($"/api/v1/parties/{c.Buyer.PartyId}/relationships")).Items();
        Assert.Contains(relationships, r => r!["kind"]!.GetValue<string>() == "customer-of" && r.ToJsonString().Contains(c.Vendor.OrganizationId.ToString(), StringComparison.OrdinalIgnoreCase));
        // The conversation: both sides read it, the first message quotes the offer.
        var thread = await c.Vendor.Client.GetJson($"/api/v1/conversations/{conversation}/messages");
        Assert.Contains("7000 all included", thread.Items()[0]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        await c.Buyer.Client.GetJson($"/api/v1/conversations/{conversation}");
        await (await c.Rival.Client.GetAsync($"/api/v1/conversations/{conversation}")).Expect(HttpStatusCode.NotFound);
        // The consent is live under the intent's terms, signed off by the person who offered; the vendor reads the email.
        var record = await c.Vendor.Client.GetJson($"/api/v1/consents/{consent}");
        Assert.Equal(("active", true), (record["status"]!.GetValue<string>(), record["live"]!.GetValue<bool>()));
        Assert.Equal(["no-sharing", "intent-only"], record["terms"]!["agreements"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(c.Vendor.PersonId, record["terms"]!["decision"]!["personPartyId"]!.GetValue<Guid>());
        Assert.Equal([c.Buyer.Email], (await c.Vendor.Client.GetJson($"/api/v1/parties/{c.Buyer.PartyId}/profile"))["emails"].Strings());
        Assert.Equal(HttpStatusCode.NotFound, await c.Rival.Client.ReadProfileStatusAsync(c.Buyer.PartyId));
        // The accepted vendor knows the buyer now; the declined one does not, and was told politely.
        Assert.Equal(c.Buyer.PartyId, (await c.Vendor.Client.GetJson($"/api/v1/intents/{intent}"))["owner"]!["id"]!.GetValue<Guid>());
        var rivalView = await (await c.Rival.Client.GetAsync($"/api/v1/intents/{intent}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(c.Buyer.PartyId.ToString(), rivalView, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(conversation.ToString(), rivalView, StringComparison.OrdinalIgnoreCase);
        var declined = (await c.Rival.Client.GetJson($"/api/v1/intents/{intent}/offers")).Items().Single()!;
        Assert.Equal((other, "declined", "The buyer chose another offer."), (declined.Id(), declined["status"]!.GetValue<string>(), declined["declineReason"]!.GetValue<string>()));
        Assert.Equal(1, await app.OutboxCountAsync("intent.offer_declined", other));
        var (_, audience) = Assert.Single(await app.EventsAsync("intent.offer_accepted", chosen));
        Assert.Equal(new[] { c.Buyer.PartyId, c.Vendor.OrganizationId }.Order(), audience.Order());
        Assert.Equal(1, await app.OutboxCountAsync("consent.granted", consent));
        // Accepted once: no second acceptance, no further offers.
        await (await c.Buyer.Client.PostAsync($"/api/v1/intents/{intent}/offers/{other}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
        await (await c.Rival.Client.PostAsJsonAsync($"/api/v1/intents/{intent}/offers", new { summary = "better" })).Expect(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task TwoConcurrentAcceptsCannotBothSucceed()
    {
        var c = await app.IntentCastAsync();
        var intent = (await c.Buyer.PublishAsync()).Id();
        var first = await c.Vendor.OfferAsync(intent);
        var second = await c.Rival.OfferAsync(intent);
        var race = await Task.WhenAll(new[] { first, second, first, second }.Select(o =>
            Task.Run(() => c.Buyer.Client.PostAsync($"/api/v1/intents/{intent}/offers/{o}/accept", null))));
        Assert.Single(race, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(race.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        var offers = (await c.Buyer.Client.GetJson($"/api/v1/intents/{intent}/offers")).Items();
        Assert.Single(offers, o => o!["status"]!.GetValue<string>() == "accepted");
        Assert.Single(offers, o => o!["status"]!.GetValue<string>() == "declined");
        Assert.Single((await c.Buyer.Client.GetJson("/api/v1/consents?limit=200")).Items());
    }
}
