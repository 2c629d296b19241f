using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Accounts;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Warm introductions: GET /parties/{id}/paths over the in-memory network index.</summary>
public sealed class PathTests(MutualApp app) : IClassFixture<MutualApp>
{
    private static string Url(Guid from, Guid to, int? maxHops = null) =>
        $"/api/v1/parties/{from}/paths?to={to}" + (maxHops is { } h ? $"&maxHops={h}" : "");

    private static List<List<(Guid From, Guid To, string Kind)>> Paths(JsonNode body) =>
        body["paths"]!.AsArray().Select(p => p!["hops"]!.AsArray()
            .Select(h => (h!["fromPartyId"]!.GetValue<Guid>(), h["toPartyId"]!.GetValue<Guid>(), h["kind"]!.GetValue<string>())).ToList()).ToList();

    [Fact]
    public async Task FindsOneTwoAndThreeHopChainsInWalkOrder()
    {
        var admin = await app.AdminAsync();
        var ana = await admin.CreatePartyAsync("person", "Ana Path");
        var bo = await admin.CreatePartyAsync("person", "Bo Path");
        var globex = await admin.CreatePartyAsync("organization", "Globex Path");
        var dora = await admin.CreatePartyAsync("person", "Dora Path");
        await admin.RelateAsync(ana, bo, "knows");
        await admin.RelateAsync(bo, globex, "works-for");
        await admin.RelateAsync(dora, globex, "works-for"); // walked from Globex to Dora: backwards, kind as stored

        Assert.Equal([[(ana, bo, "knows")]], Paths(await admin.GetJson(Url(ana, bo))));
        Assert.Equal([[(bo, ana, "knows")]], Paths(await admin.GetJson(Url(bo, ana))));
        Assert.Equal([[(ana, bo, "knows"), (bo, globex, "works-for")]], Paths(await admin.GetJson(Url(ana, globex))));
        var three = await admin.GetJson(Url(ana, dora));
        Assert.Equal([[(ana, bo, "knows"), (bo, globex, "works-for"), (globex, dora, "works-for")]], Paths(three));
        Assert.Equal(1.0, three["paths"]![0]!["strength"]!.GetValue<double>());
        // A hop is exactly the three fields of the contract: the walk direction the UI reads it by stays out.
        Assert.Equal(["fromPartyId", "toPartyId", "kind"], three["paths"]![0]!["hops"]![2]!.AsObject().Select(f => f.Key));

        // maxHops is a limit, not a hint.
        Assert.Empty(Paths(await admin.GetJson(Url(ana, dora, maxHops: 2))));
        Assert.Single(Paths(await admin.GetJson(Url(ana, dora, maxHops: 3))));
        // Nothing links them: no paths, not an error.
        var island = await admin.CreatePartyAsync("organization", "Island Path");
        Assert.Empty(Paths(await admin.GetJson(Url(ana, island))));
    }

    [Fact]
    public async Task RecentDialogueRanksTheStrongerChainFirst()
    {
        var admin = await app.AdminAsync();
        var me = await admin.CreatePartyAsync("person", "Mia Rank");
        var cold = await admin.CreatePartyAsync("person", "Cole Rank");
        var warm = await admin.CreatePartyAsync("person", "Wanda Rank");
        var target = await admin.CreatePartyAsync("organization", "Target Rank");
        await admin.RelateAsync(me, cold, "knows");
        await admin.RelateAsync(cold, target, "works-for");
        await admin.RelateAsync(me, warm, "knows");
        await admin.RelateAsync(warm, target, "works-for");

        // Mia and Wanda talk now; Mia and Cole talked, but half a year ago, which no longer counts.
        var recent = (await admin.PostJson("/api/v1/conversations", new { subject = "Catching up", participantPartyIds = new[] { me, warm }, body = "Hi Wanda" })).Id();
        for (var i = 0; i < 3; i++) await admin.PostJson($"/api/v1/conversations/{recent}/messages", new { body = $"More {i}" });
        var old = (await admin.PostJson("/api/v1/conversations", new { subject = "Long ago", participantPartyIds = new[] { me, cold } })).Id();
        for (var i = 0; i < 6; i++)
            await admin.PostJson($"/api/v1/conversations/{old}/messages", new { body = $"Old {i}", occurredAt = app.Clock.GetUtcNow().AddDays(-180).UtcDateTime });

        var ranked = await admin.GetJson(Url(me, target));
        var paths = Paths(ranked);
        Assert.Equal(2, paths.Count);
        Assert.Equal(warm, paths[0][0].To);
        Assert.Equal(cold, paths[1][0].To);
        var strengths = ranked["paths"]!.AsArray().Select(p => p!["strength"]!.GetValue<double>()).ToList();
        // Four messages on one of two links: sqrt((1 + ln 5) * 1).
        Assert.Equal(Math.Round(Math.Sqrt(1 + Math.Log(5)), 4), strengths[0], 4);
        Assert.Equal(1.0, strengths[1]);

        // Ninety-one days on, Wanda's messages are as cold as Cole's.
        app.Clock.Advance(TimeSpan.FromDays(91));
        admin = await app.AdminAsync();
        var later = (await admin.GetJson(Url(me, target)))["paths"]!.AsArray().Select(p => p!["strength"]!.GetValue<double>()).ToList();
        Assert.Equal([1.0, 1.0], later);
    }

