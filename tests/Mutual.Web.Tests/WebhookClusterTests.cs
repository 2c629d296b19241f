using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Data;
using Mutual.Core.Webhooks;
using Mutual.Web.Infrastructure;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// Two app nodes over one PostgreSQL database: each with its own context factory (its own connection pool),
/// dispatcher and sender, running at the same time. Every event reaches the receiver exactly once.
/// </summary>
public sealed class WebhookClusterTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    [Fact]
    public async Task TwoNodesDeliverEachEventExactlyOnce()
    {
        if (!TestDatabase.UsePostgres) Assert.Skip("Needs PostgreSQL (set MUTUAL_TEST_POSTGRES): SQLite has a single writer and one node.");
        await using var receiver = await Receiver.StartAsync();
        var org = await app.JoinAsync(await app.AdminAsync(), "Clustered", "Cleo Cluster");
        await app.PumpAsync();
        await org.Client.PostJson("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "party.created" } });
        const int events = 40;
        for (var i = 0; i < events; i++) await org.Client.CreatePartyAsync("organization", $"Account {i}");

        // Small batches, so the nodes interleave claims instead of one taking everything at once.
        var options = new WebhookOptions { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(5), BatchSize = 3 };
        var nodes = Enumerable.Range(0, 2).Select(_ => Node(options)).ToList();
        await Task.WhenAll(nodes.Select(async node =>
        {
            for (var round = 0; round < 3; round++)
            {
                await node.Dispatcher.RunAsync(TestContext.Current.CancellationToken);
                await node.Sender.RunAsync(TestContext.Current.CancellationToken);
            }
        }));

        var accepted = receiver.Accepted;
        Assert.Equal(events, accepted.Count);
        Assert.Equal(events, accepted.Select(r => r.Id).Distinct().Count());
    }

    private (WebhookDispatcher Dispatcher, WebhookSender Sender) Node(WebhookOptions options)
    {
        var builder = new DbContextOptionsBuilder<MutualDbContext>();
        MutualDatabase.Configure(builder, DatabaseProvider.Postgres, app.Database.ConnectionString + ";Application Name=node-" + Guid.NewGuid().ToString("N")[..6]);
        var factory = new PooledDbContextFactory<MutualDbContext>(builder.Options);
        var clients = app.Services.GetRequiredService<IHttpClientFactory>();
        return (new WebhookDispatcher(factory, app.Clock), new WebhookSender(new WebhookQueue(factory, app.Clock, options), clients, options, app.Clock));
    }
}
