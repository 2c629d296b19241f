using System.Net;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class ContractTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task HealthAnswersOnceTheDatabaseIsReachable()
    {
        var health = await app.CreateClient().GetJson("/health");
        Assert.Equal("ok", health["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task LivenessAnswersWithoutSignIn()
    {
        var live = await app.CreateClient().GetJson("/health/live");
        Assert.Equal("ok", live["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        var doc = await app.CreateClient().GetJson("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/me", "/api/v1/parties", "/api/v1/parties/{id}", "/api/v1/relationships",
                     "/api/v1/parties/{id}/relationships", "/api/v1/directory", "/api/v1/parties/{id}/invitations", "/api/v1/auth/accept-invitation",
                     "/api/v1/conversations", "/api/v1/conversations/{id}", "/api/v1/conversations/{id}/messages", "/api/v1/parties/{id}/timeline",
                     "/api/v1/auth/register", "/api/v1/me/profile", "/api/v1/me/vendor-profile", "/api/v1/consents", "/api/v1/consents/{id}",
                     "/api/v1/consents/{id}/accept", "/api/v1/consents/{id}/decline", "/api/v1/consents/terms", "/api/v1/parties/{id}/profile", "/api/v1/me/access-log",
                     "/api/v1/intents", "/api/v1/intents/{id}", "/api/v1/intents/{id}/offers", "/api/v1/intents/{id}/offers/{offerId}/accept" })
            Assert.Contains(path, paths);
        Assert.NotNull(doc["components"]!["securitySchemes"]!["Bearer"]);
    }

    [Theory]
    [InlineData("{\"kind\": \"person\", ")]
    [InlineData("not json")]
    [InlineData("{\"kind\": 5, \"name\": []}")]
    [InlineData("[]")]
    public async Task MalformedJsonIsABadRequestProblem(string body)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostRaw("/api/v1/parties", body);
        await response.Expect(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["title"]);
    }

    [Theory]
    [InlineData("/api/v1/parties?limit=abc")]
    [InlineData("/api/v1/parties?limit=0")]
    [InlineData("/api/v1/parties?cursor=%%%")]
    [InlineData("/api/v1/conversations?cursor=bm90LWEtY3Vyc29y")]
    public async Task BadListParametersAreBadRequests(string url)
    {
        var admin = await app.AdminAsync();
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LimitIsCappedAt200()
    {
        var admin = await app.AdminAsync();
        var page = await admin.GetJson("/api/v1/parties?limit=5000");
        Assert.True(page.Items().Count <= 200);
    }
}
