using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class RelationshipsTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task ARelationshipReadsFromBothEnds()
    {
        var admin = await app.AdminAsync();
        var ana = await admin.CreatePartyAsync("person", "Ana Lima");
        var globex = await admin.CreatePartyAsync("organization", "Globex");
        var created = await admin.PostJson("/api/v1/relationships", new { fromPartyId = ana, toPartyId = globex, kind = "works-for", since = "2024-03-01T00:00:00Z" });
        Assert.Equal("Ana Lima works for Globex", created["reading"]!.GetValue<string>());
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), created["since"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.True(created["active"]!.GetValue<bool>());

        var fromAna = (await admin.GetJson($"/api/v1/parties/{ana}/relationships")).Items().Single()!;
        Assert.Equal("outgoing", fromAna["direction"]!.GetValue<string>());
        Assert.Equal("works for Globex", fromAna["reading"]!.GetValue<string>());
        var fromGlobex = (await admin.GetJson($"/api/v1/parties/{globex}/relationships")).Items().Single()!;
        Assert.Equal("incoming", fromGlobex["direction"]!.GetValue<string>());
        Assert.Equal("employs Ana Lima", fromGlobex["reading"]!.GetValue<string>());
        Assert.Equal(ana, fromGlobex["otherParty"]!.Id());
    }

    [Fact]
    public async Task APartysRelationshipsPageThroughBothEndsInIdOrderExactlyOnce()
    {
        var admin = await app.AdminAsync();
        var hub = await admin.CreatePartyAsync("organization", "Paging Hub");
        var ids = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            // Outgoing and incoming interleaved, so every page draws on both ends.
            var other = await admin.CreatePartyAsync("person", $"Pager {i}");
            var (from, to) = i % 3 == 0 ? (hub, other) : (other, hub);
            ids.Add((await admin.PostJson("/api/v1/relationships", new { fromPartyId = from, toPartyId = to, kind = i % 3 == 0 ? "customer-of" : "works-for" })).Id());
        }
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJson($"/api/v1/parties/{hub}/relationships?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.InRange(page.Items().Count, 1, 2);
            seen.AddRange(page.Items().Select(r => r!.Id()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(ids.Order().ToList(), seen); // ids are UUIDv7: creation order is id order
    }

    [Fact]
    public async Task EndingARelationshipKeepsItsHistory()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreatePartyAsync("organization", "Old Partner");
        var b = await admin.CreatePartyAsync("organization", "Old Vendor");
        var id = await admin.RelateAsync(a, b, "partner-of");
        app.Clock.Advance(TimeSpan.FromDays(3));
        admin = await app.AdminAsync();
        var ended = await admin.PostJson($"/api/v1/relationships/{id}/end", new { }, HttpStatusCode.OK);
        Assert.False(ended["active"]!.GetValue<bool>());
        Assert.NotNull(ended["until"]);

        var all = (await admin.GetJson($"/api/v1/parties/{a}/relationships")).Items();
        Assert.Single(all);
        Assert.Empty((await admin.GetJson($"/api/v1/parties/{a}/relationships?active=true")).Items());
        Assert.DoesNotContain("partner", (await admin.GetJson($"/api/v1/parties/{a}"))["roles"].Strings());
        var timeline = (await admin.GetJson($"/api/v1/parties/{a}/timeline")).Items().Select(i => i!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["relationship.ended", "relationship.started"], timeline);

        await (await admin.PostAsJsonAsync($"/api/v1/relationships/{id}/end", new { })).Expect(HttpStatusCode.UnprocessableEntity);
        // A new partnership can start again after the old one ended.
        await admin.RelateAsync(a, b, "partner-of");
    }

    [Fact]
    public async Task BadRelationshipsAreRefusedWithFieldErrors()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreatePartyAsync("organization", "Rel A");
        var b = await admin.CreatePartyAsync("organization", "Rel B");
        var bad = await admin.PostAsJsonAsync("/api/v1/relationships", new { fromPartyId = a, toPartyId = a, kind = "best-friends" });
        await bad.Expect(HttpStatusCode.BadRequest);
        var errors = (await bad.Json())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("kind"));
        Assert.True(errors.ContainsKey("toPartyId"));

        await admin.RelateAsync(a, b, "knows");
        await (await admin.PostAsJsonAsync("/api/v1/relationships", new { fromPartyId = a, toPartyId = b, kind = "knows" })).Expect(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync("/api/v1/relationships", new { fromPartyId = a, toPartyId = Guid.CreateVersion7(), kind = "knows" })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EndingWithAStaleIfMatchIsRefused()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreatePartyAsync("organization", "Stale A");
        var b = await admin.CreatePartyAsync("organization", "Stale B");
        var id = await admin.RelateAsync(a, b, "supplier-of");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/relationships/{id}/end") { Content = JsonContent.Create(new { }) };
        request.Headers.IfMatch.Add(new("\"7\""));
        await (await admin.SendAsync(request)).Expect(HttpStatusCode.PreconditionFailed);
        Assert.True((await admin.GetJson($"/api/v1/relationships/{id}"))["active"]!.GetValue<bool>());
    }
}
