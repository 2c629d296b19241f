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

    [Fact]
    public async Task APageIsFilledWithWhatTheActorSeesHoweverBusyThePartyIsElsewhere()
    {
        // A member talks with this host, then far more, and more recently, with another member the host cannot see.
        var admin = await app.AdminAsync();
        var member = await app.JoinAsync(admin, "Busy Member Co", "Bea Busy");
        var other = await app.JoinAsync(admin, "Elsewhere Co", "Eli Elsewhere");
        var ours = (await admin.PostJson("/api/v1/conversations", new { subject = "With the host", participantPartyIds = new[] { member.OrganizationId }, body = "Ours 0" })).Id();
        for (var i = 1; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await admin.PostJson($"/api/v1/conversations/{ours}/messages", new { body = $"Ours {i}" });
        }
        for (var t = 0; t < 3; t++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var theirs = (await member.Client.PostJson("/api/v1/conversations", new { subject = $"Elsewhere {t}", participantPartyIds = new[] { other.OrganizationId }, body = "Theirs" })).Id();
            for (var i = 0; i < 5; i++) await member.Client.PostJson($"/api/v1/conversations/{theirs}/messages", new { body = $"Theirs {i}" });
        }

        var page = await admin.GetJson($"/api/v1/parties/{member.OrganizationId}/timeline?limit=3");
        Assert.Equal(["Ours 3", "Ours 2", "Ours 1"], page.Items().Select(i => i!["excerpt"]?.GetValue<string>()));
        var rest = await admin.GetJson($"/api/v1/parties/{member.OrganizationId}/timeline?limit=3&cursor={page["nextCursor"]!.GetValue<string>()}");
        Assert.Contains("Ours 0", rest.Items().Select(i => i!["excerpt"]?.GetValue<string>()));
        Assert.DoesNotContain(rest.Items(), i => i!["excerpt"]?.GetValue<string>()?.StartsWith("Theirs", StringComparison.Ordinal) == true);
    }
}
