using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class AuthTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task BootstrapAdminSignsInAndActsForTheHostOrganization()
    {
        var client = app.CreateClient();
        var login = await client.PostJson("/api/v1/auth/login", new { email = MutualApp.AdminEmail, password = MutualApp.AdminPassword }, HttpStatusCode.OK);
        Assert.Equal("Bearer", login["tokenType"]!.GetValue<string>());
        Assert.True(login["expiresIn"]!.GetValue<int>() > 0);
        Assert.StartsWith("mut_", login["accessToken"]!.GetValue<string>());

        client.DefaultRequestHeaders.Authorization = new("Bearer", login["accessToken"]!.GetValue<string>());
        var me = await client.GetJson("/api/v1/me");
        Assert.Equal(MutualApp.AdminEmail, me["email"]!.GetValue<string>());
        var host = await client.GetJson($"/api/v1/parties/{me["actingPartyId"]}");
        Assert.Equal("Host Co", host["name"]!.GetValue<string>());
        Assert.True(host["isHost"]!.GetValue<bool>());
        var person = await client.GetJson($"/api/v1/parties/{me["personPartyId"]}");
        Assert.Contains("employee", person["roles"].Strings());
    }

    [Fact]
    public async Task WrongPasswordIsUnauthorizedProblem()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = MutualApp.AdminEmail, password = "nope-nope" });
        await response.Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RequestsWithoutOrWithABadTokenAreUnauthorized()
    {
        var client = app.CreateClient();
        await (await client.GetAsync("/api/v1/parties")).Expect(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "mut_not-a-token");
        var response = await client.GetAsync("/api/v1/me");
        await response.Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TokensExpire()
    {
        var client = await app.AdminAsync();
        await (await client.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await (await client.GetAsync("/api/v1/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RepeatedFailedSignInsAreRateLimited()
    {
        var client = app.CreateClient();
        var email = "target-" + Guid.NewGuid().ToString("N")[..6] + "@host.test";
        for (var i = 0; i < 10; i++)
            await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guess-" + i })).Expect(HttpStatusCode.Unauthorized);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guess-x" });
        await limited.Expect(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        // Other accounts are not affected.
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = MutualApp.AdminEmail, password = MutualApp.AdminPassword })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InvitationIsUsableOnceAndTheNewAccountActsForTheEmployer()
    {
        var admin = await app.AdminAsync();
        var member = await app.JoinAsync(admin, "Globex", "Ana Lima");
        var me = await member.Client.GetJson("/api/v1/me");
        Assert.Equal(member.OrganizationId, me["actingPartyId"]!.GetValue<Guid>());
        Assert.Equal(member.PersonId, me["personPartyId"]!.GetValue<Guid>());

        var other = await admin.CreatePartyAsync("person", "Solo Sam", ["sam@solo.test"]);
        var created = await admin.PostAsJsonAsync($"/api/v1/parties/{other}/invitations", new { email = "sam@solo.test" });
        await created.Expect(HttpStatusCode.Created);
        var invitation = await created.Json();
        var status = await admin.GetJson(created.Headers.Location!.OriginalString);
        Assert.Null(status["token"]);
        Assert.Null(status["acceptedAt"]);
        var token = invitation["token"]!.GetValue<string>();
        var anonymous = app.CreateClient();
        var first = await anonymous.PostJson("/api/v1/auth/accept-invitation", new { token, password = "sam-password-1" }, HttpStatusCode.OK);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", first["accessToken"]!.GetValue<string>());
        Assert.Equal(other, (await anonymous.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>());

        Assert.NotNull((await admin.GetJson(created.Headers.Location!.OriginalString))["acceptedAt"]);
        var again = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/accept-invitation", new { token, password = "sam-password-1" });
        await again.Expect(HttpStatusCode.NotFound);
        var unknown = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/accept-invitation", new { token = "inv_unknown", password = "whatever-123" });
        await unknown.Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlyPersonsInYourBookCanBeInvited()
    {
        var admin = await app.AdminAsync();
        var org = await admin.CreatePartyAsync("organization", "Initech");
        var response = await admin.PostAsJsonAsync($"/api/v1/parties/{org}/invitations", new { email = "x@initech.test" });
        await response.Expect(HttpStatusCode.UnprocessableEntity);
        var bad = await admin.PostAsJsonAsync($"/api/v1/parties/{org}/invitations", new { email = "not-an-email" });
        await bad.Expect(HttpStatusCode.BadRequest);
        Assert.NotNull((await bad.Json())["errors"]!["email"]);
    }
}
