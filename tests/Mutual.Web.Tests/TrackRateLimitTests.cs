using System.Net;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>The public tracking endpoint gives each client address a budget per minute; its own app, so no other test spends it.</summary>
public sealed class TrackRateLimitTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task GuessingTrackingCodesIsRateLimited()
    {
        var anonymous = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) statuses.Add((await anonymous.GetAsync($"/api/v1/track/{i:D22}")).StatusCode);
        // The window is a real-time minute, which may turn over mid-loop: so at least, not exactly, ten refusals.
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.NotFound, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var refused = await anonymous.GetAsync("/api/v1/track/x");
        if (refused.StatusCode == HttpStatusCode.TooManyRequests) Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }
}
