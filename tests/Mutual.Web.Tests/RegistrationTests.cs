using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Joining as an individual: a person who registers themself and acts for themself.</summary>
public sealed class RegistrationTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task RegisteringCreatesAnIndividualWhoActsForThemselfAndCanSignIn()
    {
        var email = $"Ida-{Guid.NewGuid():N}@People.Test";
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "individual-pass-1", name = "  Ida Individual " });
        await response.Expect(HttpStatusCode.Created);
        var token = await response.Json();
        Assert.Equal("Bearer", token["tokenType"]!.GetValue<string>());
        Assert.True(token["expiresIn"]!.GetValue<int>() > 0);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());

        var me = await client.GetJson("/api/v1/me");
        var self = me["personPartyId"]!.GetValue<Guid>();
        Assert.Equal(self, me["actingPartyId"]!.GetValue<Guid>());
        Assert.Equal(("Ida Individual", email.ToLowerInvariant(), false), (me["personName"]!.GetValue<string>(), me["email"]!.GetValue<string>(), me["isAdmin"]!.GetValue<bool>()));
        var profile = await client.GetJson("/api/v1/me/profile");
        Assert.Equal([email.ToLowerInvariant()], profile["emails"].Strings());
        Assert.Equal(1, profile["version"]!.GetValue<int>());
        Assert.Equal(1, await app.OutboxCountAsync("account.created", self));

        // The same credentials sign in; the new individual is a member of the network, showing only name and kind.
        var again = await app.LoginAsync(email, "individual-pass-1");
        Assert.Equal(self, (await again.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>());
        var admin = await app.AdminAsync();
        var seen = await admin.GetJson($"/api/v1/parties/{self}");
        Assert.Equal(("member", "person", true), (seen["view"]!.GetValue<string>(), seen["kind"]!.GetValue<string>(), seen["isMember"]!.GetValue<bool>()));
        Assert.Empty(seen["emails"]!.AsArray());
        // The individual's own book holds their own record: they cannot see the host's parties.
        Assert.DoesNotContain((await client.GetJson("/api/v1/parties?limit=200")).Items(), p => p!["name"]!.GetValue<string>() == "Hannah Host");
    }

    [Fact]
    public async Task AnInvalidRegistrationIsAFieldErrorAndCreatesNothing()
    {
        var client = app.CreateClient();
        var problem = await client.PostJson("/api/v1/auth/register", new { email = "not-an-email", password = "short", name = " " }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "email", "password", "name" }) Assert.NotNull(problem["errors"]![field]);
        problem = await client.PostJson("/api/v1/auth/register", new { email = "long@people.test", password = new string('x', 257), name = "Long" }, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["password"]);
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "long@people.test", password = new string('x', 257) })).Expect(HttpStatusCode.Unauthorized);
        await (await client.PostRaw("/api/v1/auth/register", "{\"email\": 5}")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADuplicateEmailIsAConflictWhateverItsCase()
    {
        var individual = await app.RegisterAsync("Dora Duplicate");
        var client = app.CreateClient();
        var problem = await client.PostJson("/api/v1/auth/register", new { email = individual.Email.ToUpperInvariant(), password = "another-pass-1", name = "Dora Again" }, HttpStatusCode.Conflict);
        Assert.Contains("exists", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // An email of an organization's person is taken as well.
        await client.PostJson("/api/v1/auth/register", new { email = MutualApp.AdminEmail, password = "another-pass-1", name = "Not Hannah" }, HttpStatusCode.Conflict);
        // The first account keeps its password.
        await app.LoginAsync(individual.Email, Individuals.Password);
    }
}

/// <summary>The app with a small sign-up budget per address.</summary>
public sealed class ThrottledSignUpApp : MutualApp
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mutual:Auth:MaxRegistrationsPerHour", "3");
    }
}

public sealed class RegistrationThrottleTests(ThrottledSignUpApp app) : IClassFixture<ThrottledSignUpApp>
{
    [Fact]
    public async Task SignUpsFromOneAddressAreLimitedPerHourOnTheAppsClock()
    {
        var client = app.CreateClient();
        object Body(int i) => new { email = $"burst{i}-{Guid.NewGuid():N}@people.test", password = "burst-pass-1", name = $"Burst {i}" };
        await (await client.PostAsJsonAsync("/api/v1/auth/register", Body(1))).Expect(HttpStatusCode.Created);
        // A refused attempt counts too, so the endpoint is no fast oracle for existing emails.
        await (await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "bad", password = "x", name = "" })).Expect(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync("/api/v1/auth/register", Body(2))).Expect(HttpStatusCode.Created);
        var refused = await client.PostAsJsonAsync("/api/v1/auth/register", Body(3));
        await refused.Expect(HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await (await client.PostAsJsonAsync("/api/v1/auth/register", Body(4))).Expect(HttpStatusCode.Created);
    }
}
