using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Engagement;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class EngagementTests(MutualApp app) : IClassFixture<MutualApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static async Task<List<Guid>> AttentionAsync(HttpClient client) =>
        (await client.GetJson("/api/v1/engagement/attention?limit=200")).Items().Select(i => i!["partyId"]!.GetValue<Guid>()).ToList();

    [Fact]
    public async Task TwoWayDialogueKeepsARelationshipOffTheAttentionListUntilItsCadencePasses()
    {
        var admin = await app.AdminAsync();
        var customer = await app.JoinAsync(admin, "Cadence Customer", "Cai Cadence");
        var tiered = await admin.PutAsJsonAsync($"/api/v1/parties/{customer.OrganizationId}/engagement", new { tier = "strategic" });
        await tiered.Expect(HttpStatusCode.OK);
        Assert.Equal(14, (await tiered.Json())["cadenceDays"]!.GetValue<int>());

        var thread = (await admin.PostJson("/api/v1/conversations", new { subject = "Check-in", participantPartyIds = new[] { customer.OrganizationId }, body = "How is the line running?" })).Id();
        var oneSided = await admin.GetJson($"/api/v1/parties/{customer.OrganizationId}/engagement");
        Assert.Null(oneSided["lastDialogueAt"]);
        Assert.NotNull(oneSided["lastOursAt"]);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await customer.Client.PostJson($"/api/v1/conversations/{thread}/messages", new { body = "All good, thanks." });
        var twoWay = await admin.GetJson($"/api/v1/parties/{customer.OrganizationId}/engagement");
        var last = twoWay["lastDialogueAt"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.Equal(last.AddDays(14), twoWay["dueAt"]!.GetValue<DateTime>().ToUniversalTime());

        app.Clock.Advance(TimeSpan.FromDays(13));
        admin = await app.AdminAsync();
        Assert.DoesNotContain(customer.OrganizationId, await AttentionAsync(admin));
        app.Clock.Advance(TimeSpan.FromDays(2));
        admin = await app.AdminAsync();
        var attention = (await admin.GetJson("/api/v1/engagement/attention?limit=200")).Items().Single(i => i!["partyId"]!.GetValue<Guid>() == customer.OrganizationId)!;
        Assert.Contains("strategic", attention["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(last, attention["lastDialogueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.NotNull(attention["dueAt"]);

        // A logged call is dialogue on its own.
        await admin.PostJson($"/api/v1/conversations/{thread}/messages", new { body = "Called Cai: all fine.", channel = "call" });
        Assert.DoesNotContain(customer.OrganizationId, await AttentionAsync(admin));
    }

    [Fact]
    public async Task ARelationshipNobodyTalksToBecomesOverdueAndIsAnnouncedOnce()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Silent Account");
        await (await admin.PutAsJsonAsync($"/api/v1/parties/{party}/engagement", new { tier = "key" })).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(31));
        admin = await app.AdminAsync();
        var item = (await admin.GetJson("/api/v1/engagement/attention?limit=200")).Items().Single(i => i!["partyId"]!.GetValue<Guid>() == party)!;
        Assert.Contains("No two-way dialogue", item["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var sweep = app.Services.GetRequiredService<OverdueSweep>();
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal(1, await app.OutboxCountAsync("engagement.overdue", party));
    }

    [Fact]
    public async Task ChangingATiersCadenceMovesEveryDueDate()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Retiered Co");
        await admin.PutAsJsonAsync("/api/v1/engagement/tiers/quarterly", new { cadenceDays = 120 }).ContinueWith(t => t.Result.Expect(HttpStatusCode.OK)).Unwrap();
        var assigned = await (await admin.PutAsJsonAsync($"/api/v1/parties/{party}/engagement", new { tier = "quarterly" })).Json();
        var due = assigned["dueAt"]!.GetValue<DateTime>().ToUniversalTime();
        await admin.PutAsJsonAsync("/api/v1/engagement/tiers/quarterly", new { cadenceDays = 60 }).ContinueWith(t => t.Result.Expect(HttpStatusCode.OK)).Unwrap();
        var moved = await admin.GetJson($"/api/v1/parties/{party}/engagement");
        Assert.Equal(due.AddDays(-60), moved["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Contains((await admin.GetJson("/api/v1/engagement/tiers")).AsArray(), t => t!["name"]!.GetValue<string>() == "quarterly");
        await (await admin.PutAsJsonAsync($"/api/v1/parties/{party}/engagement", new { tier = "platinum" })).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HealthShowsItsFactorsAndATrendFromDailySnapshots()
    {
        var admin = await app.AdminAsync();
        var customer = await app.JoinAsync(admin, "Healthy Customer", "Hal Healthy");
        var host = (await admin.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>();
        await admin.RelateAsync(customer.OrganizationId, host, "customer-of");
        await (await admin.PutAsJsonAsync($"/api/v1/parties/{customer.OrganizationId}/engagement", new { tier = "key" })).Expect(HttpStatusCode.OK);
        var cold = await admin.GetJson($"/api/v1/parties/{customer.OrganizationId}/health");
        Assert.Equal(["recency", "balance", "facts", "follow-ups"], cold["factors"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList());
        var job = app.Services.GetRequiredService<HealthSnapshotJob>();
        await job.RunAsync();

        var thread = (await admin.PostJson("/api/v1/conversations", new { subject = "Renewal", participantPartyIds = new[] { customer.OrganizationId }, body = "Shall we renew?" })).Id();
        await customer.Client.PostJson($"/api/v1/conversations/{thread}/messages", new { body = "Yes please." });
        await admin.PostJson($"/api/v1/parties/{customer.OrganizationId}/facts", new { key = "renewal.intent", value = "yes", source = "thread" });
        var warm = await admin.GetJson($"/api/v1/parties/{customer.OrganizationId}/health");
        Assert.True(warm["score"]!.GetValue<int>() > cold["score"]!.GetValue<int>());
        Assert.InRange(warm["score"]!.GetValue<int>(), 0, 100);

        app.Clock.Advance(TimeSpan.FromDays(30));
        admin = await app.AdminAsync();
        await admin.PostJson("/api/v1/tasks", new { title = "Send renewal contract", dueAt = Now.AddDays(-1), partyId = customer.OrganizationId });
        await job.RunAsync();
        var trend = (await admin.GetJson($"/api/v1/parties/{customer.OrganizationId}/health"))["trend"]!.AsArray();
        Assert.Equal(2, trend.Count);
        var summary = await admin.GetJson("/api/v1/engagement/health");
        var customers = summary["byRole"]!.AsArray().Single(b => b!["role"]!.GetValue<string>() == "customer")!;
        Assert.True(customers["healthy"]!.GetValue<int>() + customers["watch"]!.GetValue<int>() + customers["atRisk"]!.GetValue<int>() >= 1);
        var movers = summary["risers"]!.AsArray().Concat(summary["fallers"]!.AsArray()).Select(m => m!["partyId"]!.GetValue<Guid>());
        Assert.Contains(customer.OrganizationId, movers);
    }

    [Fact]
    public async Task FollowUpsAppearOnMyDayAndCanBeDone()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Follow Co");
        var task = await admin.PostJson("/api/v1/tasks", new { title = "Call back about racks", dueAt = Now.AddDays(2), partyId = party });
        Assert.Equal("open", task["status"]!.GetValue<string>());
        Assert.Contains(task.Id(), (await admin.GetJson("/api/v1/tasks")).Items().Select(t => t.Id()));
        Assert.Contains(task.Id(), (await admin.GetJson($"/api/v1/tasks?partyId={party}&mine=false")).Items().Select(t => t.Id()));
        var done = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tasks/{task.Id()}") { Content = JsonContent.Create(new { status = "done" }) };
        done.Headers.IfMatch.Add(new("\"1\""));
        var response = await admin.SendAsync(done);
        await response.Expect(HttpStatusCode.OK);
        Assert.Equal("done", (await response.Json())["status"]!.GetValue<string>());
        Assert.DoesNotContain(task.Id(), (await admin.GetJson("/api/v1/tasks")).Items().Select(t => t.Id()));
        Assert.Contains(task.Id(), (await admin.GetJson("/api/v1/tasks?status=done")).Items().Select(t => t.Id()));
        await (await admin.PostAsJsonAsync("/api/v1/tasks", new { title = "" })).Expect(HttpStatusCode.BadRequest);
    }
}
