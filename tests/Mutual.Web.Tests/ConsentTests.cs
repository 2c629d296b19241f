using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Consent;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Consents: the individual grants scopes under their own terms; the vendor answers the terms; revocation and expiry stop the flow at once.</summary>
public sealed class ConsentTests(MutualApp app) : IClassFixture<MutualApp>
{
    private Task<(Individual Ida, Member Vendor)> SetUpAsync() => app.BuyerAndVendorAsync();

    [Fact]
    public async Task AGrantWithoutTermsIsLiveAtOnceAndShowsOnlyTheGrantedFields()
    {
        var (ida, vendor) = await SetUpAsync();
        var created = await ida.Client.PostAsJsonAsync("/api/v1/consents", new { granteePartyId = vendor.OrganizationId, scopes = new[] { "preferences", "contact.email" }, purpose = "Quote" });
        await created.Expect(HttpStatusCode.Created);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var consent = await created.Json();
        Assert.Equal(("active", true), (consent["status"]!.GetValue<string>(), consent["live"]!.GetValue<bool>()));
        Assert.Equal(["contact.email", "preferences"], consent["scopes"].Strings());
        Assert.Null(consent["terms"]);
        Assert.Equal(("Ida Buyer", "Heat Pumps Ltd"), (consent["grantor"]!["name"]!.GetValue<string>(), consent["grantee"]!["name"]!.GetValue<string>()));

        var profile = await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        Assert.Equal("Ida Buyer", profile["name"]!.GetValue<string>());
        Assert.Equal([ida.Email], profile["emails"].Strings());
        Assert.Equal("de", profile["preferences"]!["language"]!.GetValue<string>());
        Assert.Null(profile["phones"]);
        Assert.Null(profile["addresses"]);
        Assert.Equal(["contact.email", "preferences"], profile["scopes"].Strings());
        Assert.Equal([consent.Id()], profile["consentIds"]!.AsArray().Select(x => x!.GetValue<Guid>()));

        // The event names both sides and the scopes, never the data.
        var events = await app.EventsAsync("consent.granted", consent.Id());
        var (data, audience) = Assert.Single(events);
        Assert.Equal([ida.PartyId, vendor.OrganizationId], audience.Order());
        Assert.DoesNotContain(ida.Email, data.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("active", data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AChangeByTheIndividualShowsToTheVendorAtOnce()
    {
        var (ida, vendor) = await SetUpAsync();
        await ida.GrantAsync(vendor.OrganizationId, ["contact.email", "address.postal"]);
        Assert.Equal([ida.Email], (await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile"))["emails"].Strings());
        var changed = Individuals.FullProfile("Ida Moved", "ida.new@home.test");
        await (await ida.Client.PutJsonAsync("/api/v1/me/profile", changed)).Expect(HttpStatusCode.OK);
        var profile = await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        Assert.Equal(("Ida Moved", "ida.new@home.test"), (profile["name"]!.GetValue<string>(), profile["emails"]![0]!.GetValue<string>()));
        Assert.Equal("Berlin", profile["addresses"]![0]!["city"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProfferedTermsHoldTheDataBackUntilTheVendorAcceptsThem()
    {
        var (ida, vendor) = await SetUpAsync();
        var id = await ida.GrantAsync(vendor.OrganizationId, ["contact.phone"], ["no-sharing", "intent-only"]);
        var proffered = await ida.Client.GetJson($"/api/v1/consents/{id}");
        Assert.Equal(("proffered", false), (proffered["status"]!.GetValue<string>(), proffered["live"]!.GetValue<bool>()));
        Assert.Null(proffered["terms"]!["decision"]);
        Assert.Equal(HttpStatusCode.NotFound, await vendor.Client.ReadProfileStatusAsync(ida.PartyId));

        // Only the grantee answers; the individual cannot accept on its behalf.
        await (await ida.Client.PostAsync($"/api/v1/consents/{id}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
        await (await vendor.Client.PostAsync($"/api/v1/consents/{id}/accept", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, await app.OutboxCountAsync("consent.terms_accepted", id));

        // Both sides read the same signed-off record: which agreements, proffered by whom, accepted by whom, when.
        var mine = await ida.Client.GetJson($"/api/v1/consents/{id}");
        var theirs = await vendor.Client.GetJson($"/api/v1/consents/{id}");
        Assert.Equal(mine.ToJsonString(), theirs.ToJsonString());
        var terms = mine["terms"]!;
        Assert.Equal(["no-sharing", "intent-only"], terms["agreements"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.All(terms["agreements"]!.AsArray(), a => Assert.False(string.IsNullOrWhiteSpace(a!["text"]!.GetValue<string>())));
        Assert.Equal(("proffered", ida.PartyId, ida.PartyId), (terms["proffered"]!["action"]!.GetValue<string>(), terms["proffered"]!["partyId"]!.GetValue<Guid>(), terms["proffered"]!["personPartyId"]!.GetValue<Guid>()));
        var decision = terms["decision"]!;
        Assert.Equal(("accepted", vendor.OrganizationId, vendor.PersonId), (decision["action"]!.GetValue<string>(), decision["partyId"]!.GetValue<Guid>(), decision["personPartyId"]!.GetValue<Guid>()));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, decision["at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(("active", 2), (mine["status"]!.GetValue<string>(), mine["version"]!.GetValue<int>()));

        Assert.Equal(["+49 30 1234567"], (await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile"))["phones"].Strings());
        // An answer is given once.
        await (await vendor.Client.PostAsync($"/api/v1/consents/{id}/decline", null)).Expect(HttpStatusCode.UnprocessableEntity);
        var plain = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"]);
        await (await vendor.Client.PostAsync($"/api/v1/consents/{plain}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task DeclinedTermsNeverLetDataFlowAndTheRecordSaysWhy()
    {
        var (ida, vendor) = await SetUpAsync();
        var id = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"], ["purchase-only"]);
        await (await vendor.Client.PostAsJsonAsync($"/api/v1/consents/{id}/decline", new { reason = new string('r', 501) })).Expect(HttpStatusCode.BadRequest);
        var declined = await vendor.Client.PostJson($"/api/v1/consents/{id}/decline", new { reason = "We must share with our installer" }, HttpStatusCode.OK);
        Assert.Equal(("declined", false), (declined["status"]!.GetValue<string>(), declined["live"]!.GetValue<bool>()));
        Assert.Equal(("declined", "We must share with our installer"), (declined["terms"]!["decision"]!["action"]!.GetValue<string>(), declined["terms"]!["decision"]!["reason"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, await vendor.Client.ReadProfileStatusAsync(ida.PartyId));
        await (await vendor.Client.PostAsync($"/api/v1/consents/{id}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await app.OutboxCountAsync("consent.terms_declined", id));
    }

    [Fact]
    public async Task ARevocationTakesEffectOnTheVeryNextRequest()
    {
        var (ida, vendor) = await SetUpAsync();
        var id = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"]);
        await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        // The vendor cannot revoke (it is the individual's grant), nor can a stale If-Match.
        await (await vendor.Client.DeleteAsync($"/api/v1/consents/{id}")).Expect(HttpStatusCode.UnprocessableEntity);
        var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/consents/{id}");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"9\"");
        await (await ida.Client.SendAsync(stale)).Expect(HttpStatusCode.PreconditionFailed);

        await (await ida.Client.DeleteAsync($"/api/v1/consents/{id}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, await vendor.Client.ReadProfileStatusAsync(ida.PartyId));
        var record = await vendor.Client.GetJson($"/api/v1/consents/{id}");
        Assert.Equal(("revoked", false), (record["status"]!.GetValue<string>(), record["live"]!.GetValue<bool>()));
        Assert.NotNull(record["revokedAt"]);
        // Revoking twice changes nothing and tells no one again.
        await (await ida.Client.DeleteAsync($"/api/v1/consents/{id}")).Expect(HttpStatusCode.NoContent);
        var (data, audience) = Assert.Single(await app.EventsAsync("consent.revoked", id));
        Assert.Equal([ida.PartyId, vendor.OrganizationId], audience.Order());
        Assert.Equal("revoked", data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExpiredConsentIsA404OnTheVeryNextRequest()
    {
        var (ida, vendor) = await SetUpAsync();
        var expiresAt = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        var id = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"], expiresAt: expiresAt);
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, await vendor.Client.ReadProfileStatusAsync(ida.PartyId));
        var record = await ida.Client.GetJson($"/api/v1/consents/{id}");
        Assert.Equal(("expired", false), (record["status"]!.GetValue<string>(), record["live"]!.GetValue<bool>()));
        Assert.Contains((await ida.Client.GetJson("/api/v1/consents?status=expired")).Items(), c => c.Id() == id);
        Assert.DoesNotContain((await ida.Client.GetJson("/api/v1/consents?status=active")).Items(), c => c.Id() == id);
        // Nor can proffered terms be accepted once the grant ran out.
        var late = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"], ["no-sharing"], app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await vendor.Client.PostAsync($"/api/v1/consents/{late}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
        // Unanswered terms lapse too: the vendor's pending list no longer offers them.
        Assert.Equal("expired", (await ida.Client.GetJson($"/api/v1/consents/{late}"))["status"]!.GetValue<string>());
        Assert.DoesNotContain((await vendor.Client.GetJson("/api/v1/consents?status=proffered")).Items(), c => c.Id() == late);
        Assert.Empty(await app.EventsAsync("consent.expired", id));

        // The sweep stores the lapse and tells both sides, once each.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<ConsentExpirySweep>();
            Assert.True(await sweep.RunAsync(TestContext.Current.CancellationToken) >= 2);
            Assert.Equal(0, await sweep.RunAsync(TestContext.Current.CancellationToken));
        }
        foreach (var lapsed in new[] { id, late })
        {
            var (data, audience) = Assert.Single(await app.EventsAsync("consent.expired", lapsed));
            Assert.Equal([ida.PartyId, vendor.OrganizationId], audience.Order());
            Assert.Equal("expired", data["status"]!.GetValue<string>());
            Assert.Contains((await ida.Client.GetJson("/api/v1/consents?status=expired")).Items(), c => c.Id() == lapsed);
        }
        Assert.Equal(HttpStatusCode.NotFound, await vendor.Client.ReadProfileStatusAsync(ida.PartyId));
        await (await vendor.Client.PostAsync($"/api/v1/consents/{late}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task AnInvalidGrantIsAFieldErrorAndOnlyAnIndividualGrants()
    {
        var (ida, vendor) = await SetUpAsync();
        var other = await app.RegisterAsync("Olga Other");
        var problem = await ida.Client.PostJson("/api/v1/consents", new { granteePartyId = other.PartyId, scopes = new[] { "contact.email", "ssn" }, purpose = "", terms = new[] { "sell-everything" }, expiresAt = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1) }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "granteePartyId", "scopes", "purpose", "terms", "expiresAt" }) Assert.True(problem["errors"]![field] is not null, field);
        // The host's private contacts are not grantees either: a party the individual cannot see is not a member organization.
        var admin = await app.AdminAsync();
        var hidden = await admin.CreatePartyAsync("organization", "Hidden Org");
        problem = await ida.Client.PostJson("/api/v1/consents", new { granteePartyId = hidden, scopes = new[] { "contact.email" }, purpose = "x" }, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["granteePartyId"]);
        await ida.Client.PostJson("/api/v1/consents", new { scopes = Array.Empty<string>(), purpose = "x" }, HttpStatusCode.BadRequest);
        // An organization's people do not grant consents over a personal profile.
        await vendor.Client.PostJson("/api/v1/consents", new { granteePartyId = vendor.OrganizationId, scopes = new[] { "contact.email" }, purpose = "x" }, HttpStatusCode.UnprocessableEntity);
        Assert.Empty((await ida.Client.GetJson("/api/v1/consents")).Items());
        await ida.Client.GetJson("/api/v1/consents?status=bogus", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ARepeatedGrantWithTheSameIdempotencyKeyCreatesOneConsent()
    {
        var (ida, vendor) = await SetUpAsync();
        async Task<HttpResponseMessage> PostAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/consents")
            {
                Content = JsonContent.Create(new { granteePartyId = vendor.OrganizationId, scopes = new[] { "contact.email" }, purpose = "Quote" }),
            };
            request.Headers.Add("Idempotency-Key", "grant-once");
            return await ida.Client.SendAsync(request);
        }
        var first = await (await (await PostAsync()).Expect(HttpStatusCode.Created)).Json();
        var again = await (await (await PostAsync()).Expect(HttpStatusCode.Created)).Json();
        Assert.Equal(first.Id(), again.Id());
        Assert.Single((await ida.Client.GetJson("/api/v1/consents")).Items());
    }

    [Fact]
    public async Task TheStandardTermsAreListedByStableId()
    {
        var ida = await app.RegisterAsync("Ida Terms");
        var roster = (await ida.Client.GetJson("/api/v1/consents/terms")).Items();
        Assert.Equal(["purchase-only", "no-sharing", "intent-only", "no-marketing"], roster.Select(t => t!["id"]!.GetValue<string>()));
        Assert.All(roster, t => Assert.False(string.IsNullOrWhiteSpace(t!["title"]!.GetValue<string>())));
    }
}
