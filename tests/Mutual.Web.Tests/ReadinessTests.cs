using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mutual.Core.Network;
using Mutual.Web.Infrastructure;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// /health/ready tells a load balancer whether a node is in service: not while its network index is loading, though
/// /health (the database is reachable, as API.md fixes it) already says ok.
/// </summary>
public sealed class ReadinessTests(ReadinessTests.LoadingNode app) : IClassFixture<ReadinessTests.LoadingNode>
{
    /// <summary>A node whose index nothing loads until the test does: the worker that loads it at start is left out.</summary>
    public class LoadingNode : MutualApp
    {
        /// <summary>The warm-up that follows the load (NodeWarmUpTests); none here, as in the other tests.</summary>
        protected virtual int WarmUpRounds => 0;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mutual:WarmUp:Rounds", WarmUpRounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services =>
            {
                var worker = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(NetworkWorker));
                services.Remove(worker);
            });
        }
    }

    [Fact]
    public async Task ANodeIsReadyOnlyOnceItsNetworkIndexIsLoaded()
    {
        var client = app.CreateClient();
        Assert.Equal("ok", (await client.GetJson("/health"))["status"]!.GetValue<string>());

        using (var loading = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
            Assert.Contains("\"starting\"", await loading.Content.ReadAsStringAsync());
        }

        await app.Services.GetRequiredService<NetworkSync>().WarmAsync();
        Assert.True(app.Services.GetRequiredService<NetworkIndex>().IsWarm);
        Assert.Equal("ok", (await client.GetJson("/health/ready"))["status"]!.GetValue<string>());
    }
}
