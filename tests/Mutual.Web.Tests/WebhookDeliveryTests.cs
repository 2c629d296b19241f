using System.Net;
using System.Text.Json.Nodes;
using Mutual.Core.Webhooks;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Deliveries to a real receiver on loopback, with the clock moved instead of waiting.</summary>
public sealed class WebhookDeliveryTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    private async Task<(Member Org, Guid Webhook, string Secret)> SubscribeAsync(Receiver receiver, params string[] events)
    {
        var org = await app.JoinAsync(await app.AdminAsync(), "Subscriber " + Guid.NewGuid().ToString("N")[..6], "Sam Subscriber");
        await app.PumpAsync(); // earlier events (joining, other tests) are dispatched before this endpoint exists
        var created = await org.Client.PostJson("/api/v1/webhooks", new { url = receiver.Url, events });
        return (org, created.Id(), created["secret"]!.GetValue<string>());
    }

    private bool Verifies(string secret, Receiver.Request r) =>
        WebhookSignature.Verify(secret, r.Id, r.Timestamp, r.Signature, r.Body, app.Clock.GetUtcNow());

    private static async Task<JsonArray> DeliveriesAsync(Member org, Guid webhook) =>
        (await org.Client.GetJson($"/api/v1/webhooks/{webhook}/deliveries")).Items();

    [Fact]
    public async Task ASubscribedEventArrivesSignedWithTheSpecsHeadersAndBody()
    {
        await using var receiver = await Receiver.StartAsync();
        var (org, webhook, secret) = await SubscribeAsync(receiver, "party.created");
        var party = await org.Client.CreatePartyAsync("organization", "Acme Prospect");
        await app.PumpAsync();

        var request = Assert.Single(receiver.Accepted);
        Assert.True(Verifies(secret, request));
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Timestamp);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("party.created", body["type"]!.GetValue<string>());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, body["timestamp"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.EndsWith("Z", body["timestamp"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(party, body["data"]!["partyId"]!.GetValue<Guid>());

        var delivery = Assert.Single(await DeliveriesAsync(org, webhook));
        Assert.Equal("delivered", delivery!["state"]!.GetValue<string>());
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, delivery["lastStatusCode"]!.GetValue<int>());
        Assert.Equal(request.Id, delivery["eventId"]!.GetValue<Guid>().ToString());
        Assert.Equal("party.created", delivery["type"]!.GetValue<string>());

        // Unsubscribed types are not sent; pumping again sends nothing twice.
        await org.Client.PostJson("/api/v1/tasks", new { title = "Call", dueAt = app.Clock.GetUtcNow().AddDays(1) });
        await app.PumpAsync();
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task AReceiverDownForHoursGetsEveryEventOnceItIsBack()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behaviour = Receiver.Mode.Fail;
        var (org, webhook, secret) = await SubscribeAsync(receiver, "*");
        var parties = new List<Guid>();
        for (var i = 0; i < 3; i++) parties.Add(await org.Client.CreatePartyAsync("organization", $"Lead {i}"));
        await app.PumpAsync();
        var failing = await DeliveriesAsync(org, webhook);
        Assert.Equal(3, failing.Count);
        Assert.All(failing, d =>
        {
            Assert.Equal("pending", d!["state"]!.GetValue<string>());
            Assert.Equal(500, d["lastStatusCode"]!.GetValue<int>());
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(5), d["nextAttemptAt"]!.GetValue<DateTime>().ToUniversalTime());
        });

        // Down for five and a half hours: every retry on the schedule fails.
        foreach (var step in new[] { TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(3) })
        {
            app.Clock.Advance(step);
            await app.PumpAsync();
        }
        Assert.Equal(15, receiver.Requests.Count); // 3 events × 5 attempts so far (the fifth was at 2h35m)
        receiver.Behaviour = Receiver.Mode.Accept;
        app.Clock.Advance(TimeSpan.FromHours(2)); // the 5-hour retry falls due
        await app.PumpAsync();

        var arrived = receiver.Accepted;
        Assert.Equal(3, arrived.Count);
        Assert.All(arrived, r => Assert.True(Verifies(secret, r)));
        Assert.Equal(parties.Order(), arrived.Select(r => JsonNode.Parse(r.Body)!["data"]!["partyId"]!.GetValue<Guid>()).Order());
        org = await app.SignInAgainAsync(org);
        var log = await DeliveriesAsync(org, webhook);
        Assert.All(log, d => Assert.Equal("delivered", d!["state"]!.GetValue<string>()));
        Assert.All(log, d => Assert.Equal(6, d!["attempts"]!.GetValue<int>()));
        Assert.True((await org.Client.GetJson($"/api/v1/webhooks/{webhook}"))["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ASlowReceiverTimesOutAndTheEventIsRetried()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behaviour = Receiver.Mode.Slow;
        var (org, webhook, _) = await SubscribeAsync(receiver, "party.created");
        await org.Client.CreatePartyAsync("organization", "Slowpoke");
        await app.PumpAsync();
        var delivery = Assert.Single(await DeliveriesAsync(org, webhook));
        Assert.Equal("pending", delivery!["state"]!.GetValue<string>());
        Assert.Contains("No answer within", delivery["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        receiver.Behaviour = Receiver.Mode.Accept;
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await app.PumpAsync();
        Assert.Single(receiver.Accepted);
        Assert.Equal("delivered", Assert.Single(await DeliveriesAsync(org, webhook))!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task GoneDisablesTheEndpointAtOnceAndTellsTheOwnersOtherEndpoints()
    {
        await using var gone = await Receiver.StartAsync();
        await using var watcher = await Receiver.StartAsync();
        gone.Behaviour = Receiver.Mode.Gone;
        var (org, webhook, _) = await SubscribeAsync(gone, "*");
        await org.Client.PostJson("/api/v1/webhooks", new { url = watcher.Url, events = new[] { "webhook.disabled" } });
        await org.Client.CreatePartyAsync("organization", "First");
        await app.PumpAsync();

        var endpoint = await org.Client.GetJson($"/api/v1/webhooks/{webhook}");
        Assert.False(endpoint["enabled"]!.GetValue<bool>());
        Assert.Contains("410", endpoint["disabledReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("failed", Assert.Single(await DeliveriesAsync(org, webhook))!["state"]!.GetValue<string>());

        await org.Client.CreatePartyAsync("organization", "Second");
        await app.PumpAsync();
        Assert.Single(gone.Requests); // nothing more, and never its own disabling
        var notice = Assert.Single(watcher.Accepted);
        Assert.Equal(webhook, JsonNode.Parse(notice.Body)!["data"]!["webhookId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task WhenEveryRetryFailsTheDeliveryIsGivenUpAndTheEndpointDisabled()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behaviour = Receiver.Mode.Fail;
        var (org, webhook, _) = await SubscribeAsync(receiver, "party.created");
        await org.Client.CreatePartyAsync("organization", "Doomed");
        await app.PumpAsync();
        foreach (var step in new WebhookOptions().Schedule.Skip(1))
        {
            app.Clock.Advance(step);
            await app.PumpAsync();
        }
        Assert.Equal(8, receiver.Requests.Count);
        org = await app.SignInAgainAsync(org);
        var delivery = Assert.Single(await DeliveriesAsync(org, webhook));
        Assert.Equal("failed", delivery!["state"]!.GetValue<string>());
        Assert.Null(delivery["nextAttemptAt"]);
        Assert.False((await org.Client.GetJson($"/api/v1/webhooks/{webhook}"))["enabled"]!.GetValue<bool>());

        // Fixed and switched on again, the owner redelivers by hand.
        receiver.Behaviour = Receiver.Mode.Accept;
        await (await org.Client.PostAsync($"/api/v1/webhooks/{webhook}/deliveries/{delivery.Id()}/redeliver", null)).Expect(HttpStatusCode.UnprocessableEntity);
        await (await org.Client.PatchAsync($"/api/v1/webhooks/{webhook}", System.Net.Http.Json.JsonContent.Create(new { enabled = true }))).Expect(HttpStatusCode.OK);
        await org.Client.PostJson($"/api/v1/webhooks/{webhook}/deliveries/{delivery.Id()}/redeliver", new { }, HttpStatusCode.OK);
        await app.PumpAsync();
        Assert.Single(receiver.Accepted);
        Assert.Equal("delivered", Assert.Single(await DeliveriesAsync(org, webhook))!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task RedeliverySendsTheSameEventIdAgain()
    {
        await using var receiver = await Receiver.StartAsync();
        var (org, webhook, _) = await SubscribeAsync(receiver, "party.created");
        await org.Client.CreatePartyAsync("organization", "Twice");
        await app.PumpAsync();
        var delivery = Assert.Single(await DeliveriesAsync(org, webhook));
        await org.Client.PostJson($"/api/v1/webhooks/{webhook}/deliveries/{delivery!.Id()}/redeliver", new { }, HttpStatusCode.OK);
        await app.PumpAsync();
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Single(receiver.Accepted.Select(r => r.Id).Distinct());
        await (await org.Client.PostAsync($"/api/v1/webhooks/{webhook}/deliveries/{Guid.NewGuid()}/redeliver", null)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AfterRotationBothSecretsSignForTheGracePeriodThenOnlyTheNewOne()
    {
        await using var receiver = await Receiver.StartAsync();
        var (org, webhook, oldSecret) = await SubscribeAsync(receiver, "party.created");
        var rotated = await org.Client.PostJson($"/api/v1/webhooks/{webhook}/rotate-secret", new { }, HttpStatusCode.OK);
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.NotNull(rotated["previousSecretExpiresAt"]);
        Assert.Null((await org.Client.GetJson($"/api/v1/webhooks/{webhook}"))["secret"]);

        await org.Client.CreatePartyAsync("organization", "During grace");
        await app.PumpAsync();
        var during = Assert.Single(receiver.Accepted);
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(Verifies(oldSecret, during));
        Assert.True(Verifies(newSecret, during));

        app.Clock.Advance(TimeSpan.FromHours(25));
        org = await app.SignInAgainAsync(org);
        await org.Client.CreatePartyAsync("organization", "After grace");
        await app.PumpAsync();
        var after = receiver.Accepted[1];
        Assert.Single(after.Signature.Split(' '));
        Assert.True(Verifies(newSecret, after));
        Assert.False(Verifies(oldSecret, after));
    }

    [Fact]
    public async Task AReceiverNeverHearsOfEventsAboutRecordsItsOrganizationCannotSee()
    {
        await using var receiverA = await Receiver.StartAsync();
        await using var receiverB = await Receiver.StartAsync();
        var (a, _, _) = await SubscribeAsync(receiverA, "*");
        var (b, _, _) = await SubscribeAsync(receiverB, "*");
        var privateParty = await a.Client.CreatePartyAsync("organization", "A's private prospect");
        await a.Client.PostJson("/api/v1/tasks", new { title = "Private follow-up", dueAt = app.Clock.GetUtcNow().AddDays(1), partyId = privateParty });
        await app.PumpAsync();

        Assert.Equal(2, receiverA.Accepted.Count);
        Assert.Empty(receiverB.Requests);
        Assert.DoesNotContain(receiverB.Requests, r => r.Body.Contains(privateParty.ToString(), StringComparison.Ordinal));

        // An event both may see (a conversation between them) reaches both.
        await a.Client.PostJson("/api/v1/conversations", new { subject = "Hello B", participantPartyIds = new[] { b.OrganizationId }, body = "hi" });
        await app.PumpAsync();
        Assert.Contains(receiverB.Accepted, r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>() == "conversation.started");
    }
}
