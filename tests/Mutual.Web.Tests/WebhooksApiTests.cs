using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Data;
using Mutual.Core.Webhooks;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>The webhook resource, on an app configured like production: private networks are refused.</summary>
public sealed class WebhooksApiTests(MutualApp app) : IClassFixture<MutualApp>
{
    // A public address literal: accepted without a DNS lookup (nothing is ever sent to it in these tests).
    private const string PublicUrl = "https://93.184.216.34/hooks/mutual";

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00:ec2::254]/latest")]
    [InlineData("https://[::1]/hook")]
    [InlineData("http://93.184.216.34/hook")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task RegistrationRefusesInternalOrUnsafeUrlsWithAFieldError(string url)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "lead.assigned" } });
        await response.Expect(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.Json())["errors"]!["url"]);
    }

    [Fact]
    public async Task EventTypesAreCheckedAgainstTheCatalogue()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, events = new[] { "lead.asigned" } });
        await response.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("lead.asigned", (await response.Json())["errors"]!["events"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, events = Array.Empty<string>() })).Expect(HttpStatusCode.BadRequest);
        await (await admin.PostRaw("/api/v1/webhooks", """{"url":"https://93.184.216.34/","events":"lead.assigned"}""")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("case.sla_breached", (await admin.GetJson("/api/v1/webhooks/event-types")).Strings());
    }

    [Fact]
    public async Task AnEndpointIsRegisteredReadChangedAndRemoved()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, events = new[] { "lead.assigned", "case.updated" } });
        await response.Expect(HttpStatusCode.Created);
        var created = await response.Json();
        var id = created.Id();
        Assert.Equal($"/api/v1/webhooks/{id}", response.Headers.Location!.ToString());
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.InRange(Convert.FromBase64String(secret[6..]).Length, 24, 32);
        Assert.True(created["enabled"]!.GetValue<bool>());

        var get = await admin.GetAsync($"/api/v1/webhooks/{id}");
        await get.Expect(HttpStatusCode.OK);
        Assert.Null((await get.Json())["secret"]);
        var etag = get.Headers.ETag!.Tag;
        Assert.Contains((await admin.GetJson("/api/v1/webhooks?limit=200")).Items(), w => w.Id() == id);

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { enabled = false }) };
        stale.Headers.IfMatch.ParseAdd("\"999\"");
        await (await admin.SendAsync(stale)).Expect(HttpStatusCode.PreconditionFailed);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { events = new[] { "*" }, enabled = false }) };
        patch.Headers.IfMatch.ParseAdd(etag);
        var patched = await (await (await admin.SendAsync(patch)).Expect(HttpStatusCode.OK)).Json();
        Assert.Equal(["*"], patched["events"].Strings());
        Assert.False(patched["enabled"]!.GetValue<bool>());
        await (await admin.PatchAsync($"/api/v1/webhooks/{id}", JsonContent.Create(new { url = "https://127.0.0.1/x" }))).Expect(HttpStatusCode.BadRequest);
        await (await admin.PatchAsync($"/api/v1/webhooks/{id}", JsonContent.Create(new { enabled = "yes" }))).Expect(HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetJson($"/api/v1/webhooks/{id}/deliveries")).Items());
        await (await admin.GetAsync($"/api/v1/webhooks/{id}/deliveries?state=lost")).Expect(HttpStatusCode.BadRequest);

        await (await admin.DeleteAsync($"/api/v1/webhooks/{id}")).Expect(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/v1/webhooks/{id}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AtDeliveryTheConnectionToAnInternalAddressIsRefused()
    {
        // Registration refuses loopback, so this stands for a public name that later resolves inside (DNS rebinding).
        await using var receiver = await Receiver.StartAsync();
        var member = await app.JoinAsync(await app.AdminAsync(), "Rebinders", "Rita Rebind");
        await app.PumpAsync();
        var factory = app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        Guid endpointId;
        await using (var db = await factory.CreateSystemAsync())
        {
            var endpoint = new WebhookEndpoint
            {
                OwnerPartyId = member.OrganizationId, Url = receiver.Url, Events = ["*"], Secret = WebhookSignature.NewSecret(),
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            endpointId = endpoint.Id;
        }
        await member.Client.CreatePartyAsync("organization", "Bait");
        await app.PumpAsync();
        Assert.Empty(receiver.Requests);
        var delivery = Assert.Single((await member.Client.GetJson($"/api/v1/webhooks/{endpointId}/deliveries")).Items());
        Assert.Equal("pending", delivery!["state"]!.GetValue<string>());
        Assert.Contains("internal address", delivery["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
