using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class ApiKeysTests(MutualApp app) : IClassFixture<MutualApp>
{
    private HttpClient WithKey(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private static async Task<(Guid Id, string Key)> CreateKeyAsync(HttpClient owner, params string[] scopes)
    {
        var created = await owner.PostJson("/api/v1/api-keys", new { name = "CRM sync", scopes });
        return (created.Id(), created["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task AKeyActsForItsOrganizationWithinItsScopes()
    {
        var member = await app.JoinAsync(await app.AdminAsync(), "Keyholders", "Kim Key");
        var response = await member.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "CRM sync", scopes = new[] { "parties:read", "parties:write" } });
        await response.Expect(HttpStatusCode.Created);
        var created = await response.Json();
        var key = created["key"]!.GetValue<string>();
        Assert.StartsWith("mk_", key, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/api-keys/{created.Id()}", response.Headers.Location!.ToString());
        Assert.Equal(key[^4..], created["last4"]!.GetValue<string>());

        var system = WithKey(key);
        var party = await system.CreatePartyAsync("organization", "Synced Co");
        Assert.Contains((await system.GetJson("/api/v1/parties?limit=200")).Items(), p => p.Id() == party);
        Assert.Equal("owner", (await member.Client.GetJson($"/api/v1/parties/{party}"))["view"]!.GetValue<string>());

        var listed = Assert.Single((await member.Client.GetJson("/api/v1/api-keys")).Items());
        Assert.Null(listed!["key"]);
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(listed["lastUsedAt"]);
        Assert.True(listed["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AKeyWithoutTheScopeGets403AndSessionsAreUnaffected()
    {
        var admin = await app.AdminAsync();
        var (_, key) = await CreateKeyAsync(admin, "parties:read");
        var system = WithKey(key);
        await (await system.GetAsync("/api/v1/parties")).Expect(HttpStatusCode.OK);
        var refused = await system.PostAsJsonAsync("/api/v1/parties", new { kind = "person", name = "Nope", emails = Array.Empty<string>(), phones = Array.Empty<string>(), tags = Array.Empty<string>() });
        await refused.Expect(HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("parties:write", (await refused.Json())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await system.GetAsync("/api/v1/conversations")).Expect(HttpStatusCode.Forbidden);
        await (await system.GetAsync("/api/v1/webhooks")).Expect(HttpStatusCode.Forbidden);
        // Keys cannot manage keys, nor reach endpoints without an area.
        await (await system.GetAsync("/api/v1/api-keys")).Expect(HttpStatusCode.Forbidden);
        await (await system.GetAsync("/api/v1/me")).Expect(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/v1/conversations")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARevokedOrExpiredKeyIsRefusedAtOnce()
    {
        var admin = await app.AdminAsync();
        var (id, key) = await CreateKeyAsync(admin, "parties:read");
        var system = WithKey(key);
        await (await system.GetAsync("/api/v1/parties")).Expect(HttpStatusCode.OK);
        await (await admin.DeleteAsync($"/api/v1/api-keys/{id}")).Expect(HttpStatusCode.NoContent);
        await (await system.GetAsync("/api/v1/parties")).Expect(HttpStatusCode.Unauthorized);
        Assert.False((await admin.GetJson($"/api/v1/api-keys/{id}"))["active"]!.GetValue<bool>());
        await (await WithKey("mk_not-a-key").GetAsync("/api/v1/parties")).Expect(HttpStatusCode.Unauthorized);

        var expiring = await admin.PostJson("/api/v1/api-keys", new { name = "Short", scopes = new[] { "parties:read" }, expiresAt = app.Clock.GetUtcNow().AddDays(1) });
        var shortLived = WithKey(expiring["key"]!.GetValue<string>());
        await (await shortLived.GetAsync("/api/v1/parties")).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(2));
        await (await shortLived.GetAsync("/api/v1/parties")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BadRequestsAreFieldErrors()
    {
        var admin = await app.AdminAsync();
        var unknown = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "X", scopes = new[] { "parties:delete" } });
        await unknown.Expect(HttpStatusCode.BadRequest);
        Assert.NotNull((await unknown.Json())["errors"]!["scopes"]);
        var nameless = await admin.PostAsJsonAsync("/api/v1/api-keys", new { scopes = new[] { "parties:read" } });
        Assert.NotNull((await (await nameless.Expect(HttpStatusCode.BadRequest)).Json())["errors"]!["name"]);
        var past = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "X", scopes = new[] { "parties:read" }, expiresAt = app.Clock.GetUtcNow().AddDays(-1) });
        Assert.NotNull((await (await past.Expect(HttpStatusCode.BadRequest)).Json())["errors"]!["expiresAt"]);
    }

    [Fact]
    public async Task AnotherPartyCannotSeeOrRevokeTheKey()
    {
        var admin = await app.AdminAsync();
        var (id, key) = await CreateKeyAsync(admin, "parties:read");
        var other = await app.JoinAsync(admin, "Outsiders", "Otto Outside");
        await (await other.Client.GetAsync($"/api/v1/api-keys/{id}")).Expect(HttpStatusCode.NotFound);
        await (await other.Client.DeleteAsync($"/api/v1/api-keys/{id}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await other.Client.GetJson("/api/v1/api-keys?limit=200")).Items(), k => k.Id() == id);
        await (await WithKey(key).GetAsync("/api/v1/parties")).Expect(HttpStatusCode.OK);

        // Nor can the other party's key reach it: keys never manage keys.
        var (_, otherKey) = await CreateKeyAsync(other.Client, "parties:read", "parties:write");
        await (await WithKey(otherKey).DeleteAsync($"/api/v1/api-keys/{id}")).Expect(HttpStatusCode.Forbidden);
        await (await WithKey(key).GetAsync("/api/v1/parties")).Expect(HttpStatusCode.OK);
    }
}
