using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Cases;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>SLA clocks on cases, on the app's fake clock: its own app, since these tests move time by hours.</summary>
public sealed class CaseSlaTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Cast(Member Seller, Member Partner, Guid Customer);

    private async Task<Cast> CastAsync()
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Seller Co", "Sam Seller");
        var partner = await app.JoinAsync(admin, "Repair Partner", "Ria Repair");
        return new Cast(seller, partner, await seller.Client.CreatePartyAsync("person", "Carla Customer"));
    }

    private static Task<System.Text.Json.Nodes.JsonNode> OpenAsync(Cast c, string priority) =>
        c.Seller.Client.PostJson("/api/v1/cases", new { title = "Inverter fault", customerPartyId = c.Customer, description = "Error E42", priority });

    [Fact]
    public async Task ABreachedResponseTargetIsFlaggedAndAnnouncedOnce()
    {
        var c = await CastAsync();
        var urgent = await OpenAsync(c, "urgent");
        var answered = await OpenAsync(c, "urgent");
        await c.Seller.Client.PostJson($"/api/v1/cases/{answered.Id()}/replies", new { text = "On it." });
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var sweep = app.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSlaSweep>();
        Assert.True(await sweep.RunAsync() >= 1);
        await sweep.RunAsync();
        Assert.Equal(1, await app.OutboxCountAsync("case.sla_breached", urgent.Id()));
        Assert.Equal(0, await app.OutboxCountAsync("case.sla_breached", answered.Id()));
        var seller = await app.SignInAgainAsync(c.Seller);
        Assert.True((await seller.Client.GetJson($"/api/v1/cases/{urgent.Id()}"))["responseBreached"]!.GetValue<bool>());

        // Eight hours in, both miss resolution: each is announced once more, for resolution.
        app.Clock.Advance(TimeSpan.FromHours(7));
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal(2, await app.OutboxCountAsync("case.sla_breached", urgent.Id()));
        Assert.Equal(1, await app.OutboxCountAsync("case.sla_breached", answered.Id()));
    }

    [Fact]
    public async Task AHandOffStartsTheNewHoldersResponseClock()
    {
        var c = await CastAsync();
        var id = (await OpenAsync(c, "urgent")).Id();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var seller = await app.SignInAgainAsync(c.Seller);
        var handed = await seller.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Yours" }, HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(1), handed["respondBy"]!.GetValue<DateTime>());
        var sweep = app.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSlaSweep>();
        app.Clock.Advance(TimeSpan.FromMinutes(31)); // past the seller's original target, not the partner's
        await sweep.RunAsync();
        Assert.Equal(0, await app.OutboxCountAsync("case.sla_breached", id));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal(1, await app.OutboxCountAsync("case.sla_breached", id));
    }
}