    [Fact]
    public async Task ALinkToABusyPartyCountsTheConversationsBothEndsShareAndNoOthers()
    {
        var admin = await app.AdminAsync();
        var me = await admin.CreatePartyAsync("person", "Max Busy");
        var hub = await admin.CreatePartyAsync("organization", "Busy Hub");
        var target = await admin.CreatePartyAsync("person", "Tess Busy");
        await admin.RelateAsync(me, hub, "works-for");
        await admin.RelateAsync(target, hub, "works-for");
        var others = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            // The hub has more relationships than either end of the walk, so its side of each link is probed, not read.
            var other = await admin.CreatePartyAsync("person", $"Busy Colleague {i}");
            await admin.RelateAsync(other, hub, "works-for");
            others.Add(other);
        }
        var ours = (await admin.PostJson("/api/v1/conversations", new { subject = "Ours", participantPartyIds = new[] { me, hub }, body = "One" })).Id();
        await admin.PostJson($"/api/v1/conversations/{ours}/messages", new { body = "Two" });
        var theirs = (await admin.PostJson("/api/v1/conversations", new { subject = "Not ours", participantPartyIds = new[] { hub, others[0] }, body = "A" })).Id();
        for (var i = 0; i < 5; i++) await admin.PostJson($"/api/v1/conversations/{theirs}/messages", new { body = $"B {i}" });

