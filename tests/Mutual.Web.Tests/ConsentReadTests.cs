using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Reads through consents: the vendor sees exactly the granted fields, every read is logged, and no one else sees anything.</summary>
public sealed class ConsentReadTests(MutualApp app) : IClassFixture<MutualApp>
{
    private Task<(Individual Ida, Member Vendor)> SetUpAsync() => app.BuyerAndVendorAsync();

    [Fact]
    public async Task TheVendorSeesTheUnionOfItsLiveConsents()
    {
        var (ida, vendor) = await SetUpAsync();
        var email = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"]);
        var phone = await ida.GrantAsync(vendor.OrganizationId, ["contact.phone"]);
        var both = await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        Assert.Equal(["contact.email", "contact.phone"], both["scopes"].Strings());
        Assert.Equal([email, phone], both["consentIds"]!.AsArray().Select(x => x!.GetValue<Guid>()).Order());
        await (await ida.Client.DeleteAsync($"/api/v1/consents/{email}")).Expect(HttpStatusCode.NoContent);
        var one = await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        Assert.Null(one["emails"]);
        Assert.NotNull(one["phones"]);
    }

    [Fact]
    public async Task TheAccessLogRecordsEveryReadWithItsScopesNewestFirst()
    {
        var (ida, vendor) = await SetUpAsync();
        var id = await ida.GrantAsync(vendor.OrganizationId, ["contact.email", "preferences"]);
        await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        await (await ida.Client.DeleteAsync($"/api/v1/consents/{id}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, await vendor.Client.ReadProfileStatusAsync(ida.PartyId)); // a refused read is not a read

        var log = (await ida.Client.GetJson("/api/v1/me/access-log")).Items();
        Assert.Equal(2, log.Count);
        Assert.True(log[0]!["at"]!.GetValue<DateTime>() > log[1]!["at"]!.GetValue<DateTime>());
        foreach (var entry in log)
        {
            Assert.Equal(("Heat Pumps Ltd", vendor.PersonId), (entry!["reader"]!["name"]!.GetValue<string>(), entry["readerPerson"]!["id"]!.GetValue<Guid>()));
            Assert.Equal(["contact.email", "preferences"], entry["scopes"].Strings());
            Assert.Equal([id], entry["consentIds"]!.AsArray().Select(x => x!.GetValue<Guid>()));
        }
        // Pages follow a cursor; the vendor has no log of the individual's.
        var first = await ida.Client.GetJson("/api/v1/me/access-log?limit=1");
        var second = await ida.Client.GetJson($"/api/v1/me/access-log?limit=1&cursor={first["nextCursor"]!.GetValue<string>()}");
        Assert.Equal([log[0]!.Id(), log[1]!.Id()], [first.Items()[0]!.Id(), second.Items()[0]!.Id()]);
        Assert.Null(second["nextCursor"]);
        Assert.Empty((await vendor.Client.GetJson("/api/v1/me/access-log")).Items());
        await (await ida.Client.GetAsync("/api/v1/me/access-log?cursor=bogus")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EachSideListsItsOwnConsentsAndASecondVendorSeesNothing()
    {
        var (ida, vendor) = await SetUpAsync();
        var second = await app.JoinAsync(await app.AdminAsync(), "Second Vendor", "Sue Second");
        var live = await ida.GrantAsync(vendor.OrganizationId, ["contact.email", "contact.phone", "address.postal", "preferences"]);
        var pending = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"], ["intent-only"]);
        Assert.Equal([pending, live], (await ida.Client.GetJson("/api/v1/consents")).Items().Select(c => c.Id()));
        Assert.Equal([pending, live], (await vendor.Client.GetJson("/api/v1/consents")).Items().Select(c => c.Id()));
        Assert.Equal([pending], (await vendor.Client.GetJson("/api/v1/consents?status=proffered")).Items().Select(c => c.Id()));

        Assert.Empty((await second.Client.GetJson("/api/v1/consents?limit=200")).Items());
        foreach (var id in new[] { live, pending })
        {
            await (await second.Client.GetAsync($"/api/v1/consents/{id}")).Expect(HttpStatusCode.NotFound);
            await (await second.Client.PostAsync($"/api/v1/consents/{id}/accept", null)).Expect(HttpStatusCode.NotFound);
            await (await second.Client.PostAsync($"/api/v1/consents/{id}/decline", null)).Expect(HttpStatusCode.NotFound);
            await (await second.Client.DeleteAsync($"/api/v1/consents/{id}")).Expect(HttpStatusCode.NotFound);
        }
        var refused = await second.Client.GetAsync($"/api/v1/parties/{ida.PartyId}/profile");
        await refused.Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(ida.Email, await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // Nothing changed, and no read by the second vendor was logged.
        Assert.Equal(("proffered", 1), ((await ida.Client.GetJson($"/api/v1/consents/{pending}"))["status"]!.GetValue<string>(), (await ida.Client.GetJson($"/api/v1/consents/{pending}"))["version"]!.GetValue<int>()));
        Assert.Empty((await ida.Client.GetJson("/api/v1/me/access-log")).Items());
    }

    [Fact]
    public async Task AnApiKeyReadsConsentedProfilesOnlyWithTheConsentsScopeAndIsLoggedAsItsCreator()
    {
        var (ida, vendor) = await SetUpAsync();
        await ida.GrantAsync(vendor.OrganizationId, ["contact.email"]);
        async Task<HttpClient> KeyAsync(string scope)
        {
            var key = await vendor.Client.PostJson("/api/v1/api-keys", new { name = $"Sync {scope}", scopes = new[] { scope } });
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", key["key"]!.GetValue<string>());
            return client;
        }
        var reader = await KeyAsync("consents:read");
        await reader.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        await (await reader.DeleteAsync($"/api/v1/consents/{Guid.NewGuid()}")).Expect(HttpStatusCode.Forbidden);
        await (await reader.GetAsync("/api/v1/me/vendor-profile")).Expect(HttpStatusCode.Forbidden);
        var profileOnly = await KeyAsync("profile:read");
        await (await profileOnly.GetAsync($"/api/v1/parties/{ida.PartyId}/profile")).Expect(HttpStatusCode.Forbidden);
        await (await profileOnly.GetAsync("/api/v1/me/vendor-profile")).Expect(HttpStatusCode.NotFound);
        var entry = Assert.Single((await ida.Client.GetJson("/api/v1/me/access-log")).Items());
        Assert.Equal((vendor.OrganizationId, vendor.PersonId), (entry!["reader"]!["id"]!.GetValue<Guid>(), entry["readerPerson"]!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task ConsentEventsReachTheGranteesWebhooksAndNoOneElses()
    {
        var (ida, vendor) = await SetUpAsync();
        var second = await app.JoinAsync(await app.AdminAsync(), "Listening Vendor", "Lis Listener");
        string[] events = ["consent.granted", "consent.terms_accepted", "consent.terms_declined", "consent.revoked"];
        // A public address: only the fan-out runs here, nothing is sent.
        var hook = (await vendor.Client.PostJson("/api/v1/webhooks", new { url = "https://93.184.216.34/hook", events })).Id();
        var other = (await second.Client.PostJson("/api/v1/webhooks", new { url = "https://93.184.216.34/hook", events })).Id();
        var id = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"], ["no-sharing"]);
        await (await vendor.Client.PostAsync($"/api/v1/consents/{id}/accept", null)).Expect(HttpStatusCode.OK);
        await (await ida.Client.DeleteAsync($"/api/v1/consents/{id}")).Expect(HttpStatusCode.NoContent);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Mutual.Core.Webhooks.WebhookDispatcher>().RunAsync();
        var delivered = (await vendor.Client.GetJson($"/api/v1/webhooks/{hook}/deliveries")).Items().Select(d => d!["type"]!.GetValue<string>()).Order();
        Assert.Equal(["consent.granted", "consent.revoked", "consent.terms_accepted"], delivered);
        Assert.Empty((await second.Client.GetJson($"/api/v1/webhooks/{other}/deliveries")).Items());
    }
}
