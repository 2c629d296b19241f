using System.Text.Json.Nodes;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class TimelineTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task AHubsTimelineIsCompleteAndInOrderPageByPage()
    {
        // More conversations than the first chunks the timeline walks, with logged calls that happened long before the
        // conversation's last activity, and relationship events at both ends of the party's relationships.
        var admin = await app.AdminAsync();
        var hub = await admin.CreatePartyAsync("organization", "Timeline Hub");
        var supplier = await admin.CreatePartyAsync("organization", "Timeline Supplier");
        var customer = await admin.CreatePartyAsync("organization", "Timeline Customer");
        await admin.RelateAsync(supplier, hub, "supplier-of");
        await admin.RelateAsync(hub, customer, "supplier-of");
        var start = app.Clock.GetUtcNow().UtcDateTime;
        const int conversations = 30;
        for (var i = 0; i < conversations; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var id = (await admin.PostJson("/api/v1/conversations", new { subject = $"Thread {i}", participantPartyIds = new[] { hub }, body = $"Opening {i}" })).Id();
            // A call logged now that happened in an older conversation's time, so activity order is not message order.
            await admin.PostJson($"/api/v1/conversations/{id}/messages", new { body = $"Call {i}", channel = "call", occurredAt = start.AddMinutes((i * 7) % (i + 1)) });
        }

        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJson($"/api/v1/parties/{hub}/timeline?limit=7" + (cursor is null ? "" : $"&cursor={cursor}"));
            items.AddRange(page.Items().Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.Equal(2 * conversations + 2, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Id()).Distinct().Count());
        var times = items.Select(i => i["occurredAt"]!.GetValue<DateTime>()).ToList();
        Assert.Equal(times.OrderDescending().ToList(), times);
        Assert.Equal(2, items.Count(i => i["type"]!.GetValue<string>() == "relationship.started"));
        Assert.Equal(Enumerable.Range(0, conversations).Select(i => $"Call {i}").Order(),
            items.Where(i => i["channel"]?.GetValue<string>() == "call").Select(i => i["excerpt"]!.GetValue<string>()).Order());
    }
}
