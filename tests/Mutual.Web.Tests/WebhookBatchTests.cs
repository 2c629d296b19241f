using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Data;
using Mutual.Core.Webhooks;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// A pass sends many deliveries at once, over several claimed batches, and records their outcomes in groups: each
/// delivery still ends in its own right state, whatever else shared its batch or its transaction.
/// </summary>
public sealed class WebhookBatchTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    private async Task<Member> OrgAsync()
    {
        var org = await app.JoinAsync(await app.AdminAsync(), "Batcher " + Guid.NewGuid().ToString("N")[..6], "Bea Batcher");
        await app.PumpAsync();
        return org;
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync(Guid endpoint)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>().CreateSystemAsync();
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpoint).ToListAsync();
    }

    [Fact]
    public async Task ManyDeliveriesToAGoodAndAFailingReceiverEachEndInTheirOwnState()
    {
        await using var good = await Receiver.StartAsync();
        await using var failing = await Receiver.StartAsync();
        failing.Behaviour = Receiver.Mode.Fail;
        var org = await OrgAsync();
        var goodHook = (await org.Client.PostJson("/api/v1/webhooks", new { url = good.Url, events = new[] { "party.created" } })).Id();
        var failingHook = (await org.Client.PostJson("/api/v1/webhooks", new { url = failing.Url, events = new[] { "party.created" } })).Id();
        const int events = 70; // 140 deliveries: three claimed batches of 50, more than the attempts in flight at once
        for (var i = 0; i < events; i++) await org.Client.CreatePartyAsync("organization", $"Account {i}");
        await app.PumpAsync();

        Assert.Equal(events, good.Accepted.Select(r => r.Id).Distinct().Count());
        Assert.Equal(events, good.Requests.Count);
        Assert.All(await DeliveriesAsync(goodHook), d =>
        {
            Assert.Equal(WebhookDelivery.Delivered, d.State);
            Assert.Equal(1, d.Attempts);
            Assert.Null(d.LeaseUntil);
        });
        var due = app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(5);
        Assert.Equal(events, failing.Requests.Count);
        Assert.All(await DeliveriesAsync(failingHook), d =>
        {
            Assert.Equal(WebhookDelivery.Pending, d.State);
            Assert.Equal((1, 500), (d.Attempts, d.LastStatusCode));
            Assert.Equal(due, d.NextAttemptAt);
            Assert.Null(d.LeaseUntil);
        });

        failing.Behaviour = Receiver.Mode.Accept;
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await app.PumpAsync();
        Assert.Equal(events, failing.Accepted.Select(r => r.Id).Distinct().Count());
        Assert.All(await DeliveriesAsync(failingHook), d => Assert.Equal((WebhookDelivery.Delivered, 2), (d.State, d.Attempts)));
        Assert.Equal(events, good.Requests.Count); // nothing sent twice
        var endpoint = await org.Client.GetJson($"/api/v1/webhooks/{failingHook}");
        Assert.True(endpoint["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EventsNoEndpointSubscribesToAreSetAsideWithoutDeliveriesAndTheRestStillArrive()
    {
        await using var receiver = await Receiver.StartAsync();
        var org = await OrgAsync();
        var hook = (await org.Client.PostJson("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "party.created" } })).Id();
        var factory = app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await factory.CreateSystemAsync())
        {
            // More than a fan-out batch of a type nobody subscribes to, then one that is wanted.
            for (var i = 0; i < WebhookDispatcher.BatchSize + 50; i++)
                db.Outbox.Add(Mutual.Core.Events.OutboxMessage.Create("lead.assigned", now, new { i }, [org.OrganizationId]));
            await db.SaveChangesAsync();
        }
        var wanted = await org.Client.CreatePartyAsync("organization", "Wanted Co");
        await app.PumpAsync();

        Assert.Contains(receiver.Accepted, r => r.Body.Contains(wanted.ToString(), StringComparison.Ordinal));
        Assert.All(await DeliveriesAsync(hook), d => Assert.Equal("party.created", d.EventType));
        await using var check = await factory.CreateSystemAsync();
        Assert.False(await check.Outbox.AnyAsync(o => o.DispatchedAt == null));
        Assert.False(await check.WebhookDeliveries.AnyAsync(d => d.EventType == "lead.assigned"));
    }

    [Fact]
    public async Task ManyGoneAnswersInOnePassDisableTheEndpointOnceAndTellTheOwnerOnce()
    {
        await using var gone = await Receiver.StartAsync();
        await using var watcher = await Receiver.StartAsync();
        gone.Behaviour = Receiver.Mode.Gone;
        var org = await OrgAsync();
        var hook = (await org.Client.PostJson("/api/v1/webhooks", new { url = gone.Url, events = new[] { "party.created" } })).Id();
        await org.Client.PostJson("/api/v1/webhooks", new { url = watcher.Url, events = new[] { "webhook.disabled" } });
        for (var i = 0; i < 20; i++) await org.Client.CreatePartyAsync("organization", $"Gone {i}");
        await app.PumpAsync();
        await app.PumpAsync(); // the notice is an event of its own, fanned out on the next pass

        Assert.Equal(20, gone.Requests.Count);
        Assert.All(await DeliveriesAsync(hook), d => Assert.Equal(WebhookDelivery.Failed, d.State));
        var notice = Assert.Single(watcher.Accepted);
        Assert.Equal(hook, JsonNode.Parse(notice.Body)!["data"]!["webhookId"]!.GetValue<Guid>());
    }
}
