using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mutual.Core.Channel;
using Mutual.Web.Tests.Support;
using static Mutual.Web.Tests.Support.ChannelSetup;

namespace Mutual.Web.Tests;

/// <summary>
/// <c>POST /leads/batch</c>: a client with many leads at once (a marketing system's list, a partner's import) sends
/// them in one request; they are routed in order, as if posted one by one, and created all together or not at all.
/// </summary>
public sealed class LeadBatchTests(MutualApp app) : IClassFixture<MutualApp>
{
    private static object Lead(int i, string country = "NL", object? value = null) =>
        new { title = $"Heat pump {i}", contactName = "Carla Customer", country, value = value ?? 1000m * i };

    private static Guid? Assigned(JsonNode lead) => lead["assignedPartnerPartyId"]?.GetValue<Guid>();

    [Fact]
    public async Task ABatchIsRoutedInOrderWithinCapacityAndAnsweredInOrder()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["NL"], 2), Profile(["NL"], 2), Profile(["BE"], 2));
        var answer = await owner.Client.PostAsJsonAsync("/api/v1/leads/batch",
            new { leads = Enumerable.Range(1, 5).Select(i => Lead(i)).Append(Lead(6, "BE")).ToArray() });

        var items = (await (await answer.Expect(HttpStatusCode.OK)).Json())["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"Heat pump {i}"), items.Select(i => i["title"]!.GetValue<string>()));
        // Two Dutch partners with room for two each: the first four alternate between them (round robin), the fifth waits.
        Assert.Equal(new[] { p[0].OrganizationId, p[1].OrganizationId }.Order(), items.Take(4).Select(i => Assigned(i)!.Value).Distinct().Order());
        Assert.All(items.Take(4).GroupBy(Assigned), g => Assert.Equal(2, g.Count()));
        Assert.Equal(LeadStatus.Unassigned, items[4]["status"]!.GetValue<string>());
        Assert.Equal(p[2].OrganizationId, Assigned(items[5]));
        Assert.All(items, i => Assert.Equal(owner.OrganizationId, i["ownerPartyId"]!.GetValue<Guid>()));

        // What the answer says is what is stored, events included; counts kept as for leads posted one by one.
        foreach (var item in items)
        {
            var stored = await owner.Client.GetJson($"/api/v1/leads/{item.Id()}");
            Assert.Equal(item["routingReason"]!.GetValue<string>(), stored["routingReason"]!.GetValue<string>());
            Assert.Equal(item["version"]!.GetValue<long>(), stored["version"]!.GetValue<long>());
            Assert.Equal(Assigned(item) is null ? 0 : 1, await app.OutboxCountAsync("lead.assigned", item.Id()));
        }
        await app.AssertKeptCountsAsync(owner, p);
        var pipeline = await owner.Client.GetJson("/api/v1/leads/pipeline");
        Assert.Equal(1, pipeline["unassigned"]!.GetValue<int>());
        Assert.Equal(5000m, pipeline["unassignedValue"]!.GetValue<decimal>());

        // A partner sees the leads offered to it, nothing else of the batch; another organization sees none of it.
        var mine = items.Where(i => Assigned(i) == p[0].OrganizationId).Select(i => i.Id()).Order().ToList();
        Assert.Equal(mine, (await p[0].Client.GetJson("/api/v1/leads?view=inbox")).Items().Select(i => i!.Id()).Order());
        await (await p[0].Client.GetAsync($"/api/v1/leads/{items[5].Id()}")).Expect(HttpStatusCode.NotFound);
        var stranger = await app.JoinAsync(await app.AdminAsync(), "Stranger Co", "Sam Stranger");
        foreach (var item in items) await (await stranger.Client.GetAsync($"/api/v1/leads/{item.Id()}")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await stranger.Client.GetJson("/api/v1/leads")).Items());
        // The pipeline's totals are the owner's alone: neither the partner holding leads nor a stranger sees them.
        foreach (var other in new[] { p[0], stranger })
        {
            var theirs = await other.Client.GetJson("/api/v1/leads/pipeline");
            Assert.Empty(theirs["partners"]!.AsArray());
            Assert.Equal(0, theirs["unassigned"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task ABatchWithABadLeadCreatesNoneAndSaysWhichLeadAndField()
    {
        var (owner, _) = await app.ChannelAsync(Profile(["NL"], 5));
        async Task<JsonObject> RefusedAsync(object body) =>
            (await (await (await owner.Client.PostAsJsonAsync("/api/v1/leads/batch", body)).Expect(HttpStatusCode.BadRequest)).Json())["errors"]!.AsObject();

        var errors = await RefusedAsync(new { leads = new object?[] { Lead(1), new { title = "", contactName = "Carla", country = "Europe" }, null, Lead(4, value: -5) } });
        Assert.Equal(["leads[1].country", "leads[1].title", "leads[2]", "leads[3].value"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["leads"], (await RefusedAsync(new { leads = Array.Empty<object>() })).Select(e => e.Key));
        Assert.Equal(["leads"], (await RefusedAsync(new { })).Select(e => e.Key));
        Assert.Equal(["leads"], (await RefusedAsync(new { leads = Enumerable.Range(0, LeadIntake.MaxLeadsPerRequest + 1).Select(i => Lead(i)).ToArray() })).Select(e => e.Key));
        await (await owner.Client.PostAsync("/api/v1/leads/batch", new StringContent("{\"leads\": 7}", System.Text.Encoding.UTF8, "application/json")))
            .Expect(HttpStatusCode.BadRequest);

        Assert.Empty((await owner.Client.GetJson("/api/v1/leads?view=book")).Items());
        Assert.Equal(0, (await owner.Client.GetJson("/api/v1/leads/pipeline"))["unassigned"]!.GetValue<int>());
    }

    [Fact]
    public async Task ABatchSentTwiceWithOneIdempotencyKeyIsCreatedOnce()
    {
        var (owner, _) = await app.ChannelAsync(Profile(["NL"], 5));
        async Task<JsonNode> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/leads/batch")
            {
                Content = JsonContent.Create(new { leads = new[] { Lead(1), Lead(2) } }),
            };
            request.Headers.Add("Idempotency-Key", "spring-campaign");
            return await (await (await owner.Client.SendAsync(request)).Expect(HttpStatusCode.OK)).Json();
        }

        var first = await SendAsync();
        var again = await SendAsync();
        Assert.Equal(first["items"]!.AsArray().Select(i => i!.Id()), again["items"]!.AsArray().Select(i => i!.Id()));
        Assert.Equal(2, (await owner.Client.GetJson("/api/v1/leads?view=book")).Items().Count);
    }
}
