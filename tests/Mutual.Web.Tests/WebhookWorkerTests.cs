using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// The background worker as it runs in production. The app's clock is fake and never moves, so the worker's own tick
/// never fires: an event that arrives was fanned out and sent because its commit woke the worker.
/// </summary>
public sealed class WebhookWorkerTests(LiveWebhookApp app) : IClassFixture<LiveWebhookApp>
{
    [Fact]
    public async Task ACommittedEventIsDeliveredWithoutWaitingForATick()
    {
        await using var receiver = await Receiver.StartAsync();
        var org = await app.JoinAsync(await app.AdminAsync(), "Live Hooks", "Lea Live");
        await org.Client.PostJson("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "party.created" } });

        for (var i = 0; i < 5; i++) await org.Client.CreatePartyAsync("organization", $"Live {i}");

        Assert.True(await receiver.WaitForAsync(5, TimeSpan.FromSeconds(30)), $"{receiver.Requests.Count} of 5 events arrived");
        Assert.Equal(5, receiver.Accepted.Select(r => r.Id).Distinct().Count());
    }
}
