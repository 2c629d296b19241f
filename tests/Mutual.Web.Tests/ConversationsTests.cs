using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class ConversationsTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task InvitedCustomerRepliesInTheSameThreadAndTheHostSeesIt()
    {
        var admin = await app.AdminAsync();
        var globex = await app.JoinAsync(admin, "Globex", "Ana Lima");
        var conversation = await admin.PostJson("/api/v1/conversations", new { subject = "Your quote", participantPartyIds = new[] { globex.OrganizationId }, channel = "email", body = "Here is the **quote**." });
        var id = conversation.Id();
        Assert.Equal(2, conversation["participantPartyIds"]!.AsArray().Count);

        var inbox = (await globex.Client.GetJson("/api/v1/conversations")).Items();
        var row = inbox.Single(c => c.Id() == id);
        Assert.True(row!["unread"]!.GetValue<bool>());

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var replied = await globex.Client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "Thanks, we accept." });
        await replied.Expect(HttpStatusCode.Created);
        var reply = await replied.Json();
        Assert.Equal(reply.Id(), (await admin.GetJson(replied.Headers.Location!.OriginalString)).Id());
        Assert.Equal(globex.PersonId, reply["authorPartyId"]!.GetValue<Guid>());
        Assert.Equal(globex.OrganizationId, reply["onBehalfOfPartyId"]!.GetValue<Guid>());

        var messages = (await admin.GetJson($"/api/v1/conversations/{id}/messages")).Items();
        Assert.Equal(["Here is the **quote**.", "Thanks, we accept."], messages.Select(m => m!["body"]!.GetValue<string>()).ToList());
        Assert.Contains("<strong>quote</strong>", messages[0]!["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await admin.GetJson($"/api/v1/conversations/{id}"))["unread"]!.GetValue<bool>());
    }

    [Fact]
    public async Task BothSidesWritingAtTheSameMomentAllLandInTheThread()
    {
        var admin = await app.AdminAsync();
        var globex = await app.JoinAsync(admin, "Busy Thread Co", "Bo Busy");
        var id = (await admin.PostJson("/api/v1/conversations", new { subject = "Busy", participantPartyIds = new[] { globex.OrganizationId }, body = "Start" })).Id();

        var stranger = await app.JoinAsync(admin, "Stranger Co", "Sam Stranger");
        var posts = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? admin : globex.Client)
            .PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = $"Message {i}" })).ToList();
        // Posts that arrive together are committed together; one from a party outside the thread is still a 404.
        var strays = Enumerable.Range(0, 2).Select(i => stranger.Client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "Stray" })).ToList();
        foreach (var response in await Task.WhenAll(posts)) await response.Expect(HttpStatusCode.Created);
        foreach (var response in await Task.WhenAll(strays)) await response.Expect(HttpStatusCode.NotFound);

        var bodies = (await admin.GetJson($"/api/v1/conversations/{id}/messages")).Items().Select(m => m!["body"]!.GetValue<string>()).ToList();
        Assert.Equal(7, bodies.Count);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"Message {i}").Order(), bodies.Skip(1).Order());
        Assert.Equal(7, (await admin.GetJson($"/api/v1/conversations/{id}"))["messageCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task InboxIsOrderedByLatestActivityAndPaginates()
    {
        var admin = await app.AdminAsync();
        var other = await admin.CreatePartyAsync("organization", "Inbox Partner");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await admin.PostJson("/api/v1/conversations", new { subject = $"Thread {i}", participantPartyIds = new[] { other } })).Id());
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await admin.PostJson($"/api/v1/conversations/{ids[0]}/messages", new { body = "bump" });
        var first = await admin.GetJson("/api/v1/conversations?limit=2");
        var second = await admin.GetJson($"/api/v1/conversations?limit=2&cursor={first["nextCursor"]}");
        var order = first.Items().Concat(second.Items()).Select(c => c.Id()).ToList();
        Assert.Equal([ids[0], ids[3], ids[2], ids[1]], order.Take(4).ToList());
    }

    [Fact]
    public async Task LoggedCallSitsAtItsOccurredTimeAndScriptsNeverGetThrough()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Callee Co");
        var id = (await admin.PostJson("/api/v1/conversations", new { subject = "Calls", participantPartyIds = new[] { party } })).Id();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await admin.PostJson($"/api/v1/conversations/{id}/messages", new { body = "Today's note <script>alert(1)</script>", channel = "note" });
        await admin.PostJson($"/api/v1/conversations/{id}/messages", new { body = "Call last week", channel = "call", occurredAt = now.AddDays(-7) });
        var messages = (await admin.GetJson($"/api/v1/conversations/{id}/messages")).Items();
        Assert.Equal("call", messages[0]!["channel"]!.GetValue<string>());
        Assert.DoesNotContain("<script", messages[1]!["bodyHtml"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var timeline = (await admin.GetJson($"/api/v1/parties/{party}/timeline")).Items();
        Assert.Equal("Call last week", timeline.Last()!["excerpt"]!.GetValue<string>());

        var future = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "x", occurredAt = now.AddDays(2) });
        await future.Expect(HttpStatusCode.BadRequest);
        var badChannel = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "x", channel = "pigeon" });
        await badChannel.Expect(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await admin.GetJson($"/api/v1/conversations/{id}"))["messageCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task StartingAConversationNeedsASubjectAndVisibleParticipants()
    {
        var admin = await app.AdminAsync();
        var bad = await admin.PostAsJsonAsync("/api/v1/conversations", new { subject = "", participantPartyIds = Array.Empty<Guid>() });
        await bad.Expect(HttpStatusCode.BadRequest);
        Assert.NotNull((await bad.Json())["errors"]!["subject"]);
        await (await admin.PostAsJsonAsync("/api/v1/conversations", new { subject = "Ghost", participantPartyIds = new[] { Guid.CreateVersion7() } }))
            .Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReadingMarksTheThreadRead()
    {
        var admin = await app.AdminAsync();
        var member = await app.JoinAsync(admin, "Reader Org", "Rita Reader");
        var id = (await admin.PostJson("/api/v1/conversations", new { subject = "Read me", participantPartyIds = new[] { member.OrganizationId }, body = "Hello" })).Id();
        Assert.True((await member.Client.GetJson($"/api/v1/conversations/{id}"))["unread"]!.GetValue<bool>());
        await (await member.Client.PostAsync($"/api/v1/conversations/{id}/read", null)).Expect(HttpStatusCode.NoContent);
        Assert.False((await member.Client.GetJson($"/api/v1/conversations/{id}"))["unread"]!.GetValue<bool>());
    }
}