        var path = Assert.Single(Paths(await admin.GetJson(Url(me, target))));
        Assert.Equal(hub, path[0].To);
        // Two messages on the link to the hub, none on the hub's link to Tess: sqrt((1 + ln 3) * 1).
        var strength = (await admin.GetJson(Url(me, target)))["paths"]![0]!["strength"]!.GetValue<double>();
        Assert.Equal(Math.Round(Math.Sqrt(1 + Math.Log(3)), 4), strength, 4);
        // The other way round the hub is probed from Tess's side and Max's: the same walk, the same strength.
        var back = (await admin.GetJson(Url(target, me)))["paths"]![0]!["strength"]!.GetValue<double>();
        Assert.Equal(strength, back, 4);
    }

    [Fact]
    public async Task OnlyConversationsTheActorSeesWarmALink()
    {
        var admin = await app.AdminAsync();
        var hostId = (await admin.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>();
        var near = await app.JoinAsync(admin, "Near Dialogue", "Nia Near");
        var far = await app.JoinAsync(admin, "Far Dialogue", "Fay Far");
        var other = await app.JoinAsync(admin, "Other Dialogue", "Otto Other");
        await admin.RelateAsync(hostId, near.OrganizationId, "partner-of");
        await admin.RelateAsync(near.OrganizationId, far.OrganizationId, "knows");
        await admin.PostJson("/api/v1/conversations", new { subject = "Ours", participantPartyIds = new[] { near.OrganizationId }, body = "Hello" });
        // Another member talks with both ends of the second link, often; the host takes no part, so for the host
        // that link stays cold, however busy it is for someone else.
        var theirs = (await other.Client.PostJson("/api/v1/conversations",
            new { subject = "Theirs", participantPartyIds = new[] { near.OrganizationId, far.OrganizationId }, body = "A" })).Id();
        for (var i = 0; i < 5; i++) await other.Client.PostJson($"/api/v1/conversations/{theirs}/messages", new { body = $"B {i}" });

        var found = await admin.GetJson(Url(hostId, far.OrganizationId));
        Assert.Equal([[(hostId, near.OrganizationId, "partner-of"), (near.OrganizationId, far.OrganizationId, "knows")]], Paths(found));
        // One message on the first link, none the host may see on the second: sqrt((1 + ln 2) * 1).
        Assert.Equal(Math.Round(Math.Sqrt(1 + Math.Log(2)), 4), found["paths"]![0]!["strength"]!.GetValue<double>(), 4);
    }

    [Fact]
    public async Task AnotherPartysPrivateBookIsNeverWalked()
    {
        var admin = await app.AdminAsync();
        var hostId = (await admin.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>();
        var partner = await app.JoinAsync(admin, "Shortcut Partners", "Sam Shortcut");
        var target = await app.JoinAsync(admin, "Target Members", "Tia Target");
        var a = await admin.CreatePartyAsync("person", "Al Private");
        var b = await admin.CreatePartyAsync("person", "Bea Private");
        // The host's own chain: Al, Bea, Target (two hops).
        await admin.RelateAsync(a, b, "knows");
        await admin.RelateAsync(b, target.OrganizationId, "knows");
        // The partner's book holds a shorter way between two members: Partner knows Target, Host knows... the
        // partner records Host Co — Partner and Partner — Target; the first touches the host (so the host sees it),
        // the second does not.
        var secret = await partner.Client.CreatePartyAsync("person", "Secret Broker");
        await partner.Client.RelateAsync(partner.OrganizationId, secret, "knows");
        await partner.Client.RelateAsync(secret, target.OrganizationId, "knows");
        await partner.Client.RelateAsync(hostId, partner.OrganizationId, "partner-of");

        // The partner walks its own book: Partner → Secret → Target.
        Assert.Equal([[(partner.OrganizationId, secret, "knows"), (secret, target.OrganizationId, "knows")]],
            Paths(await partner.Client.GetJson(Url(partner.OrganizationId, target.OrganizationId))));
        // The host sees Host — Partner (it is an end) but not Partner — Secret — Target, so no path through them.
        Assert.Empty(Paths(await admin.GetJson(Url(hostId, target.OrganizationId))));
        Assert.Equal([[(a, b, "knows"), (b, target.OrganizationId, "knows")]], Paths(await admin.GetJson(Url(a, target.OrganizationId))));
        // The secret party itself is invisible to the host: 404, as if it did not exist.
        await (await admin.GetAsync(Url(a, secret))).Expect(HttpStatusCode.NotFound);
        await (await admin.GetAsync(Url(secret, a))).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownPartiesAre404AndBadParametersAre400WithFieldErrors()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreatePartyAsync("person", "Val Param");
        var b = await admin.CreatePartyAsync("person", "Wes Param");
        await (await admin.GetAsync(Url(Guid.NewGuid(), a))).Expect(HttpStatusCode.NotFound);
        await (await admin.GetAsync(Url(a, Guid.NewGuid()))).Expect(HttpStatusCode.NotFound);

        foreach (var (query, field) in new[] { ($"to={b}&maxHops=0", "maxHops"), ($"to={b}&maxHops=7", "maxHops"), ($"to={b}&maxHops=two", "maxHops"), ("", "to"), ("to=nobody", "to") })
        {
            var response = await admin.GetAsync($"/api/v1/parties/{a}/paths?{query}");
            await response.Expect(HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await response.Json())["errors"]![field]);
        }
        Assert.Empty(Paths(await admin.GetJson(Url(a, b, maxHops: 6))));
        Assert.Empty(Paths(await admin.GetJson(Url(a, b, maxHops: 1))));
    }

    [Fact]
    public async Task TheIndexFollowsCreatedAndEndedRelationships()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreatePartyAsync("organization", "Follow A");
        var b = await admin.CreatePartyAsync("organization", "Follow B");
        Assert.Empty(Paths(await admin.GetJson(Url(a, b))));
        var link = await admin.RelateAsync(a, b, "partner-of");
        Assert.Single(Paths(await admin.GetJson(Url(a, b))));

        app.Clock.Advance(TimeSpan.FromHours(1));
        admin = await app.AdminAsync();
        await admin.PostJson($"/api/v1/relationships/{link}/end", new { }, HttpStatusCode.OK);
        Assert.Empty(Paths(await admin.GetJson(Url(a, b))));
        await admin.RelateAsync(b, a, "supplier-of");
        Assert.Equal([[(a, b, "supplier-of")]], Paths(await admin.GetJson(Url(a, b))));

        // A person added with an account gets a works-for link written without an outbox event: rows are read too.
        var hostId = (await admin.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>();
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountSetup>()
            .CreateUserAsync("Nina New", $"nina{Guid.NewGuid():N}@host.test", "a-long-password-1", null, false);
        Assert.Equal([[(hostId, created.Value!.PersonPartyId, "works-for")]], Paths(await admin.GetJson(Url(hostId, created.Value!.PersonPartyId, maxHops: 1))));
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheEndpoint()
    {
        var doc = await app.CreateClient().GetJson("/openapi/v1.json");
        var get = doc["paths"]!["/api/v1/parties/{id}/paths"]!["get"]!;
        Assert.Equal("Network", get["tags"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AnApiKeyNeedsTheRelationshipsReadScope()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreatePartyAsync("person", "Kay Key");
        var b = await admin.CreatePartyAsync("person", "Lee Key");
        await admin.RelateAsync(a, b, "knows");
        foreach (var (scope, expected) in new[] { ("relationships:read", HttpStatusCode.OK), ("parties:read", HttpStatusCode.Forbidden) })
        {
            var key = (await admin.PostJson("/api/v1/api-keys", new { name = $"Paths {scope}", scopes = new[] { scope } }))["key"]!.GetValue<string>();
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            await (await client.GetAsync(Url(a, b))).Expect(expected);
        }
    }
}
