using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class PartiesTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task CreatingAPartyAnswers201WithLocationETagAndTheParty()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/parties", new
        {
            kind = "organization", name = "  Globex Manufacturing ", emails = new[] { "Info@Globex.test" }, phones = new[] { "+49 30 1234" },
            website = "globex.test", tags = new[] { "Key-Account", "eu" },
        });
        await response.Expect(HttpStatusCode.Created);
        var party = await response.Json();
        Assert.Equal($"/api/v1/parties/{party.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Globex Manufacturing", party["name"]!.GetValue<string>());
        Assert.Equal(["info@globex.test"], party["emails"].Strings());
        Assert.Equal(["key-account", "eu"], party["tags"].Strings());
        Assert.Equal("https://globex.test", party["website"]!.GetValue<string>());

        var read = await admin.GetAsync($"/api/v1/parties/{party.Id()}");
        await read.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task InvalidPartyGetsFieldErrorsAndIsNotCreated()
    {
        var admin = await app.AdminAsync();
        var before = (await admin.GetJson("/api/v1/parties?q=bogusname")).Items().Count;
        var response = await admin.PostAsJsonAsync("/api/v1/parties", new
        {
            kind = "robot", name = "Bogusname", emails = new[] { "nope" }, phones = new[] { "call me" }, website = "ftp://x", tags = Array.Empty<string>(),
        });
        await response.Expect(HttpStatusCode.BadRequest);
        var errors = (await response.Json())["errors"]!.AsObject();
        foreach (var field in new[] { "kind", "emails", "phones", "website" }) Assert.True(errors.ContainsKey(field), field);
        Assert.Equal(before, (await admin.GetJson("/api/v1/parties?q=bogusname")).Items().Count);
    }

    [Fact]
    public async Task FullTextSearchMatchesNamesEmailsAndTagsByPrefix()
    {
        var admin = await app.AdminAsync();
        var id = await admin.CreatePartyAsync("person", "Zelda Quixote", ["zq@hyrule-mail.test"], ["falconry"]);
        foreach (var q in new[] { "zeld", "quix zel", "hyrule", "zq@hyrule-mail.test", "falcon" })
            Assert.Contains(id, (await admin.GetJson($"/api/v1/parties?q={Uri.EscapeDataString(q)}")).Items().Select(p => p.Id()));
        Assert.DoesNotContain(id, (await admin.GetJson("/api/v1/parties?q=zelda+nobody")).Items().Select(p => p.Id()));
        // Search syntax characters are plain text, never an engine error.
        await (await admin.GetAsync("/api/v1/parties?q=%22%28*%29%22%20OR%20NEAR%20%3A%20-")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ListPaginatesByCursorWithoutGapsOrRepeats()
    {
        var admin = await app.AdminAsync();
        var tag = "page" + Guid.NewGuid().ToString("N")[..6];
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++) created.Add(await admin.CreatePartyAsync("organization", $"Paged Org {i}", tags: [tag]));
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJson($"/api/v1/parties?tag={tag}&limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.Items().Count <= 3);
            seen.AddRange(page.Items().Select(p => p.Id()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task RolesComeFromRelationshipsAndFilterTheList()
    {
        var admin = await app.AdminAsync();
        var me = await admin.GetJson("/api/v1/me");
        var host = me["actingPartyId"]!.GetValue<Guid>();
        var tag = "roles" + Guid.NewGuid().ToString("N")[..6];
        var both = await admin.CreatePartyAsync("organization", "Customer And Supplier", tags: [tag]);
        var plain = await admin.CreatePartyAsync("organization", "Just Known", tags: [tag]);
        await admin.RelateAsync(both, host, "customer-of");
        await admin.RelateAsync(both, host, "supplier-of");
        var party = await admin.GetJson($"/api/v1/parties/{both}");
        Assert.Equal(["customer", "supplier"], party["roles"].Strings());
        var customers = (await admin.GetJson($"/api/v1/parties?tag={tag}&role=customer")).Items().Select(p => p.Id()).ToList();
        Assert.Equal([both], customers);
        Assert.DoesNotContain(plain, customers);
        await (await admin.GetAsync("/api/v1/parties?role=wizard")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PatchChangesOnlyGivenFieldsAndHonoursIfMatch()
    {
        var admin = await app.AdminAsync();
        var id = await admin.CreatePartyAsync("organization", "Patchable", ["a@patch.test"], ["one"]);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/parties/{id}") { Content = JsonContent.Create(new { name = "Patched", website = "https://patched.test" }) };
        patch.Headers.IfMatch.Add(new("\"1\""));
        var ok = await admin.SendAsync(patch);
        await ok.Expect(HttpStatusCode.OK);
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);
        var body = await ok.Json();
        Assert.Equal("Patched", body["name"]!.GetValue<string>());
        Assert.Equal(["a@patch.test"], body["emails"].Strings());
        Assert.Equal(["one"], body["tags"].Strings());

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/parties/{id}") { Content = JsonContent.Create(new { name = "Lost update" }) };
        stale.Headers.IfMatch.Add(new("\"1\""));
        await (await admin.SendAsync(stale)).Expect(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Patched", (await admin.GetJson($"/api/v1/parties/{id}"))["name"]!.GetValue<string>());

        var mergePatch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/parties/{id}")
        {
            Content = new StringContent("{\"website\": null}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        var merged = await admin.SendAsync(mergePatch);
        await merged.Expect(HttpStatusCode.OK);
        Assert.Null((await merged.Json())["website"]);

        var invalid = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/parties/{id}") { Content = JsonContent.Create(new { name = "", emails = "x" }) };
        var bad = await admin.SendAsync(invalid);
        await bad.Expect(HttpStatusCode.BadRequest);
        Assert.NotNull((await bad.Json())["errors"]!["emails"]);
        Assert.Equal("Patched", (await admin.GetJson($"/api/v1/parties/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task IdempotencyKeyReplaysTheFirstResponseAndCreatesNothingNew()
    {
        var admin = await app.AdminAsync();
        var key = Guid.NewGuid().ToString();
        var name = "Idem " + key[..8];
        HttpRequestMessage Request(string n) => new(HttpMethod.Post, "/api/v1/parties")
        {
            Content = JsonContent.Create(new { kind = "organization", name = n, emails = Array.Empty<string>(), phones = Array.Empty<string>(), tags = Array.Empty<string>() }),
            Headers = { { "Idempotency-Key", key } },
        };
        var first = await admin.SendAsync(Request(name));
        await first.Expect(HttpStatusCode.Created);
        var second = await admin.SendAsync(Request(name));
        await second.Expect(HttpStatusCode.Created);
        Assert.Equal((await first.Json()).Id(), (await second.Json()).Id());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single((await admin.GetJson($"/api/v1/parties?q={Uri.EscapeDataString(name)}")).Items());

        var different = await admin.SendAsync(Request(name + " changed"));
        await different.Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Empty((await admin.GetJson($"/api/v1/parties?q={Uri.EscapeDataString(name + " changed")}")).Items());
    }

    [Fact]
    public async Task DirectoryListsMembersOnlyWithTheirPublicProfile()
    {
        var admin = await app.AdminAsync();
        var member = await app.JoinAsync(admin, "Directory Member Org", "Dora Member");
        var prospect = await admin.CreatePartyAsync("organization", "Directory Prospect Org");
        var directory = (await member.Client.GetJson("/api/v1/directory?q=directory")).Items();
        var ids = directory.Select(d => d.Id()).ToList();
        Assert.Contains(member.OrganizationId, ids);
        Assert.DoesNotContain(prospect, ids);
        Assert.All(directory, d => Assert.Null(d!["emails"]));
        var host = (await member.Client.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>();
        var adminHost = (await admin.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>();
        Assert.NotEqual(adminHost, host);
        var hostSeenByMember = await member.Client.GetJson($"/api/v1/parties/{adminHost}");
        Assert.Equal("member", hostSeenByMember["view"]!.GetValue<string>());
        Assert.Empty(hostSeenByMember["emails"]!.AsArray());
        Assert.Empty(hostSeenByMember["tags"]!.AsArray());
    }
}
