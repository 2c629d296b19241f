using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Data;
using Mutual.Core.Network;
using Mutual.Web.Infrastructure;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// Before /health/ready says 200 a node runs its hot requests on itself (NodeWarmUp): reads as its oldest account, a
/// post and a lead in transactions rolled back. It must run them all and leave nothing behind.
/// </summary>
public sealed class NodeWarmUpTests(NodeWarmUpTests.WarmingNode app) : IClassFixture<NodeWarmUpTests.WarmingNode>
{
    /// <summary>A node that warms up three rounds once the test has loaded its index.</summary>
    public sealed class WarmingNode : ReadinessTests.LoadingNode
    {
        protected override int WarmUpRounds => 3;
    }

    [Fact]
    public async Task ANodeRunsItsHotRequestsOnItselfBeforeItIsReadyAndLeavesNoTrace()
    {
        var admin = await app.AdminAsync();
        var globex = await app.JoinAsync(admin, "Globex", "Ana Lima");
        var thread = (await admin.PostJson("/api/v1/conversations", new { subject = "Your quote", participantPartyIds = new[] { globex.OrganizationId }, body = "Here it is." })).Id();
        await admin.PostJson("/api/v1/leads", new { title = "Pumps for Lyon", contactName = "Jean Roux", country = "FR" });
        var before = await TraceAsync();

        var client = app.CreateClient();
        await ExpectStartingAsync(client, "index");
        await app.Services.GetRequiredService<NetworkSync>().WarmAsync();
        // The index is loaded; the probe starts the warm-up (the worker would have) and says so.
        await ExpectStartingAsync(client, "warming up");

        var warmUp = app.Services.GetRequiredService<NodeWarmUp>();
        await warmUp.Completion.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal(3, warmUp.RoundsDone);
        Assert.Equal("ok", (await client.GetJson("/health/ready"))["status"]!.GetValue<string>());

        Assert.Equal(before, await TraceAsync());
        var messages = (await admin.GetJson($"/api/v1/conversations/{thread}/messages")).Items();
        Assert.Equal(["Here it is."], messages.Select(m => m!["body"]!.GetValue<string>()));
    }

    private static async Task ExpectStartingAsync(HttpClient client, string detail)
    {
        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("starting", body["status"]!.GetValue<string>());
        Assert.Contains(detail, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>What a write the warm-up let through would change: rows of messages, leads, hops and events, the threads' versions.</summary>
    private async Task<string> TraceAsync()
    {
        await using var db = await SystemContext.CreateSystemAsync(app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>());
        var versions = await db.Conversations.OrderBy(c => c.Id).Select(c => c.Version).ToListAsync();
        return $"messages {await db.Messages.CountAsync()}, leads {await db.Leads.CountAsync()}, hops {await db.LeadHops.CountAsync()}, "
            + $"events {await db.Outbox.CountAsync()}, versions {string.Join(",", versions)}";
    }
}
